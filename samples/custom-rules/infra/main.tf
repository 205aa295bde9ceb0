# The Acme orders service: one database and two buckets. ACME-101 wants an Owner tag on each of them.

variable "owner_team" {
  type = string
}

resource "aws_db_instance" "orders" {
  identifier              = "orders-prod"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 14
  multi_az                = true
  publicly_accessible     = false

  tags = {
    Project = "orders"
  }
}

resource "aws_s3_bucket" "invoices" {
  bucket = "acme-orders-invoices"

  tags = {
    Project = "orders"
    Owner   = "billing-team"
  }
}

resource "aws_s3_bucket_public_access_block" "invoices" {
  bucket                  = aws_s3_bucket.invoices.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "invoices" {
  bucket = aws_s3_bucket.invoices.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
