# Root a calls a registry module; the test makes reading its module manifest fail.
module "network" {
  source = "terraform-aws-modules/vpc/aws"
}

resource "aws_db_instance" "a" {
  identifier          = "a"
  publicly_accessible = true
}
