#!/bin/sh
# Pushes the image; the registry password must come from the CI secret store.
set -eu
docker login shopacr.azurecr.io -u shopacr -p WQDvXKJXbFc4ttOvGhpe3KBjU8qcpmswgIOCdx3hMZ+ACRjgQfAb # Noncompliant RDY1001
docker login registry.acme.io -u deploy --password jbPLHybo02rNbJXHUpyUlc # Noncompliant RDY1001
docker login registry.acme.io -u deploy -p "$REGISTRY_PASSWORD"
echo "$REGISTRY_TOKEN" | docker login ghcr.io -u deploy --password-stdin
docker push shopacr.azurecr.io/shop/web:latest
