# RDY4706 in a project that declares no log group at all: even a name nothing resolves cannot be one it declares.
terraform {
  backend "s3" {}
}

variable "cluster" {}

resource "aws_ecs_task_definition" "api" {
  family                   = "tiny-prod-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512

  container_definitions = jsonencode([{
    name                   = "api"
    image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/tiny-api:1.0.0"
    user                   = "10001"
    readonlyRootFilesystem = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/${var.cluster}-api" # Noncompliant RDY4706
        "awslogs-region"        = "us-east-1"
        "awslogs-stream-prefix" = "api"
      }
    }
  }])
}
