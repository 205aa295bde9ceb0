variable "name" {
  type = string
}

variable "public" {
  type = bool
}

resource "aws_db_instance" "this" {
  identifier              = "module-${var.name}"
  publicly_accessible     = var.public # Noncompliant RDY2001
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

output "identifier" {
  value = aws_db_instance.this.identifier
}
