terraform {
  backend "s3" {}
}

# EBS encryption by default is on in this configuration: every new volume is encrypted, whatever it says.
resource "aws_ebs_encryption_by_default" "on" {
  enabled = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = false
  }

  metadata_options {
    http_tokens = "required"
  }
}
