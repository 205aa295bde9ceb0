#!/usr/bin/env bash
# Post-deploy smoke test: credentials on curl command lines (RDY1003), and the forms that only reference them.
set -euo pipefail

curl -fsS -u deploy:Vb7rQ2mX9tLk4Wz https://search.shop.io:9200/_cluster/health # Noncompliant RDY1003
curl -fsS --user 'api:d2LkV78zLx!t' https://api.mailgun.net/v3/shop.io/events # Noncompliant RDY1003
curl -fsS -H "Authorization: Bearer 7f3kQ9xLm2Vb8Rt4Zp6Nw1Yc5Hd0Js3Ga" https://api.shop.io/v1/health # Noncompliant RDY1003
curl -fsS -H "X-Api-Key: 3a16750d-d363-41a4-8ebd-035408f7730f" https://octopus.shop.io/api # Noncompliant RDY1003
curl -fsS https://api.dropbox.com/oauth2/token \
  --user c28wlsosanujy2z:qgsnai0xokrw4j1 --data grant_type=client_credentials # Noncompliant RDY1003

# References and placeholders are not credentials.
curl -fsS -u "$SEARCH_USER:$SEARCH_PASSWORD" https://search.shop.io:9200/_cluster/health
curl -fsS --user "${{ secrets.API_USER }}:${{ secrets.API_PASSWORD }}" https://api.shop.io
curl -fsS -H "Authorization: Bearer $API_TOKEN" https://api.shop.io/v1/health
curl -fsS -H "Authorization: Bearer $(gcloud auth print-access-token)" https://run.googleapis.com/v2/services
curl -fsS -H "Authorization: Bearer <your-token>" https://api.shop.io/v1/health
curl -fsS -u user:pass http://localhost:8080/health
docker run --rm -u 1000:1000 shop/smoke:latest
