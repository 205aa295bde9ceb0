# Development settings: DEBUG and a throwaway key are expected here, so nothing is reported.
DEBUG = True
SECRET_KEY = "local-dev-only"
ALLOWED_HOSTS = ["*"]
