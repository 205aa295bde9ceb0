#!/usr/bin/env bash
set -euo pipefail
DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id prod/canar/db --query SecretString --output text)"
export DB_PASSWORD
API_TOKEN=${API_TOKEN:?API_TOKEN must be set}
terraform apply -var="db_password=$DB_PASSWORD"
aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin "$AWS_ACCOUNT_ID.dkr.ecr.us-east-1.amazonaws.com"
