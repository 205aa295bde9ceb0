# A module library laid out as terraform-aws-modules does: the module at the top, examples/ that use it, wrappers/.
variable "create" {
  type    = bool
  default = true
}

variable "identifier" {
  type = string
}

variable "publicly_accessible" {
  type    = bool
  default = false
}

variable "backup_retention_period" {
  type    = number
  default = 1
}

resource "aws_db_instance" "this" {
  count                   = var.create ? 1 : 0
  identifier              = var.identifier
  publicly_accessible     = var.publicly_accessible # Noncompliant RDY2001
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = var.backup_retention_period # Noncompliant RDY2004, RDY2004 (once per example root)
}

output "identifier" {
  value = try(aws_db_instance.this[0].identifier, null)
}
