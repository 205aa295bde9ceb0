# A production root module: what it watches and what it does not. It declares no budget, so the budget finding
# (RDY4705) sits on its first production workload.

terraform {
  backend "s3" {
    bucket = "state-prod"
    key    = "operations/prod.tfstate"
    region = "us-east-1"
  }
}

variable "audit_retention_days" {
  type = number
}

resource "aws_lb" "api" { # Noncompliant RDY4702 RDY4705
  name                       = "api-prod"
  internal                   = false
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  access_logs {
    bucket  = "api-prod-lb-logs"
    enabled = true
  }
}

# Watched: a 5xx alarm on its ARN suffix that notifies an SNS topic.
resource "aws_lb" "web" {
  name                       = "web-prod"
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  access_logs {
    bucket  = "web-prod-lb-logs"
    enabled = true
  }
}

resource "aws_cloudwatch_metric_alarm" "web_5xx" {
  alarm_name          = "web-prod-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  dimensions          = { LoadBalancer = aws_lb.web.arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

# An alarm that tells no one does not count.
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
  alarm_actions       = []
}

# Internal balancers are not judged.
resource "aws_lb" "queue" {
  name                       = "queue-prod"
  internal                   = true
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  access_logs {
    bucket  = "queue-prod-lb-logs"
    enabled = true
  }
}

resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = aws_lb.api.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edge/1"
}

resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edge/1"
}

resource "aws_wafv2_web_acl_association" "admin" {
  resource_arn = aws_lb.admin.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/edge/1"
}

resource "aws_sns_topic" "alerts" {
  name = "prod-alerts"
}

# Free storage is watched through metric math; CPU is not watched.
resource "aws_db_instance" "orders" { # Noncompliant RDY4704
  identifier                  = "orders-prod"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  storage_encrypted           = true
  deletion_protection         = true
  multi_az                    = true
  backup_retention_period     = 7
  manage_master_user_password = true
  username                    = "orders"
}

resource "aws_cloudwatch_metric_alarm" "orders_storage" {
  alarm_name          = "orders-prod-storage-percent"
  comparison_operator = "LessThanThreshold"
  evaluation_periods  = 1
  threshold           = 10
  alarm_actions       = [aws_sns_topic.alerts.arn]

  metric_query {
    id          = "percent"
    expression  = "free / (50 * 1073741824) * 100"
    return_data = true
  }

  metric_query {
    id = "free"
    metric {
      namespace   = "AWS/RDS"
      metric_name = "FreeStorageSpace"
      dimensions  = { DBInstanceIdentifier = aws_db_instance.orders.identifier }
      period      = 300
      stat        = "Minimum"
    }
  }
}

# The ledger database lives in a child module; the root watches it through the module's output.
module "ledger" {
  source     = "../modules/db"
  identifier = "ledger-prod"
}

resource "aws_cloudwatch_metric_alarm" "ledger_storage" {
  alarm_name          = "ledger-prod-storage"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  dimensions          = { DBInstanceIdentifier = module.ledger.identifier }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10737418240
  comparison_operator = "LessThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

resource "aws_cloudwatch_metric_alarm" "ledger_cpu" {
  alarm_name          = "ledger-prod-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = "ledger-prod" }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 1
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}

resource "aws_cloudwatch_log_group" "api" { # Noncompliant RDY4706 RDY4707
  name = "/ecs/api-prod"
}

resource "aws_cloudwatch_log_group" "web" {
  name              = "/ecs/web-prod"
  retention_in_days = 90
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/audit/prod"
  retention_in_days = var.audit_retention_days # Undecided RDY4706
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_cloudwatch_log_group" "jobs" {
  name              = "/ecs/jobs-prod"
  retention_in_days = 0 # Noncompliant RDY4706
  kms_key_id        = aws_kms_key.logs.arn
}

# Not production: only the retention rule judges it.
resource "aws_cloudwatch_log_group" "scratch" {
  name              = "/tmp/scratch"
  retention_in_days = 7
}

resource "aws_kms_key" "logs" {
  description         = "CloudWatch Logs"
  enable_key_rotation = true
}

resource "aws_guardduty_detector" "main" {
  enable = false # Noncompliant RDY4701
}
