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
  default     = "prod"
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
  default     = true
}

variable "db_backup_retention" {
  description = "Days of automated backups"
  type        = number
  default     = 14
}

variable "db_deletion_protection" {
  description = "Enable deletion protection for RDS"
  type        = bool
  default     = true
}

variable "frontend_domain_name" {
  type    = string
  default = "app.cocotestai.com"
}

variable "certificate_arn" {
  description = "ACM certificate in us-east-1 for the frontend domain"
  type        = string
  default     = "arn:aws:acm:us-east-1:123456789012:certificate/8e1c4c2a-5b0e-4c55-9d1f-2f3a4b5c6d7e"
}

variable "waf_rate_limit" {
  description = "Requests per 5 minutes per IP before WAF blocks"
  type        = number
  default     = 2000
}
