terraform {
  backend "s3" {}
}

variable "api_image" {
  default = "123456789012.dkr.ecr.us-east-1.amazonaws.com/coco-api:1.4.2"
}

variable "worker_definitions" {}

variable "jwt_secret" {}

variable "db_password_arn" {}

# The coco seed's API task (seed 000, ECS Fargate): plaintext secrets in the environment, no user, no logs.
resource "aws_ecs_task_definition" "api" {
  family                   = "coco-prod-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024

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
      { name = "REDIS_PASSWORD", value = "$${REDIS_PASSWORD}" },
    ]
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
  family = "coco-prod-jobs"
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
  container_definitions = var.worker_definitions # Undecided RDY1601 RDY1622 RDY4101 RDY4102 RDY4103
}

# Hardened: secrets from Secrets Manager, an unprivileged user, a read-only root and logs.
resource "aws_ecs_task_definition" "web" {
  family       = "coco-prod-web"
  network_mode = "awsvpc"

  container_definitions = jsonencode([{
    name                   = "web"
    image                  = var.api_image
    user                   = "10001"
    readonlyRootFilesystem = true
    environment            = [{ name = "DJANGO_SETTINGS_MODULE", value = "config.settings.production" }]
    secrets                = [{ name = "DB_PASSWORD", valueFrom = var.db_password_arn }]
    logConfiguration = {
      logDriver = "awslogs"
      options   = { "awslogs-group" = "/ecs/coco-prod-web", "awslogs-stream-prefix" = "web" }
    }
  }])
}

# Production service with public task IPs; a staging one is not judged; a private one passes.
resource "aws_ecs_service" "api" {
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
