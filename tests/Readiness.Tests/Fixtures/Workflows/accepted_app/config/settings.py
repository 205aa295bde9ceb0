"""Production settings with accepted risks: one in a suppression file, one inline (see .readiness/suppressions)."""
import os

SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-9f#k2!x7@q1z$w8e^r4t6y0u3i5o")

DEBUG = os.environ.get("DEBUG", "True") == "True"

# readiness-ignore RDY1102: the load balancer only forwards our two host names
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")

INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "api"]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
