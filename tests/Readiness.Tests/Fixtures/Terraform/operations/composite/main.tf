# A metric alarm that notifies only through a composite alarm counts: the composite reads its ALARM state and pages
# someone. A composite alarm that tells no one does not make its metric alarms count.

terraform {
  backend "s3" {
    bucket = "state-prod"
    key    = "operations/composite.tfstate"
    region = "us-east-1"
  }
}

resource "aws_lb" "api" {
  name                       = "edge-prod"
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  access_logs {
    bucket  = "edge-prod-lb-logs"
    enabled = true
  }
}

resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = aws_lb.api.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edge/1"
}

resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name          = "edge-prod-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  dimensions          = { LoadBalancer = aws_lb.api.arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
}

resource "aws_cloudwatch_composite_alarm" "api" {
  alarm_name    = "edge-prod-degraded"
  alarm_rule    = "ALARM(${aws_cloudwatch_metric_alarm.api_5xx.alarm_name})"
  alarm_actions = ["arn:aws:sns:us-east-1:123456789012:edge-alerts"]
}

resource "aws_lb" "admin" { # Noncompliant RDY4702
  name                       = "admin-prod"
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  access_logs {
    bucket  = "admin-prod-lb-logs"
    enabled = true
  }
}

resource "aws_wafv2_web_acl_association" "admin" {
  resource_arn = aws_lb.admin.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edge/1"
}

resource "aws_cloudwatch_metric_alarm" "admin_5xx" {
  alarm_name          = "admin-prod-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_ELB_5XX_Count"
  dimensions          = { LoadBalancer = aws_lb.admin.arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
}

resource "aws_cloudwatch_composite_alarm" "admin" {
  alarm_name = "admin-prod-degraded"
  alarm_rule = "ALARM(\"admin-prod-5xx\") OR ALARM(${aws_cloudwatch_metric_alarm.api_5xx.alarm_name})"
}

resource "aws_budgets_budget" "monthly" {
  name         = "monthly-cost"
  budget_type  = "COST"
  limit_amount = "300"
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 80
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = ["ops@example.com"]
  }
}
