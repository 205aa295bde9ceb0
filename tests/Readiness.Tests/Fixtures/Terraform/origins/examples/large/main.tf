terraform {
  backend "s3" {}
}

module "db" {
  source              = "../../modules/db"
  name                = "example-large"
  deletion_protection = false # Noncompliant RDY2002
}
