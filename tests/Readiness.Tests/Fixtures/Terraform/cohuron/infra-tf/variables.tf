variable "aws_region" {
  default = "us-east-1"
}

variable "aws_profile" {
  default = "cohuron"
}

variable "aws_account_id" {
  type = string
}

variable "project_name" {
  default = "cohuron"
}

variable "vpc_cidr" {
  default = "10.0.0.0/16"
}

variable "instance_type" {
  default = "t3.medium"
}

# Overridden in terraform.tfvars with the office IP.
variable "ssh_allowed_cidr" {
  type    = string
  default = "0.0.0.0/0"
}

variable "redis_allowed_cidrs" {
  description = "Who may reach Redis on the host (no default: set per environment)"
  type        = list(string)
}

variable "ebs_default_encryption" {
  type    = bool
  default = false
}
