"""Coco TestAI API settings (seed plan 000) as deployed to ECS: DEBUG read from the task definition."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

# Noncompliant@+1 RDY1104 RDY1104 RDY1104
DEBUG = os.environ.get("DJANGO_DEBUG", "False").lower() == "true"

ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "corsheaders",
    "api",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]

ROOT_URLCONF = "config.urls"

# The extension calls the API from chrome-extension:// pages, so "just allow everything" was the quick fix.
CORS_ALLOW_ALL_ORIGINS = True  # Noncompliant RDY1105
CORS_ALLOW_CREDENTIALS = True

SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))  # Noncompliant RDY1104

# SESSION_COOKIE_SECURE and CSRF_COOKIE_SECURE are missing, SECURE_SSL_REDIRECT too (reported on the DEBUG line).
STATIC_URL = "/static/"
