"""Coco TestAI backend settings (seed plan 000), as deployed to Elastic Beanstalk before the CSEC fixes."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-4x!p9@k2#v7&m1z8q3w6e0r5t")  # Noncompliant RDY1103

DEBUG = os.environ.get("DEBUG", "True") == "True"  # Noncompliant RDY1101

ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")  # Noncompliant RDY1102

OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "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")  # Noncompliant RDY1001

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "coco"),
        "USER": os.environ.get("DB_USER", "coco"),
        "PASSWORD": os.environ.get("DB_PASSWORD", "coco-db-pw-2024!"),  # Noncompliant RDY1006
        "HOST": os.environ.get("DB_HOST", "localhost"),
    }
}

EXTENSION_SHARED_SECRET = "e52yVV1NPBaVKX6KKkkKWREn4keXZPNq"  # Noncompliant RDY1004
CORS_ALLOWED_ORIGINS = ["chrome-extension://abcdefghijklmnopabcdefghijklmnop"]
