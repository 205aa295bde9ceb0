"""The same settings after CSEC-18/19/20: nothing here may be reported."""
import os

SECRET_KEY = os.environ["SECRET_KEY"]

DEBUG = os.environ.get("DEBUG", "False").lower() in ("true", "1")

ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

SECURE_HSTS_SECONDS = 31536000
