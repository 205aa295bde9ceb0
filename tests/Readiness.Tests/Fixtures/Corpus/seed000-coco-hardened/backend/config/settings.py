"""Coco TestAI backend settings after CSEC-18/19/20: nothing here may be reported."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["SECRET_KEY"]

DEBUG = os.environ.get("DEBUG", "False").lower() in ("true", "1")

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "coco"),
        "USER": os.environ.get("DB_USER", "coco"),
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": os.environ.get("DB_HOST", "localhost"),
    }
}

EXTENSION_SHARED_SECRET = os.environ["EXTENSION_SHARED_SECRET"]
CORS_ALLOWED_ORIGINS = ["chrome-extension://abcdefghijklmnopabcdefghijklmnop"]

SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
