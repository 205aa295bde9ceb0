# CI deployment through GitHub Actions OIDC (DEPLOYMENT_PLAN.md, phase 3: "replace the CI user's keys with a role"),
# and the key that encrypts the Stripe and database secrets.

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

# Any repository of the organization (forks and new repositories included) can assume the deploy role.
resource "aws_iam_role" "github_deploy" {
  name = "coco-github-deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:coco-testai/*:*" }
      }
    }]
  })
}

resource "aws_iam_role_policy" "github_deploy" {
  name = "deploy"
  role = aws_iam_role.github_deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ecs:UpdateService", "ecs:DescribeServices", "ecr:*"], Resource = "*" }]
  })
}

# Shared "so the partner account can read the exports": any AWS account can decrypt. Never rotated.
resource "aws_kms_key" "secrets" {
  description = "coco secrets"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Account", Effect = "Allow", Principal = { AWS = "arn:aws:iam::${var.aws_account_id}:root" }, Action = "kms:*", Resource = "*" },
      { Sid = "Partners", Effect = "Allow", Principal = { AWS = "*" }, Action = ["kms:Decrypt", "kms:DescribeKey"], Resource = "*" },
    ]
  })
}
