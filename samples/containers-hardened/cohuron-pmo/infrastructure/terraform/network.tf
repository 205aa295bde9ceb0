# The EC2 host of seed plan 003 (app-sg), hardened: only nginx on 80/443 is public; the API and web app are reached
# through nginx, MinIO and the database stay on loopback (docker-compose.yml), and the team reaches the host through
# SSM Session Manager instead of SSH.
terraform {
  backend "s3" {
    bucket       = "cohuron-terraform-state"
    key          = "prod/network.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}

variable "vpc_id" {
  type    = string
  default = "vpc-0a1b2c3d4e5f67890"
}

resource "aws_security_group" "app" {
  name        = "cohuron-app-sg"
  description = "Cohuron PMO application host"
  vpc_id      = var.vpc_id

  ingress {
    description = "HTTP, redirected to HTTPS by nginx"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
