import os

# bool() of any non-empty string is True, so this is on unless the variable is set to "".
DEBUG = bool(os.getenv("DJANGO_DEBUG", "False"))  # Noncompliant RDY1101

SECRET_KEY = os.environ["SECRET_KEY"]
