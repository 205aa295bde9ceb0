# The shop's stack as coded: hardened. live-inventory.json beside it is the account as someone left it after console changes;
# each annotation marks where a drift finding on the live resource points (its definition's line).

resource "aws_iam_role" "task" {
  name               = "shop-task"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }] })
}

resource "aws_iam_role" "execution" {
  name               = "shop-task-execution"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }] })
}

# Live: revision 7, registered by hand with the password pasted into the environment and the container privileged.
resource "aws_ecs_task_definition" "worker" {
  family                   = "shop-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([{
    name                   = "worker" # Noncompliant RDY2970 RDY2970
    image                  = "123456789012.dkr.ecr.eu-west-2.amazonaws.com/shop:2.3.1"
    essential              = true
    user                   = "10001"
    readonlyRootFilesystem = true
    privileged             = false
    environment            = [{ name = "DB_USER", value = "shop" }]
    secrets                = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:shop/db-password-AbCdEf" }]
    logConfiguration       = { logDriver = "awslogs", options = { "awslogs-group" = "/ecs/shop", "awslogs-region" = "eu-west-2", "awslogs-stream-prefix" = "worker" } }
  }])
}

# Live: unchanged (revision 3), so nothing is reported.
resource "aws_ecs_task_definition" "api" {
  family                   = "shop-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([{
    name                   = "api"
    image                  = "123456789012.dkr.ecr.eu-west-2.amazonaws.com/shop:2.3.1"
    essential              = true
    user                   = "10001"
    readonlyRootFilesystem = true
    secrets                = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:shop/db-password-AbCdEf" }]
    logConfiguration       = { logDriver = "awslogs", options = { "awslogs-group" = "/ecs/shop", "awslogs-region" = "eu-west-2", "awslogs-stream-prefix" = "api" } }
  }])
}

# Live: "Public IP" turned on in the console.
resource "aws_ecs_service" "api" {
  name            = "shop-api"
  launch_type     = "FARGATE"
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 2

  network_configuration {
    subnets          = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"]
    security_groups  = ["sg-0aaaaaaaaaaaaaaa3"]
    assign_public_ip = false # Noncompliant RDY2971
  }
}

resource "aws_iam_role" "lambda" {
  name               = "shop-lambda"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
}

# Live: its URL switched to AuthType NONE and the runtime moved back to python3.9.
resource "aws_lambda_function" "webhook" {
  function_name = "shop-webhook"
  role          = aws_iam_role.lambda.arn
  handler       = "webhook.handler"
  runtime       = "python3.12" # Noncompliant RDY2972
  filename      = "webhook.zip"
}

resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = "AWS_IAM" # Noncompliant RDY2972
}

# Live: a URL with AuthType NONE added by hand; a newer runtime than coded is a change, not a weakening.
resource "aws_lambda_function" "thumbnails" { # Noncompliant RDY2972
  function_name = "shop-thumbnails"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "thumbnails.zip"
}

# Live: in-transit encryption and the AUTH token removed; at rest and failover as coded.
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "shop-sessions"
  description                = "Sessions and the job queue"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true # Noncompliant RDY2973
  auth_token                 = var.cache_auth_token # Noncompliant RDY2973
  snapshot_retention_limit   = 7
}

variable "cache_auth_token" {
  sensitive = true
}

# Live: the authorizer detached from GET /orders, and the prod stage's access logs and web ACL removed.
resource "aws_api_gateway_rest_api" "orders" {
  name = "shop-orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_authorizer" "users" {
  name          = "users"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = ["arn:aws:cognito-idp:eu-west-2:123456789012:userpool/eu-west-2_AbCdEfGhI"]
}

resource "aws_api_gateway_method" "list_orders" { # Noncompliant RDY2974
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.users.id
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
}

resource "aws_cloudwatch_log_group" "orders_access" {
  name              = "/apigateway/shop-orders"
  retention_in_days = 90
}

resource "aws_api_gateway_stage" "prod" { # Noncompliant RDY2974 RDY2974
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.orders_access.arn
    format          = "$context.requestId $context.identity.sourceIp $context.httpMethod $context.resourcePath $context.status"
  }
}

resource "aws_api_gateway_method_settings" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_wafv2_web_acl_association" "orders_prod" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/shop-api/6a2b0c4e-3333-4c3b-9f00-0c0c0c0c0c03"
}

# Live: unchanged, and a REST API of another team shares its name: an HTTP API links only to an HTTP API.
resource "aws_apigatewayv2_api" "events" {
  name          = "shop-events"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "users" {
  api_id           = aws_apigatewayv2_api.events.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "users"

  jwt_configuration {
    audience = ["shop"]
    issuer   = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_AbCdEfGhI"
  }
}

resource "aws_apigatewayv2_route" "post_events" {
  api_id             = aws_apigatewayv2_api.events.id
  route_key          = "POST /events"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.users.id
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.events.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-2:123456789012:log-group:/apigateway/shop-events"
    format          = "$context.requestId $context.status"
  }

  default_route_settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }
}
