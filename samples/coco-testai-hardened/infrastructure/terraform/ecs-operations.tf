# The API service pages the team when fewer tasks run than it needs (Container Insights is on for the cluster).
resource "aws_cloudwatch_metric_alarm" "api_running_tasks" {
  alarm_name          = "${local.name_prefix}-api-running-tasks"
  alarm_description   = "Fewer API tasks run than desired: crashes on start or failed health checks"
  namespace           = "ECS/ContainerInsights"
  metric_name         = "RunningTaskCount"
  dimensions          = { ClusterName = "${local.name_prefix}-cluster", ServiceName = "${local.name_prefix}-api" }
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 3
  threshold           = var.api_desired_count
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_sns_topic.alerts.arn]
  ok_actions          = [aws_sns_topic.alerts.arn]
}
