"""Developer laptops only: DEBUG and a wildcard host are fine here."""
from .base import *  # noqa: F401,F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
