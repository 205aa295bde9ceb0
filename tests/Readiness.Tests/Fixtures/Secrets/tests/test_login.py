"""Tests are not judged by the generic rules, but a real provider token in them still leaks."""
password = "Sup3rS3cret!Test"
API_KEY = "dBJWiXhEe3VYgvI790AKXaMrmW0KrUeNrllL"
NPM_TOKEN = "npm_pvod9GbmhUikAyTe2FguVRKtaEqFcskv8xyp"  # Noncompliant RDY1001


def test_login(client):
    response = client.post("/login", json={"email": "test@example.com", "password": "wrongpassword"})
    assert response.status_code == 401
