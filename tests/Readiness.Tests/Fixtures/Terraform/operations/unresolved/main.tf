# A root whose only alarm takes its dimension from a variable without a value: it may watch the balancer or not.

terraform {
  backend "s3" {
    bucket = "state-prod"
    key    = "operations/unresolved.tfstate"
    region = "us-east-1"
  }
}

variable "batch_lb_suffix" {
  type = string
}

resource "aws_lb" "batch" {
  name                       = "batch-prod"
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  access_logs {
    bucket  = "batch-prod-lb-logs"
    enabled = true
  }
}

resource "aws_cloudwatch_metric_alarm" "batch_5xx" {
  alarm_name          = "batch-prod-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  dimensions          = { LoadBalancer = var.batch_lb_suffix } # Undecided RDY4702
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:batch-alerts"]
}

resource "aws_wafv2_web_acl_association" "batch" {
  resource_arn = aws_lb.batch.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edge/1"
}

resource "aws_budgets_budget" "monthly" {
  name         = "monthly-cost"
  budget_type  = "COST"
  limit_amount = "100"
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  notification {
    comparison_operator       = "GREATER_THAN"
    threshold                 = 100
    threshold_type            = "PERCENTAGE"
    notification_type         = "ACTUAL"
    subscriber_sns_topic_arns = ["arn:aws:sns:us-east-1:123456789012:billing"]
  }
}
