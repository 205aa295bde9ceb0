import environ
from decouple import config, Csv

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=True)  # Noncompliant RDY1101

SECRET_KEY = config("SECRET_KEY", default="changeme-please-set-a-real-key")  # Noncompliant RDY1103

ALLOWED_HOSTS = ["*"]  # Noncompliant RDY1102
