variable "project_name" {}
variable "vpc_cidr" {}
variable "ssh_allowed_cidr" {}
variable "redis_allowed" {}
variable "public_app_ports" {
  type = list(number)
}

locals {
  azs = ["us-east-1a", "us-east-1b"]
  public_subnets = { for i, az in local.azs : az => cidrsubnet(var.vpc_cidr, 8, i + 1) }
}

resource "aws_vpc" "cohuron_vpc" {
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true
  tags = {
    Name = "${var.project_name}-vpc"
  }
}

resource "aws_flow_log" "vpc" {
  vpc_id               = aws_vpc.cohuron_vpc.id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::cohuron-flow-logs"
}

resource "aws_subnet" "app_subnet_1" {
  vpc_id            = aws_vpc.cohuron_vpc.id
  cidr_block        = local.public_subnets["us-east-1a"]
  availability_zone = "us-east-1a"
}

resource "aws_security_group" "app_sg" {
  name        = "${var.project_name}-app-sg"
  description = "EC2 application security group"
  vpc_id      = aws_vpc.cohuron_vpc.id

  ingress {
    description = "SSH (restricted to specific IP)"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.ssh_allowed_cidr]
  }

  ingress {
    description = "HTTP (redirects to HTTPS)"
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

  ingress { # Noncompliant RDY2103
    description = "API (public for development)"
    from_port   = var.public_app_ports[0]
    to_port     = var.public_app_ports[0]
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress { # Noncompliant RDY2103
    description = "Web (public for development)"
    from_port   = 5173
    to_port     = 5173
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

resource "aws_vpc_security_group_ingress_rule" "grafana_v6" { # Noncompliant RDY2103
  security_group_id = aws_security_group.app_sg.id
  description       = "Grafana dashboards"
  ip_protocol       = "tcp"
  from_port         = 3000
  to_port           = 3000
  cidr_ipv6         = "::/0"
}

resource "aws_security_group_rule" "redis" { # Undecided RDY2102
  type              = "ingress"
  security_group_id = aws_security_group.app_sg.id
  from_port         = 6379
  to_port           = 6379
  protocol          = "tcp"
  cidr_blocks       = var.redis_allowed
}

# Reserved for RDS if needed.
resource "aws_security_group" "db_sg" {
  name   = "${var.project_name}-db-sg"
  vpc_id = aws_vpc.cohuron_vpc.id

  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.app_sg.id]
  }
}

# Left from the first deployment night; "temporary".
resource "aws_security_group" "debug" {
  name   = "${var.project_name}-debug"
  vpc_id = aws_vpc.cohuron_vpc.id

  ingress { # Noncompliant RDY2104
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress { # Noncompliant RDY2101
    description      = "RDP for the Windows build box"
    from_port        = 3389
    to_port          = 3389
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}

output "public_subnet_ids" {
  value = [aws_subnet.app_subnet_1.id]
}

output "app_sg_id" {
  value = aws_security_group.app_sg.id
}
