resource "aws_db_instance" "main" {
  identifier        = "shop-prod"
  engine            = "postgres"
  username          = "shop"
  password          = var.db_password
  skip_final_snapshot = false
}

resource "aws_db_instance" "reports" {
  identifier = "reports"
  engine     = "postgres"
  username   = "reports"
  password   = "zfjYx1sVwGpz1aHTE2z7Qmje" # Noncompliant RDY1004
}

# Bare HCL values are expressions, never literals (found on terraform-aws-modules and cloudgoat): no finding.
locals {
  token                       = try(var.object_lock_configuration.token, null)
  private_key                 = file(var.ssh_private_key_path)
  manage_master_user_password = !local.is_replica
}

variable "lambda_trigger" {
  type = object({
    lambda_event_source_token = optional(string)
    name                      = string
  })
}

resource "aws_instance" "bastion" {
  ami       = "ami-0123456789abcdef0"
  user_data = templatefile("bootstrap.sh", { private_key = file(var.ssh_private_key_path) })
}
