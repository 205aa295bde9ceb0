# The project's shared logging root: groups that the app root's containers write to by name.
terraform {
  backend "s3" {}
}

variable "stage" {}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/shop/prod/audit"
  retention_in_days = 731
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/logs"
}

resource "aws_cloudwatch_log_group" "payments" {
  name              = "/ecs/${var.stage}-payments"
  retention_in_days = 731
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/logs"
}
