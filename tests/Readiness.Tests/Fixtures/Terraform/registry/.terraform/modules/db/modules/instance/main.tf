variable "identifier" {
  type = string
}

variable "publicly_accessible" {
  type = bool
}

resource "aws_db_instance" "this" {
  identifier              = var.identifier
  publicly_accessible     = var.publicly_accessible # reported where the root passes the value (registry/main.tf)
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}
