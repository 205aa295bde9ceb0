variable "name" {}
variable "deletion_protection" {}

resource "aws_db_instance" "main" { # Noncompliant RDY4703 RDY4704 RDY4705
  identifier              = var.name
  engine                  = "postgres"
  storage_encrypted       = true
  backup_retention_period = 14
  multi_az                = true
  deletion_protection     = var.deletion_protection
}
