variable "project_name" {}
variable "account_id" {}

resource "aws_s3_bucket" "artifacts" { # Noncompliant RDY2605 RDY2606
  bucket = "${var.project_name}-artifacts-prod-${var.account_id}"
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

output "artifacts_bucket" {
  value = aws_s3_bucket.artifacts.bucket
}
