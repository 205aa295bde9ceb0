# The code every shard of the organisation tests scans besides its account: its finding must appear once in the
# merged result, as in one scan of the whole organisation, not once per shard.
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = True  # Noncompliant RDY1101
ALLOWED_HOSTS = ["app.example.com"]
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
