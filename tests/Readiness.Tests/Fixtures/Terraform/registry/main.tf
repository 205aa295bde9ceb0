# A root that uses registry modules: the one `terraform init` fetched is read, the other listed as not read.
terraform {
  backend "s3" {
    bucket = "registry-state"
    key    = "registry.tfstate"
    region = "eu-west-1"
  }
}

module "db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "6.10.0"

  identifier          = "orders"
  publicly_accessible = true # Noncompliant RDY2001
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
