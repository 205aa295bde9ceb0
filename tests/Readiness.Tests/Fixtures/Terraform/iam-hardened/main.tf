# The compliant twin of Terraform/iam: nothing here may be reported.
terraform {
  backend "s3" {}
}

variable "min_password_length" {
  default = 16
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length      = var.min_password_length
  password_reuse_prevention    = 24
  require_symbols              = true
  require_numbers              = true
  require_uppercase_characters = true
  require_lowercase_characters = true
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "deploy_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/app:environment:production"]
    }
  }
}

resource "aws_iam_role" "deploy_prod" {
  name               = "deploy-prod"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust.json
}

resource "aws_iam_role_policy" "deploy_prod" {
  name = "deploy"
  role = aws_iam_role.deploy_prod.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["ecs:UpdateService", "ecs:DescribeServices"], Resource = "*" },
      { Effect = "Allow", Action = ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"], Resource = "arn:aws:ecr:eu-west-2:123456789012:repository/app" },
    ]
  })
}
