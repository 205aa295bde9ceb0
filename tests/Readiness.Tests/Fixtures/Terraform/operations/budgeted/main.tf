# The compliant twin: a production root whose load balancer and database are watched, with a budget that e-mails
# and GuardDuty enabled. It reports nothing.

terraform {
  backend "s3" {
    bucket = "state-prod"
    key    = "operations/budgeted.tfstate"
    region = "us-east-1"
  }
}

resource "aws_lb" "shop" {
  name                       = "shop-prod"
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  access_logs {
    bucket  = "shop-prod-lb-logs"
    enabled = true
  }
}

resource "aws_wafv2_web_acl_association" "shop" {
  resource_arn = aws_lb.shop.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edge/1"
}

resource "aws_cloudwatch_metric_alarm" "shop_5xx" {
  alarm_name          = "shop-prod-elb-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_ELB_5XX_Count"
  dimensions          = { LoadBalancer = aws_lb.shop.arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:shop-alerts"]
}

resource "aws_db_instance" "shop" { # Noncompliant RDY2006
  identifier                  = "shop-prod"
  engine                      = "mysql"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 20
  storage_encrypted           = true
  deletion_protection         = true
  multi_az                    = true
  backup_retention_period     = 7
  manage_master_user_password = true
  username                    = "shop"
}

resource "aws_cloudwatch_metric_alarm" "shop_db_storage" {
  alarm_name          = "shop-prod-db-storage"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.shop.id }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 2147483648
  comparison_operator = "LessThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:shop-alerts"]
}

resource "aws_cloudwatch_metric_alarm" "shop_db_cpu" {
  alarm_name          = "shop-prod-db-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.shop.identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:shop-alerts"]
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

resource "aws_guardduty_detector" "main" {
  enable = true
}
