terraform {
  backend "s3" {
    bucket = "library-examples"
    key    = "private.tfstate"
    region = "eu-west-1"
  }
}

module "db" {
  source     = "../../"
  identifier = "private"
}
