terraform {
  backend "s3" {}
}

variable "backups_versioning" {}
variable "reader_arn" {}

# World-readable twice over: a public-read ACL and a policy that lets everyone GetObject.
resource "aws_s3_bucket" "assets" { # Noncompliant RDY2601 RDY2602
  bucket = "alva-public-assets"
  acl    = "public-read" # Noncompliant RDY2604
}

resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = jsonencode({ # Noncompliant RDY2603 RDY2605
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.assets.arn}/*"
    }]
  })
}

# World-writable: an ACL grant to AllUsers and a heredoc policy for {"AWS": "*"}; the public access block is off.
resource "aws_s3_bucket" "uploads" { # Noncompliant RDY2602
  bucket = "alva-uploads"
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = false # Noncompliant RDY2601
  ignore_public_acls      = false
  block_public_policy     = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "WRITE" # Noncompliant RDY2604
    }
    owner {
      id = "owner"
    }
  }
}

resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  # Noncompliant@+1 RDY2603 RDY2605
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": ["s3:PutObject", "s3:GetObject"], "Resource": "arn:aws:s3:::alva-uploads/*" }
  ]
}
POLICY
}

# Terraform state with versioning suspended; everyone may read, but only through one VPC endpoint.
resource "aws_s3_bucket" "state" {
  bucket = "alva-tfstate"
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id
  versioning_configuration {
    status = "Suspended" # Noncompliant RDY2606
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = false # Noncompliant RDY2601
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = data.aws_iam_policy_document.state.json
}

data "aws_iam_policy_document" "state" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.state.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1a2b3c4d"]
    }
  }
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }
}

# Backups whose versioning status is unknown, and a policy whose principal is a variable: whether it is public is
# undecided, not guessed; that it has no TLS Deny is known whoever the reader is.
resource "aws_s3_bucket" "backups" { # Noncompliant RDY2601 RDY2602
  bucket = "alva-db-backups"
}

resource "aws_s3_bucket_versioning" "backups" {
  bucket = aws_s3_bucket.backups.id
  versioning_configuration {
    status = var.backups_versioning # Undecided RDY2606
  }
}

resource "aws_s3_bucket_policy" "backups" {
  bucket = aws_s3_bucket.backups.id
  policy = jsonencode({ # Undecided RDY2603 Noncompliant RDY2605
    Statement = [{ Effect = "Allow", Principal = { AWS = var.reader_arn }, Action = "s3:GetObject", Resource = "*" }]
  })
}

# Hardened production site bucket: private, read by CloudFront only, TLS required, versioned.
resource "aws_s3_bucket" "site" {
  bucket = "alva-site-prod"
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_versioning" "site" {
  bucket = aws_s3_bucket.site.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.site.arn}/*"
        Condition = { StringEquals = { "aws:SourceArn" = "arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE" } }
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.site.arn, "${aws_s3_bucket.site.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

# Policies merged from other documents (source_policy_documents, as terraform-aws-modules/s3-bucket writes them): the
# media bucket's TLS Deny comes from a shared document; the exports bucket's public read comes from another.
resource "aws_s3_bucket" "media" {
  bucket = "alva-media-prod"
}

resource "aws_s3_bucket_public_access_block" "media" {
  bucket                  = aws_s3_bucket.media.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "media" {
  bucket = aws_s3_bucket.media.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_versioning" "media" {
  bucket = aws_s3_bucket.media.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_policy" "media" {
  bucket = aws_s3_bucket.media.id
  policy = data.aws_iam_policy_document.media.json
}

data "aws_iam_policy_document" "deny_insecure_transport" {
  statement {
    sid       = "denyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

data "aws_iam_policy_document" "media" {
  source_policy_documents = compact([
    data.aws_iam_policy_document.deny_insecure_transport.json,
    "",
  ])
}

resource "aws_s3_bucket" "exports" {
  bucket = "alva-exports-prod"
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false # Noncompliant RDY2601
  restrict_public_buckets = false
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_versioning" "exports" {
  bucket = aws_s3_bucket.exports.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = data.aws_iam_policy_document.exports.json # Noncompliant RDY2603 RDY2605
}

data "aws_iam_policy_document" "exports" {
  source_policy_documents = [
    jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Sid = "PublicRead", Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::alva-exports-prod/*" }]
    }),
  ]
}
