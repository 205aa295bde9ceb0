# The EC2 host's security group: HTTPS for everyone (nginx), and the MinIO console "for the team".
terraform {
  backend "s3" {
    bucket       = "cohuron-terraform-state"
    key          = "prod/network.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}

resource "aws_security_group" "app" {
  name        = "cohuron-app-sg"
  description = "Cohuron application host"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress { # Noncompliant RDY1626
    description = "MinIO console for the team"
    from_port   = 9001
    to_port     = 9001
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "PostgreSQL, but the compose port is on loopback"
    from_port   = 5434
    to_port     = 5434
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
