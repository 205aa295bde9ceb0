terraform {
  backend "s3" {}
}

# One definition of "administrator" (RDY2501), held by users (RDY2502), groups (RDY2505) and workload roles (RDY2506).

variable "ops_group" {}

# A declared group with AdministratorAccess and an inline "*:*" policy.
resource "aws_iam_group" "admins" { # Noncompliant RDY2501
  name = "admins"
}

resource "aws_iam_group_policy_attachment" "admins" { # Noncompliant RDY2505
  group      = aws_iam_group.admins.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_group_policy" "admins_inline" {
  name  = "everything"
  group = aws_iam_group.admins.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

# Attachments to principals this configuration does not declare are judged at the attachment.
resource "aws_iam_group_policy_attachment" "operators" {
  group      = "operators"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant RDY2505
}

resource "aws_iam_user_policy_attachment" "legacy_ci" {
  user       = "legacy-ci"
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess" # Noncompliant RDY2502
}

resource "aws_iam_role_policy_attachment" "shared_admin" {
  role       = "shared-admin"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Undecided RDY2506
}

resource "aws_iam_group_policy" "ops_inline" {
  name  = "nearly-everything"
  group = var.ops_group
  policy = jsonencode({ # Noncompliant RDY2501
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", NotAction = ["iam:*"], Resource = "*" }]
  })
}

# The plural attachment lists its principals; those declared elsewhere are judged at the attachment, each kind by its rule.
resource "aws_iam_policy_attachment" "ops_admin" {
  name       = "ops-admin"
  users      = ["ops-bot"]
  groups     = ["oncall", "sre"]
  roles      = ["shared-ops"]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant RDY2502 RDY2505 Undecided RDY2506
}

# Compliant: the plural attachment of a narrow policy to a group declared elsewhere.
resource "aws_iam_policy_attachment" "auditors" {
  name       = "auditors"
  groups     = ["auditors"]
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}

# Compliant: a narrow policy attached to a group declared elsewhere.
resource "aws_iam_group_policy_attachment" "readers" {
  group      = "readers"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# A task role trusted by ECS with PowerUserAccess.
resource "aws_iam_role" "task" {
  name = "api-task"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "task" { # Noncompliant RDY2506
  role       = aws_iam_role.task.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

# Privilege escalation: iam:PassRole with lambda:CreateFunction, and iam:Put* on every resource.
resource "aws_iam_policy" "pass_role" {
  name = "deployer"
  policy = jsonencode({ # Noncompliant RDY2501
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["iam:PassRole"], Resource = "*" },
      { Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*" },
    ]
  })
}

resource "aws_iam_policy" "put_policies" {
  name = "policy-writer"
  policy = jsonencode({ # Noncompliant RDY2501
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:Put*", Resource = "*" }]
  })
}

# A Lambda role holding the escalation policy.
resource "aws_iam_role" "builder" {
  name = "builder"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "builder" { # Noncompliant RDY2506
  role       = aws_iam_role.builder.name
  policy_arn = aws_iam_policy.pass_role.arn
}

# Compliant: an administrator role that only people of one account assume, with MFA.
resource "aws_iam_role" "break_glass" {
  name = "break-glass"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "break_glass" {
  role       = aws_iam_role.break_glass.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# Compliant: a narrow policy.
resource "aws_iam_policy" "uploads" {
  name = "uploads"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:PutObject"], Resource = "arn:aws:s3:::uploads/*" }]
  })
}
