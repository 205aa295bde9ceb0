terraform {
  backend "s3" {}
}

module "db" {
  source              = "../../modules/db"
  name                = "example-small"
  deletion_protection = false # Noncompliant RDY2002
}
