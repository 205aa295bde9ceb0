terraform {
  backend "s3" {}
}

variable "legacy_cert_pem" {}

variable "legacy_key_pem" {
  sensitive = true
}

# A 1024-bit RSA key.
resource "aws_acm_certificate" "legacy" {
  domain_name       = "legacy.example.com"
  validation_method = "DNS"
  key_algorithm     = "RSA_1024" # Noncompliant RDY4512
}

# Imported: the key is only known from the live account.
resource "aws_acm_certificate" "imported" {
  certificate_body = var.legacy_cert_pem # Undecided RDY4512
  private_key      = var.legacy_key_pem
}

# Compliant: the default (RSA_2048) and an elliptic curve key.
resource "aws_acm_certificate" "site" {
  domain_name       = "example.com"
  validation_method = "DNS"
}

resource "aws_acm_certificate" "api" {
  domain_name       = "api.example.com"
  validation_method = "DNS"
  key_algorithm     = "EC_prime256v1"
}
