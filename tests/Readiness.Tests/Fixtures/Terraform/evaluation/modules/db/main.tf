variable "name" {
  type = string
}

variable "public" {
  type = bool
}

resource "aws_db_instance" "this" {
  identifier              = "module-${var.name}"
  publicly_accessible     = var.public # reported where the caller passes the value (main.tf, module "db")
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

output "identifier" {
  value = aws_db_instance.this.identifier
}
