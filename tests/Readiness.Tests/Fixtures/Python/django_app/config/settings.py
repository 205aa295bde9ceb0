"""Production settings modelled on seed plan 000 (Coco TestAI), before the CSEC fixes."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-9f#k2!x7@q1z$w8e^r4t6y0u3i5o")  # Noncompliant RDY1103

DEBUG = os.environ.get("DEBUG", "True") == "True"  # Noncompliant RDY1101

ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")  # Noncompliant RDY1102

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "corsheaders",
    "api",
]
