"""Shared settings: the deploy checks are judged in the module that imports this one, not here."""
import os

DEBUG = False
INSTALLED_APPS = ["django.contrib.auth", "corsheaders", "api"]
ROOT_URLCONF = "config.urls"
CORS_ORIGIN_ALLOW_ALL = os.environ.get("CORS_ORIGIN_ALLOW_ALL", "true") == "true"  # Noncompliant RDY1105
CORS_ALLOW_CREDENTIALS = True
