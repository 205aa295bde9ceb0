terraform {
  backend "s3" {}
}

variable "db_deletion_protection" {
  default = true
}

module "db" {
  source              = "../modules/db"
  name                = "orders-prod"
  deletion_protection = var.db_deletion_protection
}
