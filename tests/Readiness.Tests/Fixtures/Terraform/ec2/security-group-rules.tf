terraform {
  backend "s3" {}
}

variable "bastion_sg_id" {}

variable "admin_cidr" {}

data "aws_security_group" "shared" {
  name = "shared-services"
}

# Rules attached to groups this configuration does not declare are judged on their own, at the rule.
resource "aws_security_group_rule" "ssh_to_existing" { # Noncompliant RDY2101
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "postgres_to_variable" { # Noncompliant RDY2102
  security_group_id = var.bastion_sg_id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv6         = "::/0"
}

resource "aws_security_group_rule" "all_to_data_source" { # Noncompliant RDY2104
  type              = "ingress"
  security_group_id = data.aws_security_group.shared.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "admin_rdp" { # Undecided RDY2101
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = [var.admin_cidr]
}

# Not open: from inside the VPC, or egress.
resource "aws_security_group_rule" "ssh_from_vpc" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["10.0.0.0/16"]
}

resource "aws_security_group_rule" "egress_all" {
  type              = "egress"
  security_group_id = var.bastion_sg_id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

# A rule of a declared group is folded into it and reported once, on the group's file at the rule.
resource "aws_security_group" "web" {
  name = "web"
}

resource "aws_security_group_rule" "web_ssh" { # Noncompliant RDY2101
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
}
