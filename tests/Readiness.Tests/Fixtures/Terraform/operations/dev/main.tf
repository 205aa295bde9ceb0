# Not production: no alarm and no budget are asked for.

terraform {
  backend "s3" {
    bucket = "state-dev"
    key    = "operations/dev.tfstate"
    region = "us-east-1"
  }
}

resource "aws_lb" "api" {
  name                       = "api-dev"
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  access_logs {
    bucket  = "api-dev-lb-logs"
    enabled = true
  }
}

resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = aws_lb.api.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edge/1"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/api-dev"
  retention_in_days = 14
}
