variable "data_encrypted" {}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = false # Noncompliant RDY4401
}

resource "aws_ebs_volume" "scratch" { # Noncompliant RDY4401
  availability_zone = "us-east-1a"
  size              = 20
}

resource "aws_ebs_volume" "maybe" {
  availability_zone = "us-east-1a"
  size              = 20
  encrypted         = var.data_encrypted # Undecided RDY4401
}

resource "aws_ebs_volume" "logs" {
  availability_zone = "us-east-1a"
  size              = 20
  encrypted         = true
}

# IMDSv1 allowed by default; an unencrypted root and data device.
resource "aws_instance" "app" { # Noncompliant RDY4403
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device { # Noncompliant RDY4402
    volume_size = 20
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = false # Noncompliant RDY4402
  }
}

resource "aws_instance" "bastion" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "optional" # Noncompliant RDY4403
  }
}

resource "aws_launch_template" "workers" {
  name = "workers"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      encrypted   = "false" # Noncompliant RDY4402
    }
  }

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # Noncompliant RDY4403
  }
}

# Hardened: IMDSv2 only, encrypted devices; an instance from a template is judged through the template.
resource "aws_launch_template" "api" {
  name = "api"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = true
    }
  }

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "api" {
  launch_template {
    id = aws_launch_template.api.id
  }
}

resource "aws_instance" "batch" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }

  metadata_options {
    http_endpoint = "disabled"
  }
}

# Amazon Linux 2023 AMIs are registered with ImdsSupport v2.0: an instance booted from one requires IMDSv2 without
# metadata_options (the AMI read from AWS's public SSM parameter, as terraform-aws-modules' examples do, or found
# with aws_ami). Amazon Linux 2 AMIs keep AWS's default, which allows IMDSv1.
data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}

data "aws_ssm_parameter" "amzn2" {
  name = "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"
}

resource "aws_instance" "web" {
  ami           = data.aws_ssm_parameter.al2023.value
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }
}

resource "aws_instance" "worker" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }
}

resource "aws_instance" "legacy" { # Noncompliant RDY4403
  ami           = data.aws_ssm_parameter.amzn2.value
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }
}
