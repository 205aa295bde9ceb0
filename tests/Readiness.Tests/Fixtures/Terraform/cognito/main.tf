terraform {
  backend "s3" {}
}

variable "mfa" {}

# Production, nothing set: MFA off, 8-character passwords, no threat protection, all at the resource.
resource "aws_cognito_user_pool" "users" { # Noncompliant RDY4601 RDY4602 RDY4603
  name = "shop-users-prod"
}

# Production, set where it is written.
resource "aws_cognito_user_pool" "admins" {
  name              = "shop-admins-prod"
  mfa_configuration = "OFF" # Noncompliant RDY4601
  password_policy {
    minimum_length = 10 # Noncompliant RDY4602
  }
  user_pool_add_ons {
    advanced_security_mode = "OFF" # Noncompliant RDY4603
  }
}

# Staging: MFA and threat protection are not judged; the password length is.
resource "aws_cognito_user_pool" "staging" {
  name = "shop-users-staging"
  password_policy {
    minimum_length = 8 # Noncompliant RDY4602
  }
}

# MFA from a variable without a default: undecided.
resource "aws_cognito_user_pool" "partners" {
  name              = "partners-prod"
  mfa_configuration = var.mfa # Undecided RDY4601
  password_policy {
    minimum_length = 14
  }
  user_pool_add_ons {
    advanced_security_mode = "AUDIT"
  }
}

# Compliant.
resource "aws_cognito_user_pool" "hardened" {
  name              = "customers-prod"
  mfa_configuration = "ON"
  software_token_mfa_configuration {
    enabled = true
  }
  password_policy {
    minimum_length = 16
  }
  user_pool_add_ons {
    advanced_security_mode = "ENFORCED"
  }
}
