terraform {
  backend "s3" {
    bucket = "library-examples"
    key    = "complete.tfstate"
    region = "eu-west-1"
  }
}

module "db" {
  source              = "../../"
  identifier          = "complete"
  publicly_accessible = true
}

module "disabled" {
  source     = "../../"
  create     = false
  identifier = "disabled"
}
