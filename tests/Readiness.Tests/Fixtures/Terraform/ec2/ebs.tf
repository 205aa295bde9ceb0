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
