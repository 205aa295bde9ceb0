# Security group rules written as attributes (ingress = [ { ... } ]), as terraform-aws-modules and Checkov's fixtures do.
terraform {
  backend "s3" {
    bucket = "attribute-form-state"
    key    = "attribute-form.tfstate"
    region = "eu-west-1"
  }
}

variable "admin_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/8"]
}

resource "aws_security_group" "open" {
  name        = "open"
  description = "Everything from everywhere"
  ingress = [ # Noncompliant RDY2104
    {
      cidr_blocks      = ["0.0.0.0/0"]
      description      = "Wide open"
      from_port        = 0
      to_port          = 65535
      protocol         = "-1"
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    }
  ]
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "SSH from the office network only"
  ingress = [for cidr in var.admin_cidrs : {
    cidr_blocks      = [cidr]
    description      = "SSH"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    ipv6_cidr_blocks = []
    prefix_list_ids  = []
    security_groups  = []
    self             = false
  }]
}

resource "aws_security_group" "none" {
  name        = "none"
  description = "No rules at all"
  ingress     = []
}
