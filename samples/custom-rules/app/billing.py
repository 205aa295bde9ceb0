"""Billing client for the Acme internal API."""
import os

import requests

# The internal billing API token, committed by mistake (ACME-001 reports it).
ACME_BILLING_TOKEN = "acme_7c1e4b9a2f6d8e3c5a0b9d7f1e2c4a6b"

BILLING_URL = os.environ.get("BILLING_URL", "https://billing.internal.acme.example")


def charge(customer_id: str, cents: int) -> dict:
    response = requests.post(
        f"{BILLING_URL}/charges",
        json={"customer": customer_id, "amount": cents},
        headers={"Authorization": f"Bearer {ACME_BILLING_TOKEN}"},
        timeout=10,
    )
    response.raise_for_status()
    return response.json()
