variable "encrypted" {
  type = bool
}

resource "aws_db_instance" "tagged" { # compliant with every ORG rule
  identifier              = "orders"
  engine                  = "postgres"
  storage_encrypted       = true
  backup_retention_period = 7
  tags = {
    Project     = "orders"
    Environment = "production"
    ManagedBy   = "terraform"
  }
}

resource "aws_db_instance" "untagged" { # Noncompliant ORG-101
  identifier = "legacy"
  engine     = "mysql"
}

resource "aws_db_instance" "weak" { # Noncompliant ORG-102
  identifier              = "reports"
  engine                  = "mysql"
  storage_encrypted       = true
  backup_retention_period = 7
  tags = {
    Project     = "reports"
    Environment = "production"
    ManagedBy   = "terraform"
  }
}

resource "aws_db_instance" "unknown" { # Noncompliant ORG-101
  identifier              = "analytics"
  engine                  = "postgres"
  storage_encrypted       = var.encrypted # Undecided ORG-102
  backup_retention_period = 14
  tags = {
    Project     = "analytics"
    Environment = "production"
    ManagedBy   = "hand" # a ManagedBy the policy does not accept
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "org-logs"
  tags = {
    Project     = "platform"
    Environment = "staging"
    ManagedBy   = "terraform"
  }
}

resource "aws_security_group" "web" {
  name = "sg-web-public"
}

resource "aws_security_group" "adhoc" { # Noncompliant ORG-103
  name = "launch-wizard-1"
}

variable "tags" {
  type = map(string)
}

# A known gap: tags given as an unresolved variable are left out of the model, so they read as absent.
resource "aws_s3_bucket" "from_variable" { # FP ORG-101
  bucket = "org-shared"
  tags   = var.tags
}
