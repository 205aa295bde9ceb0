# A registry module downloaded by `terraform init`: not a root of this project, never judged.
resource "aws_security_group" "default" {
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
