# The Celery worker: its database password comes from Secrets Manager at start-up, injected by the execution role.
variable "db_secret_arn" {
  description = "Secrets Manager secret that holds the database password"
  type        = string
  default     = "arn:aws:secretsmanager:us-east-1:123456789012:secret:coco-prod-db-password-AbCdEf"
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "${var.name_prefix}-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.task_execution.arn
  task_role_arn            = aws_iam_role.task.arn

  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([{
    name                   = "worker"
    image                  = var.api_image
    essential              = true
    user                   = "10001"
    readonlyRootFilesystem = true
    mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp" }]
    command                = ["celery", "-A", "coco", "worker", "--loglevel", "info"]
    environment = [
      { name = "DJANGO_SETTINGS_MODULE", value = "config.settings.production" },
      { name = "DB_HOST", value = "coco-prod-db.cx2abc123xyz.us-east-1.rds.amazonaws.com" },
      { name = "DB_USER", value = "coco" },
    ]
    secrets = [
      { name = "DB_PASSWORD", valueFrom = var.db_secret_arn },
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.api.name
        "awslogs-region"        = "us-east-1"
        "awslogs-stream-prefix" = "worker"
      }
    }
  }])
}
