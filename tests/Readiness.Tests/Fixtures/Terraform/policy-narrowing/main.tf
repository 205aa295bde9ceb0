# One definition of "a condition that narrows Principal *" for IAM trust, KMS key, S3 bucket, ECR repository and
# Lambda permission policies (PolicyCondition.NarrowsCaller): a key that says who the caller is (aws:PrincipalOrgID,
# aws:PrincipalAccount, aws:PrincipalArn, aws:SourceArn, aws:SourceAccount, aws:SourceOwner, aws:SourceVpc(e),
# aws:SourceIp, aws:userid, kms:CallerAccount), a positive operator, and values that do not match everyone.
# "was:" says the verdict before the services shared that definition.

terraform {
  backend "s3" {}
}

variable "trusted_principal" {}
variable "api_source_arn" {}
variable "account_id" {}

# --- IAM role trust (RDY2503) ---

# was: passed (NotPrincipal was not read). An Allow to everyone but one account is an Allow to everyone.
resource "aws_iam_role" "not_principal" {
  name = "not-principal"
  assume_role_policy = jsonencode({ # Noncompliant RDY2503
    Version = "2012-10-17"
    Statement = [{
      Effect       = "Allow"
      Action       = "sts:AssumeRole"
      NotPrincipal = { AWS = "arn:aws:iam::111122223333:root" }
    }]
  })
}

# was: passed. A negated operator lets in every organization but one.
resource "aws_iam_role" "not_equals" {
  name = "not-equals"
  assume_role_policy = jsonencode({ # Noncompliant RDY2503
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
    }]
  })
}

# was: passed. ...IfExists is true for a request that does not carry the key.
resource "aws_iam_role" "if_exists" {
  name = "if-exists"
  assume_role_policy = jsonencode({ # Noncompliant RDY2503
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      Condition = { StringEqualsIfExists = { "aws:PrincipalAccount" = "123456789012" } }
    }]
  })
}

# was: passed. A role ARN pattern of any account names no one.
resource "aws_iam_role" "any_account_arn" {
  name = "any-account-arn"
  assume_role_policy = jsonencode({ # Noncompliant RDY2503
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      Condition = { ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::*:role/deploy" } }
    }]
  })
}

# was: passed. A principal a variable sets could be "*": undecided, never a guessed pass.
resource "aws_iam_role" "variable_principal" {
  name = "variable-principal"
  assume_role_policy = jsonencode({ # Undecided RDY2503
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = var.trusted_principal }
    }]
  })
}

# Compliant: an account ARN around a variable names one account; an organization path pattern names the organization.
resource "aws_iam_role" "named" {
  name = "named"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::${var.account_id}:root" } },
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "*" }
        Condition = { "ForAnyValue:StringLike" = { "aws:PrincipalOrgPaths" = ["o-abc123/r-ab12/ou-ab12-11111111/*"] } }
      },
    ]
  })
}

# --- KMS key policy (RDY4502) ---

# was: passed. kms:ViaService says which service calls, not on whose behalf: any account's S3 may use the key.
resource "aws_kms_key" "via_service" {
  enable_key_rotation = true
  policy = jsonencode({ # Noncompliant RDY4502
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource  = "*"
      Condition = { StringEquals = { "kms:ViaService" = "s3.us-east-1.amazonaws.com" } }
    }]
  })
}

# was: passed. A source address range of the whole internet.
resource "aws_kms_key" "world_ip" {
  enable_key_rotation = true
  policy = jsonencode({ # Noncompliant RDY4502
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = "0.0.0.0/0" } }
    }]
  })
}

# Compliant: the AWS managed key pattern, the caller's account named.
resource "aws_kms_key" "caller_account" {
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringEquals = { "kms:CallerAccount" = "123456789012", "kms:ViaService" = "s3.us-east-1.amazonaws.com" } }
    }]
  })
}

# --- S3 bucket policy (RDY2603) ---

# was: passed (any condition but TLS narrowed). aws:Referer is a header any client sets.
resource "aws_s3_bucket" "referer" { # Noncompliant RDY2601 RDY2602
  bucket = "alva-referer-assets"
}

resource "aws_s3_bucket_policy" "referer" {
  bucket = aws_s3_bucket.referer.id
  policy = jsonencode({ # Noncompliant RDY2603 RDY2605
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.referer.arn}/*"
      Condition = { StringLike = { "aws:Referer" = ["https://alva.example/*"] } }
    }]
  })
}

# Compliant for RDY2603: everyone, but only through one VPC.
resource "aws_s3_bucket" "vpc_only" { # Noncompliant RDY2601 RDY2602
  bucket = "alva-vpc-assets"
}

resource "aws_s3_bucket_policy" "vpc_only" {
  bucket = aws_s3_bucket.vpc_only.id
  policy = jsonencode({ # Noncompliant RDY2605
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.vpc_only.arn}/*"
      Condition = { StringEquals = { "aws:SourceVpc" = "vpc-1a2b3c4d" } }
    }]
  })
}

# --- ECR repository policy (RDY4112) ---

# was: passed (any condition narrowed). Requiring TLS says nothing about who pulls.
resource "aws_ecr_repository" "tls_only" {
  name                 = "tls-only"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository_policy" "tls_only" {
  repository = aws_ecr_repository.tls_only.name
  policy = jsonencode({ # Noncompliant RDY4112
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition = { Bool = { "aws:SecureTransport" = "true" } }
    }]
  })
}

# was: passed (NotPrincipal was not read).
resource "aws_ecr_repository" "not_principal" {
  name                 = "not-principal"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

data "aws_iam_policy_document" "ecr_not_principal" {
  statement {
    actions = ["ecr:BatchGetImage"]
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

resource "aws_ecr_repository_policy" "not_principal" {
  repository = aws_ecr_repository.not_principal.name
  policy     = data.aws_iam_policy_document.ecr_not_principal.json # Noncompliant RDY4112
}

# --- Lambda permission (RDY4202) ---

resource "aws_lambda_function" "api" {
  function_name = "policy-api" # Noncompliant RDY4706
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "app.handler"
  runtime       = "python3.13"
  filename      = "app.zip"
}

# was: passed (any source_arn scoped). An API of any account may invoke the function.
resource "aws_lambda_permission" "any_account_api" { # Noncompliant RDY4202
  function_name = aws_lambda_function.api.function_name
  action        = "lambda:InvokeFunction"
  principal     = "*"
  source_arn    = "arn:aws:execute-api:us-east-1:*:*/*"
}

# was: passed (a source_arn set to anything scoped). A pattern a variable sets could be "*": undecided.
resource "aws_lambda_permission" "variable_source" { # Undecided RDY4202
  function_name = aws_lambda_function.api.function_name
  action        = "lambda:InvokeFunction"
  principal     = "*"
  source_arn    = var.api_source_arn
}

# Compliant: one account's API.
resource "aws_lambda_permission" "own_api" {
  function_name = aws_lambda_function.api.function_name
  action        = "lambda:InvokeFunction"
  principal     = "*"
  source_arn    = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3/*"
}
