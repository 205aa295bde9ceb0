"""Production module: inherits from base with a star import, so missing settings may live there (not judged)."""
from .base import *  # noqa: F401,F403

DEBUG = False
CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://.*$"]  # Noncompliant RDY1105
CORS_ALLOW_CREDENTIALS = True
SESSION_COOKIE_SECURE = True
