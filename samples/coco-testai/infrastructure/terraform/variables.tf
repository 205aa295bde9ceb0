variable "aws_region" {
  description = "AWS region for every environment"
  type        = string
  default     = "us-east-1"
}

variable "aws_account_id" {
  description = "Replace YOUR_AWS_ACCOUNT_ID in the tfvars files (aws sts get-caller-identity)"
  type        = string
}

variable "project" {
  type    = string
  default = "coco"
}

variable "environment" {
  description = "test, demo or prod (set in environments/<env>/terraform.tfvars)"
  type        = string
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "api_desired_count" {
  type    = number
  default = 1
}

variable "db_instance_class" {
  type    = string
  default = "db.t3.micro"
}

variable "db_multi_az" {
  description = "Enable Multi-AZ for RDS"
  type        = bool
  default     = false
}

variable "db_backup_retention" {
  description = "Days of automated backups"
  type        = number
  default     = 1
}

variable "db_deletion_protection" {
  description = "Enable deletion protection for RDS"
  type        = bool
  default     = false
}

variable "frontend_domain_name" {
  description = "Optional custom domain (phase 7)"
  type        = string
  default     = ""
}
