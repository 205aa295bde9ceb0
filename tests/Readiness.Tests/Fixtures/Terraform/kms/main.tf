terraform {
  backend "s3" {}
}

variable "key_policy" {}

# Nothing set: no rotation (the default), reported at the resource.
resource "aws_kms_key" "secrets" { # Noncompliant RDY4501
  description = "Stripe and database secrets"
}

# Rotation off where it is set, and a policy that lets any AWS account decrypt.
resource "aws_kms_key" "shared" {
  description         = "Shared with partners"
  enable_key_rotation = false # Noncompliant RDY4501
  policy = jsonencode({ # Noncompliant RDY4502
    Version = "2012-10-17"
    Statement = [
      { Sid = "Account", Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "kms:*", Resource = "*" },
      { Sid = "Anyone", Effect = "Allow", Principal = { AWS = "*" }, Action = ["kms:Decrypt"], Resource = "*" },
    ]
  })
}

# The policy in a separate aws_kms_key_policy: "*" narrowed to the account through Secrets Manager, compliant.
resource "aws_kms_key" "app" {
  description         = "Application data"
  enable_key_rotation = true
}

resource "aws_kms_key_policy" "app" {
  key_id = aws_kms_key.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Account", Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "kms:*", Resource = "*" },
      {
        Sid       = "ViaSecretsManager"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = { StringEquals = { "kms:CallerAccount" = "123456789012", "kms:ViaService" = "secretsmanager.eu-west-2.amazonaws.com" } }
      },
    ]
  })
}

# An aws_kms_key_policy that opens a rotated key to anyone: reported where that policy is set.
resource "aws_kms_key" "logs" {
  enable_key_rotation = true
}

resource "aws_kms_key_policy" "logs" {
  key_id = aws_kms_key.logs.id
  policy = jsonencode({ # Noncompliant RDY4502
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }]
  })
}

# An asymmetric signing key cannot rotate automatically: not judged for rotation.
resource "aws_kms_key" "signing" {
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}

# A policy from a variable: undecided.
resource "aws_kms_key" "external" {
  enable_key_rotation = true
  policy              = var.key_policy # Undecided RDY4502
}
