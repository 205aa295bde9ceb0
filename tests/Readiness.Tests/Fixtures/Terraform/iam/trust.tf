# Role trust policies (RDY2503) and GitHub Actions OIDC trusts (RDY2504).

variable "trust_policy" {}
variable "deploy_subjects" {}

# Anyone: "AWS" = "*" with no condition.
resource "aws_iam_role" "open_trust" {
  name = "open-trust"
  assume_role_policy = jsonencode({ # Noncompliant RDY2503
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
    }]
  })
}

# Principal "*" with a condition that does not say who (MFA only).
resource "aws_iam_role" "mfa_only" {
  name = "mfa-only"
  assume_role_policy = jsonencode({ # Noncompliant RDY2503
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

# Anyone, through a policy document data source.
data "aws_iam_policy_document" "anyone" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "data_trust" {
  name               = "data-trust"
  assume_role_policy = data.aws_iam_policy_document.anyone.json # Noncompliant RDY2503
}

# Compliant: "*" narrowed to the organization.
resource "aws_iam_role" "org_trust" {
  name = "org-trust"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "*" }
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
    }]
  })
}

# Unknown before apply: undecided, never a guessed pass.
resource "aws_iam_role" "var_trust" {
  name               = "var-trust"
  assume_role_policy = var.trust_policy # Undecided RDY2503
}

# GitHub Actions: only the audience is checked, any repository can assume the role.
resource "aws_iam_role" "github_no_sub" {
  name = "github-no-sub"
  assume_role_policy = jsonencode({ # Noncompliant RDY2504
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
      Condition = { StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" } }
    }]
  })
}

# GitHub Actions: repo:* matches every repository on GitHub.
resource "aws_iam_role" "github_any_repo" {
  name = "github-any-repo"
  assume_role_policy = jsonencode({ # Noncompliant RDY2504
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:*" }
      }
    }]
  })
}

# GitHub Actions: every repository of the organization, through a data source with the provider by reference.
data "aws_iam_policy_document" "github_org" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/*:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "github_org" {
  name               = "github-org"
  assume_role_policy = data.aws_iam_policy_document.github_org.json # Noncompliant RDY2504
}

# GitHub Actions on a production role: every branch and pull request of the repository may deploy.
resource "aws_iam_role" "deploy_prod" {
  name = "deploy-prod"
  assume_role_policy = jsonencode({ # Noncompliant RDY2504
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:*" }
      }
    }]
  })
}

# Compliant: the same wildcard on a staging role.
resource "aws_iam_role" "deploy_staging" {
  name = "deploy-staging"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:*" }
      }
    }]
  })
}

# Compliant: a production role pinned to the repository's production environment.
resource "aws_iam_role" "deploy_prod_pinned" {
  name = "deploy-prod-pinned"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:acme/app:environment:production"
        }
      }
    }]
  })
}

# The subjects come from a variable: undecided.
data "aws_iam_policy_document" "github_var" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = var.deploy_subjects
    }
  }
}

resource "aws_iam_role" "github_var" {
  name               = "github-var"
  assume_role_policy = data.aws_iam_policy_document.github_var.json # Undecided RDY2504
}

# The provider by reference and no claim condition at all: the provider's URL says it is GitHub's.
resource "aws_iam_role" "github_by_reference" {
  name = "github-by-reference"
  assume_role_policy = jsonencode({ # Noncompliant RDY2504
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
    }]
  })
}
