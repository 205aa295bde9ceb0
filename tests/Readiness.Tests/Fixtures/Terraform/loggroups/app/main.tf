# RDY4706: ECS containers and Lambda functions whose log group this project declares, and those it does not.
terraform {
  backend "s3" {}
}

variable "worker_group" {}

variable "report_function" {}

variable "stage" {}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/shop-prod-api"
  retention_in_days = 365
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/logs"
}

resource "aws_cloudwatch_log_group" "webhook" {
  name              = "/aws/lambda/${aws_lambda_function.webhook.function_name}"
  retention_in_days = 365
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/logs"
}

resource "aws_cloudwatch_log_group" "billing" {
  name              = "/aws/lambda/shop-prod-billing"
  retention_in_days = 365
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/logs"
}

resource "aws_cloudwatch_log_group" "functions" {
  name              = "/shop/prod/functions"
  retention_in_days = 365
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/logs"
}

resource "aws_ecs_task_definition" "api" {
  family                   = "shop-prod-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512

  container_definitions = jsonencode([
    {
      # Declared and referred to.
      name                   = "api"
      image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-api:2.1.0"
      user                   = "10001"
      readonlyRootFilesystem = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.api.name
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "api"
        }
      }
    },
    {
      # Declared, named by its literal name.
      name                   = "sidecar"
      image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-sidecar:2.1.0"
      user                   = "10001"
      readonlyRootFilesystem = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/shop-prod-api"
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "sidecar"
        }
      }
    },
    {
      # Declared by the shared logging root of the same project.
      name                   = "audit"
      image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-audit:2.1.0"
      user                   = "10001"
      readonlyRootFilesystem = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/shop/prod/audit"
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "audit"
        }
      }
    },
    {
      # Nobody declares it and ECS will not create it: the tasks fail to start.
      name                   = "jobs"
      image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-jobs:2.1.0"
      user                   = "10001"
      readonlyRootFilesystem = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/shop-prod-jobs" # Noncompliant RDY4706 {{The container 'jobs' of ECS task definition aws_ecs_task_definition.api logs to log group '/ecs/shop-prod-jobs', which no log group of this project declares: without awslogs-create-group its tasks fail to start (ResourceNotFoundException: The specified log group does not exist) unless something outside this project creates it. Declare the group with a retention period (an aws_cloudwatch_log_group with retention_in_days) and refer to it: "awslogs-group" = aws_cloudwatch_log_group.NAME.name.}}
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "jobs"
        }
      }
    },
    {
      # Nobody declares it; ECS creates it with no retention.
      name                   = "mailer"
      image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-mailer:2.1.0"
      user                   = "10001"
      readonlyRootFilesystem = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/shop-prod-mailer" # Noncompliant RDY4706 {{The container 'mailer' of ECS task definition aws_ecs_task_definition.api logs to log group '/ecs/shop-prod-mailer', which no log group of this project declares: with awslogs-create-group ECS creates it at the first task start with no retention, so its events never expire. Declare the group with a retention period (an aws_cloudwatch_log_group with retention_in_days) and refer to it: "awslogs-group" = aws_cloudwatch_log_group.NAME.name.}}
          "awslogs-region"        = "us-east-1"
          "awslogs-create-group"  = "true"
          "awslogs-stream-prefix" = "mailer"
        }
      }
    },
    {
      # The shared root declares "/ecs/${var.stage}-payments", which may be this group: undecided.
      name                   = "payments"
      image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-payments:2.1.0"
      user                   = "10001"
      readonlyRootFilesystem = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/shop-prod-payments" # Undecided RDY4706 {{Cannot decide whether container 'payments' of ECS task definition aws_ecs_task_definition.api writes its logs to a log group the project declares: the name of log group aws_cloudwatch_log_group.payments is the unresolved expression '"/ecs/${var.stage}-payments"'. Give it a literal value, a variable default or a tfvars value, or refer to the log group resource (for a function, name the group after it), so it can be checked.}}
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "payments"
        }
      }
    },
    {
      # A variable nothing sets, in a project that declares log groups: undecided.
      name                   = "worker"
      image                  = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop-worker:2.1.0"
      user                   = "10001"
      readonlyRootFilesystem = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = var.worker_group # Undecided RDY4706
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "worker"
        }
      }
    },
  ])
}

# Its group is named after it.
resource "aws_lambda_function" "webhook" {
  function_name = "shop-prod-webhook"
  role          = "arn:aws:iam::123456789012:role/webhook"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "webhook.zip"
}

# Its group is declared by its literal name.
resource "aws_lambda_function" "billing" {
  function_name = "shop-prod-billing"
  role          = "arn:aws:iam::123456789012:role/billing"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "billing.zip"
}

# It writes to a group of its own choosing, declared.
resource "aws_lambda_function" "search" {
  function_name = "shop-prod-search"
  role          = "arn:aws:iam::123456789012:role/search"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "search.zip"
  logging_config {
    log_format = "JSON"
    log_group  = aws_cloudwatch_log_group.functions.name
  }
}

# Nobody declares /aws/lambda/shop-prod-thumbnails: Lambda creates it at the first invocation, never expiring.
resource "aws_lambda_function" "thumbnails" {
  function_name = "shop-prod-thumbnails" # Noncompliant RDY4706 {{Lambda function aws_lambda_function.thumbnails writes its logs to log group '/aws/lambda/shop-prod-thumbnails', which no log group of this project declares: Lambda creates it at the first invocation with no retention, so its events never expire. Declare it with a retention period: an aws_cloudwatch_log_group named "/aws/lambda/${aws_lambda_function.NAME.function_name}" with retention_in_days.}}
  role          = "arn:aws:iam::123456789012:role/thumbnails"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "thumbnails.zip"
}

# Its name is a variable nothing sets: undecided.
resource "aws_lambda_function" "report" {
  function_name = var.report_function # Undecided RDY4706
  role          = "arn:aws:iam::123456789012:role/report"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "report.zip"
}

# Its name is not resolved, but no group the project declares can be "/aws/lambda/shop-${var.stage}-cleanup".
resource "aws_lambda_function" "cleanup" {
  function_name = "shop-${var.stage}-cleanup" # Noncompliant RDY4706
  role          = "arn:aws:iam::123456789012:role/cleanup"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "cleanup.zip"
}
