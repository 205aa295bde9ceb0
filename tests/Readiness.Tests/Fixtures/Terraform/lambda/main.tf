terraform {
  backend "s3" {}
}

variable "stripe_token" {}

variable "db_password" {
  default = "Kx9-vT2q-Lm7w" # Noncompliant RDY1004
}

# Public: a URL without auth, a permission for anyone, secrets in plain text, a deprecated runtime.
resource "aws_lambda_function" "api" {
  function_name = "api-prod" # Noncompliant RDY4706
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "app.handler"
  runtime       = "python3.8" # Noncompliant RDY4204
  filename      = "api.zip"

  environment {
    variables = {
      LOG_LEVEL        = "info"
      DB_PASSWORD      = var.db_password
      SIGNING_KEY      = "q8Jd0-Zr1c-Wn5t" # Noncompliant RDY1004
      STRIPE_TOKEN     = var.stripe_token # Undecided RDY4203
      SESSION_SECRET   = "changeme"
      JWT_SECRET       = "{{resolve:secretsmanager:jwt}}"
      API_KEY          = aws_ssm_parameter.api_key.value
      DB_SECRET_ARN    = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"
      PASSWORD_MIN_LEN = "12"
    }
  }
}

resource "aws_ssm_parameter" "api_key" {
  name  = "/api/key"
  type  = "SecureString"
  value = "unused"
}

resource "aws_lambda_function_url" "api" {
  function_name      = aws_lambda_function.api.function_name
  authorization_type = "NONE" # Noncompliant RDY4201
}

resource "aws_lambda_permission" "anyone" { # Noncompliant RDY4202
  statement_id  = "AllowAnyone"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  principal     = "*"
}

# Hardened: IAM-authenticated URL, a service principal limited to one bucket, a supported runtime.
resource "aws_lambda_function" "worker" {
  function_name = "worker-prod" # Noncompliant RDY4706
  role          = "arn:aws:iam::123456789012:role/worker"
  handler       = "index.handler"
  runtime       = "nodejs22.x"
  filename      = "worker.zip"

  environment {
    variables = {
      DB_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"
    }
  }
}

resource "aws_lambda_function_url" "worker" {
  function_name      = aws_lambda_function.worker.arn
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_permission" "from_bucket" {
  statement_id   = "AllowS3"
  action         = "lambda:InvokeFunction"
  function_name  = "worker-prod"
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::uploads-prod"
  source_account = "123456789012"
}

resource "aws_lambda_permission" "any_in_org" {
  statement_id     = "AllowOrg"
  action           = "lambda:InvokeFunction"
  function_name    = aws_lambda_function.worker.function_name
  principal        = "*"
  principal_org_id = "o-abc123"
}

# A container image has no managed runtime to judge.
resource "aws_lambda_function" "image" {
  function_name = "image-prod" # Noncompliant RDY4706
  role          = "arn:aws:iam::123456789012:role/image"
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/image:1"
}

# A URL and permissions of a function this root does not declare (another stack owns it) are judged on their own.
data "aws_lambda_function" "legacy" {
  function_name = "legacy-prod"
}

resource "aws_lambda_function_url" "legacy" {
  function_name      = "legacy-prod"
  authorization_type = "NONE" # Noncompliant RDY4201 {{Lambda function aws_lambda_function_url.legacy has a function URL with AuthType NONE, so anyone on the internet can invoke it; set the URL's auth type to AWS_IAM, or put the function behind API Gateway or CloudFront with an authorizer and a WAF web ACL.}}
}

resource "aws_lambda_permission" "legacy_public" { # Noncompliant RDY4202
  statement_id  = "AllowAnyone"
  action        = "lambda:InvokeFunction"
  function_name = data.aws_lambda_function.legacy.function_name
  principal     = "*"
}

resource "aws_lambda_permission" "legacy_from_topic" {
  statement_id  = "AllowTopic"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:legacy-prod"
  principal     = "sns.amazonaws.com"
  source_arn    = "arn:aws:sns:us-east-1:123456789012:jobs"
}
