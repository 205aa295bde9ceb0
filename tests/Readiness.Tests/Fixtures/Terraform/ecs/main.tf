terraform {
  backend "s3" {}
}

variable "api_image" {
  default = "123456789012.dkr.ecr.us-east-1.amazonaws.com/coco-api:1.4.2"
}

variable "worker_definitions" {}

variable "jwt_secret" {}

variable "db_password_arn" {}

variable "jobs_role_arn" {}

variable "node_env" {}

# One role for everything ECS runs: as the API's task role too, its code can read every secret the role injects.
resource "aws_iam_role" "ecs" {
  name               = "coco-prod-ecs"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }] })
}

resource "aws_iam_role" "web_task" {
  name               = "coco-prod-web-task"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }] })
}

# The coco seed's API task (seed 000, ECS Fargate): plaintext secrets in the environment, no user, no logs.
resource "aws_ecs_task_definition" "api" {
  family                   = "coco-prod-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = aws_iam_role.ecs.arn
  task_role_arn            = aws_iam_role.ecs.arn # Noncompliant RDY4105

  container_definitions = jsonencode([{
    name      = "api" # Noncompliant RDY1601 RDY4102 RDY4103
    image     = var.api_image
    essential = true
    environment = [
      { name = "DJANGO_SETTINGS_MODULE", value = "config.settings.production" },
      { name = "DB_PASSWORD", value = "Pr0d-db-passw0rd-2024" }, # Noncompliant RDY4101
      { name = "DJANGO_SECRET_KEY", value = "k3v9-2m1x-h8q7-zz41-prod" }, # Noncompliant RDY4101
      { name = "JWT_SECRET", value = var.jwt_secret }, # Undecided RDY4101
      { name = "SECRET_NAME", value = "coco/prod/db" },
      # A password inside a URL is recognized by the secret detectors, which report it at this line: one secret, one finding.
      { name = "DATABASE_URL", value = "postgres://coco:Vq7mT2xK9pLw4Rz@db.internal:5432/coco" }, # Noncompliant RDY1003
      { name = "DEBUG", value = "false" },
      { name = "DJANGO_DEBUG", value = "True" }, # Noncompliant RDY1623
      { name = "NODE_ENV", value = var.node_env }, # Undecided RDY1623
      { name = "REDIS_PASSWORD", value = "$${REDIS_PASSWORD}" },
    ]
  }])
}

# A development task definition: its debug settings are the point, so RDY1623 leaves them alone.
resource "aws_ecs_task_definition" "dev" {
  family             = "coco-dev-api"
  network_mode       = "awsvpc"
  execution_role_arn = aws_iam_role.ecs.arn

  container_definitions = jsonencode([{
    name                   = "api"
    image                  = var.api_image
    user                   = "10001"
    readonlyRootFilesystem = true
    environment            = [{ name = "DEBUG", value = "true" }, { name = "NODE_ENV", value = "development" }]
    logConfiguration       = { logDriver = "awslogs" }
  }])
}

# MailHog beside the production API: an unauthenticated web UI over every mail sent.
resource "aws_ecs_task_definition" "mail" {
  family = "coco-prod-mail"

  container_definitions = jsonencode([{
    name                   = "mail"
    image                  = "mailhog/mailhog:v1.0.1" # Noncompliant RDY1623
    user                   = "10001"
    readonlyRootFilesystem = true
    logConfiguration       = { logDriver = "awslogs" }
  }])
}

# A worker on EC2 that takes over its host: host network and PID namespace, privileged, root, SYS_ADMIN.
resource "aws_ecs_task_definition" "agent" {
  family       = "coco-prod-agent"
  network_mode = "host" # Noncompliant RDY1622
  pid_mode     = "host" # Noncompliant RDY1622

  container_definitions = jsonencode([
    {
      name                   = "agent"
      image                  = "amazon/cloudwatch-agent:1.300032.2"
      privileged             = true # Noncompliant RDY1622
      user                   = "0"  # Noncompliant RDY1601
      readonlyRootFilesystem = true
      linuxParameters = {
        capabilities = { add = ["SYS_ADMIN"] } # Noncompliant RDY1622
      }
      logConfiguration = { logDriver = "awslogs" }
    },
  ])
}

# Container definitions as a heredoc of JSON: each key is reported at the attribute.
resource "aws_ecs_task_definition" "jobs" {
  family             = "coco-prod-jobs"
  execution_role_arn = aws_iam_role.ecs.arn
  task_role_arn      = var.jobs_role_arn # Undecided RDY4105
  # Noncompliant@+1 RDY4101 RDY4103
  container_definitions = <<-JSON
    [
      {
        "name": "jobs",
        "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/coco-jobs:2.0.1",
        "user": "10001",
        "environment": [{ "name": "SMTP_PASSWORD", "value": "mail-relay-pw-77" }],
        "logConfiguration": { "logDriver": "awslogs" }
      }
    ]
  JSON
}

# Definitions from a variable nothing resolves: every container control is undecided.
resource "aws_ecs_task_definition" "worker" {
  family                = "coco-prod-worker"
  container_definitions = var.worker_definitions # Undecided RDY1601 RDY1622 RDY1623 RDY4101 RDY4102 RDY4103 RDY4706
}

# Hardened: secrets from Secrets Manager, an unprivileged user, a read-only root and logs.
resource "aws_ecs_task_definition" "web" {
  family             = "coco-prod-web"
  network_mode       = "awsvpc"
  execution_role_arn = aws_iam_role.ecs.arn
  task_role_arn      = aws_iam_role.web_task.arn

  container_definitions = jsonencode([{
    name                   = "web"
    image                  = var.api_image
    user                   = "10001"
    readonlyRootFilesystem = true
    environment            = [{ name = "DJANGO_SETTINGS_MODULE", value = "config.settings.production" }, { name = "DJANGO_DEBUG", value = "False" }]
    secrets                = [{ name = "DB_PASSWORD", valueFrom = var.db_password_arn }]
    logConfiguration = {
      logDriver = "awslogs"
      options   = { "awslogs-group" = "/ecs/coco-prod-web", "awslogs-stream-prefix" = "web" } # Noncompliant RDY4706
    }
  }])
}

# Production service with public task IPs and no running task count alarm; a staging one is not judged; a private one
# with its alarm passes.
resource "aws_ecs_service" "api" { # Noncompliant RDY4708
  name            = "coco-prod-api"
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-public-a"]
    assign_public_ip = true # Noncompliant RDY4104
  }
}

resource "aws_ecs_service" "staging" {
  name            = "coco-staging-api"
  task_definition = aws_ecs_task_definition.api.arn

  network_configuration {
    subnets          = ["subnet-public-a"]
    assign_public_ip = true
  }
}

resource "aws_ecs_service" "web" {
  name            = "coco-prod-web"
  task_definition = aws_ecs_task_definition.web.arn

  network_configuration {
    subnets          = ["subnet-private-a"]
    assign_public_ip = false
  }
}

resource "aws_cloudwatch_metric_alarm" "web_tasks" {
  alarm_name          = "coco-prod-web-running-tasks"
  namespace           = "ECS/ContainerInsights"
  metric_name         = "RunningTaskCount"
  dimensions          = { ClusterName = "coco-prod", ServiceName = aws_ecs_service.web.name }
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:coco-prod-alerts"]
}
