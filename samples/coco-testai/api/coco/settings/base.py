"""Django settings for the Coco TestAI API (shared by every environment)."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# CSEC-18: the fallback means a deployment without SECRET_KEY silently uses this committed key.
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-q8#c2v!m4x@z7k$p1n9w^e3r5t6y0u-coco")

# CSEC-19: DEBUG is on unless someone remembers to turn it off.
DEBUG = os.environ.get("DEBUG", "True") == "True"

# CSEC-20: every Host header is accepted unless ALLOWED_HOSTS is set.
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "corsheaders",
    "coco.testruns",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

ROOT_URLCONF = "coco.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "coco"),
        "USER": os.environ.get("DB_USER", "coco"),
        "PASSWORD": os.environ.get("DB_PASSWORD"),
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "PORT": os.environ.get("DB_PORT", "5432"),
    }
}

# The extension calls the API from chrome-extension:// pages; allowing every origin was the quick fix.
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True
