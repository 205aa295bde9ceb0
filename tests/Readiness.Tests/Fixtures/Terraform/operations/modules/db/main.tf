# A child module: a production database without alarms of its own. It is not judged here, only through the root that
# uses it (operations/prod watches it).

variable "identifier" {
  type = string
}

resource "aws_db_instance" "this" {
  identifier                  = var.identifier
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  storage_encrypted           = true
  deletion_protection         = true
  multi_az                    = true
  backup_retention_period     = 7
  manage_master_user_password = true
  username                    = "ledger"
}

output "identifier" {
  value = aws_db_instance.this.identifier
}
