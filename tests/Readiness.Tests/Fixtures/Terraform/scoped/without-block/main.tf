terraform {
  backend "s3" {}
}

resource "aws_s3_bucket" "assets" { # Noncompliant RDY2601 RDY2605
  bucket = "shared-assets-name"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
