"""Webhook receiver started with `python app.py` in its container."""
import os
from flask import Flask, jsonify


class Config:
    DEBUG = True  # Noncompliant RDY1106
    JSON_SORT_KEYS = False


class DevelopmentConfig(Config):
    DEBUG = True


class ProductionConfig(Config):
    # Inherits DEBUG = True from Config: the bug is reported on the base class line.
    PREFERRED_URL_SCHEME = "https"


app = Flask(__name__)
app.config.from_object(Config)
app.config.update(DEBUG=True)  # Noncompliant RDY1107
app.debug = os.environ.get("FLASK_DEBUG", "1") == "1"  # Noncompliant RDY1107


@app.route("/health")
def health():
    return jsonify(status="ok")


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000, debug=True)  # Noncompliant RDY1107
