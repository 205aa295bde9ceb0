# Code that the live account recorded in ../live.json has drifted from. Each annotated line is where a drift finding
# of the live resource points (the value the code sets); the *-steady resources match their live copies and report no
# drift. The KMS keys are linked through terraform.tfstate (the code does not know their ids), the rest by name.

resource "aws_iam_role" "deploy" {
  name = "deploy-prod"
  assume_role_policy = jsonencode({ # Noncompliant RDY2995
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:acme/shop:environment:production"
        }
      }
    }]
  })
}

resource "aws_iam_role" "steady" {
  name = "reports-steady"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_kms_key" "orders" {
  description         = "orders data"
  enable_key_rotation = true # Noncompliant RDY2996
  policy = jsonencode({ # Noncompliant RDY2996
    Version   = "2012-10-17"
    Statement = [{ Sid = "Account", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111111111111:root" }, Action = "kms:*", Resource = "*" }]
  })
}

resource "aws_kms_key" "steady" {
  description         = "reports data"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "orders" {
  bucket = "acme-prod-orders"
}

resource "aws_s3_bucket_public_access_block" "orders" {
  bucket                  = aws_s3_bucket.orders.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true # Noncompliant RDY2997
  restrict_public_buckets = true # Noncompliant RDY2997
}

resource "aws_s3_bucket_versioning" "orders" {
  bucket = aws_s3_bucket.orders.id
  versioning_configuration {
    status = "Enabled" # Noncompliant RDY2997
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "orders" {
  bucket = aws_s3_bucket.orders.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_policy" "orders" {
  bucket = aws_s3_bucket.orders.id
  policy = jsonencode({ # Noncompliant RDY2997
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TlsOnly"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.orders.arn, "${aws_s3_bucket.orders.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_s3_bucket" "steady" {
  bucket = "acme-prod-steady"
}

resource "aws_cognito_user_pool" "customers" {
  name              = "acme-prod-customers"
  mfa_configuration = "ON" # Noncompliant RDY2998
  software_token_mfa_configuration {
    enabled = true
  }
  password_policy {
    minimum_length = 14 # Noncompliant RDY2998
  }
}

resource "aws_cognito_user_pool" "steady" {
  name              = "acme-prod-staff"
  mfa_configuration = "OPTIONAL"
  software_token_mfa_configuration {
    enabled = true
  }
}

resource "aws_db_parameter_group" "orders" {
  name   = "orders-prod-postgres16"
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = "1" # Noncompliant RDY2990
  }
}

resource "aws_db_instance" "orders" {
  identifier             = "orders-prod"
  engine                 = "postgres"
  engine_version         = "16.3"
  instance_class         = "db.t4g.small"
  parameter_group_name   = aws_db_parameter_group.orders.name
  deletion_protection    = true
  storage_encrypted      = true
  multi_az               = true
  backup_retention_period = 14
}

# Aurora: TLS is the cluster parameter group's; the live cluster's group no longer forces it.
resource "aws_rds_cluster_parameter_group" "ledger" {
  name   = "ledger-prod-aurora-postgresql16"
  family = "aurora-postgresql16"
  parameter {
    name  = "rds.force_ssl"
    value = "1" # Noncompliant RDY2990
  }
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier              = "ledger-prod"
  engine                          = "aurora-postgresql"
  engine_version                  = "16.4"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.ledger.name
  deletion_protection             = true
  storage_encrypted               = true
  backup_retention_period         = 14
}
