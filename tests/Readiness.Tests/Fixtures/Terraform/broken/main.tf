terraform {
  backend "s3" {
    bucket = "broken-example-state"
    key    = "broken/terraform.tfstate"
    region = "eu-west-2"
  }
}

resource "aws_db_instance" "reporting" {
  identifier          = "reporting"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  storage_encrypted   = true
  deletion_protection = true
  publicly_accessible = true # Noncompliant RDY2001
  backup_retention_period = 7
}
