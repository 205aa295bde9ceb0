# The Celery worker (phase 4): it talks to PostgreSQL directly, and its password was pasted into the task definition
# "until the Secrets Manager wiring is done".
resource "aws_ecs_task_definition" "worker" {
  family                   = "${var.name_prefix}-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.task_execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([{
    name      = "worker"
    image     = var.api_image
    essential = true
    command   = ["celery", "-A", "coco", "worker", "--loglevel", "info"]
    environment = [
      { name = "DJANGO_SETTINGS_MODULE", value = "config.settings.production" },
      { name = "DB_HOST", value = "coco-prod-db.cx2abc123xyz.us-east-1.rds.amazonaws.com" },
      { name = "DB_USER", value = "coco" },
      { name = "DB_PASSWORD", value = "CocoProd-2024-pg!" },
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
