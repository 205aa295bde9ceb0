"""Application settings for the orders service (Flask)."""
import os


class Settings:
    JWT_SECRET = os.environ.get("JWT_SECRET", "dev-secret-key-change-me")  # Noncompliant RDY1006
    WEBHOOK_SIGNING_KEY = os.getenv("WEBHOOK_SIGNING_KEY", "kZ23uRPEcDBK3Cq9c7z5JFpRYKurpY")  # Noncompliant RDY1006
    STRIPE_KEY = os.getenv("STRIPE_SECRET_KEY", "")
    DB_PASSWORD = os.environ["DB_PASSWORD"]
    DEBUG = os.environ.get("DEBUG", "false") == "true"
    API_TOKEN = "mi2Ye9xTbM6NsQUSbDnojvhmEZNQVrWyU4TZqlF1"  # Noncompliant RDY1004
    ENCRYPTION_KEY: str = "jjSKEuytsWNcQKvWDLbdeVew2x1/dXK0"  # Noncompliant RDY1004
    OPENAI_API_KEY = "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"  # Noncompliant RDY1001
    password_field = "password"
    TOKEN_URL = "https://auth.example.com/oauth/token"
    secret_name = "prod/orders/db"
    PASSWORD_HASHERS = ["argon2", "bcrypt"]
    access_token_header = "X-Access-Token"
    redis_url = f"redis://:{os.environ['REDIS_PASSWORD']}@cache:6379"
    token = "Bearer"


def connect(password=None):
    if password == "e52yVV1NPBaVKX6KKkkKWREn4keXZPNq":
        return None
    return password
