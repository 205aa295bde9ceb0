terraform {
  backend "s3" {}
}

variable "scan_on_push" {}

# The coco seed's repository as `aws ecr create-repository --repository-name coco-api` makes it: mutable, not scanned,
# and a policy that lets anyone pull.
resource "aws_ecr_repository" "api" { # Noncompliant RDY4111
  name                 = "coco-api"
  image_tag_mutability = "MUTABLE" # Noncompliant RDY4110
}

resource "aws_ecr_repository_policy" "api" {
  repository = aws_ecr_repository.api.name
  policy = jsonencode({ # Noncompliant RDY4112
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicPull"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}

# Anyone may push, through a policy document data source; the scan setting is a variable nothing sets.
resource "aws_ecr_repository" "jobs" {
  name                 = "coco-jobs"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = var.scan_on_push # Undecided RDY4111
  }
}

data "aws_iam_policy_document" "jobs" {
  statement {
    effect  = "Allow"
    actions = ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_ecr_repository_policy" "jobs" {
  repository = aws_ecr_repository.jobs.name
  policy     = data.aws_iam_policy_document.jobs.json # Noncompliant RDY4112
}

# Hardened: immutable, scanned, pulled only from the organization.
resource "aws_ecr_repository" "web" {
  name                 = "coco-web"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository_policy" "web" {
  repository = aws_ecr_repository.web.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}
