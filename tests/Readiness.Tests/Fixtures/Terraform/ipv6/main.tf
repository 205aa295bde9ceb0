# IPv6 "any" in every textual form AWS accepts.
terraform {
  backend "s3" {
    bucket = "ipv6-state"
    key    = "ipv6.tfstate"
    region = "eu-west-1"
  }
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "SSH"

  ingress { # Noncompliant RDY2101
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    ipv6_cidr_blocks = ["0:0:0:0:0:0:0:0/0"]
  }

  ingress { # Noncompliant RDY2101
    from_port        = 3389
    to_port          = 3389
    protocol         = "tcp"
    ipv6_cidr_blocks = ["0000:0000:0000:0000:0000:0000:0000:0000/0"]
  }

  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    ipv6_cidr_blocks = ["2001:db8::/32"]
  }
}
