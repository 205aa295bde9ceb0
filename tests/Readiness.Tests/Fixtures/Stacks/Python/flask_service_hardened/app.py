"""The same receiver, hardened."""
import os
from flask import Flask, jsonify


class Config:
    DEBUG = False


class ProductionConfig(Config):
    DEBUG = False


class DevelopmentConfig(Config):
    DEBUG = True


class BaseConfig:
    # Every subclass sets its own value, so this default is never used as it is.
    DEBUG = True


class StagingConfig(BaseConfig):
    DEBUG = False


app = Flask(__name__)
app.config.from_object(Config)
app.debug = os.environ.get("FLASK_DEBUG", "0") == "1"


@app.route("/health")
def health():
    return jsonify(status="ok")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000, debug=os.environ.get("FLASK_DEBUG") == "1")
