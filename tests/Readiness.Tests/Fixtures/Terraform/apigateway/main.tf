terraform {
  backend "s3" {}
}

variable "orders_auth" {}
variable "throttle_rate" {}

# A production REST API: an open method, a stage with no access log, no limits and no WAF.
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop-prod"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  parent_id   = aws_api_gateway_rest_api.shop.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_resource" "order" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  parent_id   = aws_api_gateway_resource.orders.id
  path_part   = "{id}"
}

resource "aws_api_gateway_method" "list_orders" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE" # Noncompliant RDY4250 {{Method GET /orders of REST API aws_api_gateway_rest_api.shop requires no authorization and no API key, so anyone on the internet can call it; set its authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM with a Lambda authorizer, or require an API key with a usage plan.}}
}

# An API key is required: not judged as open.
resource "aws_api_gateway_method" "get_order" {
  rest_api_id      = aws_api_gateway_rest_api.shop.id
  resource_id      = aws_api_gateway_resource.order.id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

# CORS preflight is meant to be open.
resource "aws_api_gateway_method" "orders_preflight" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "create_order" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = var.orders_auth # Undecided RDY4250
}

resource "aws_api_gateway_stage" "shop_prod" { # Noncompliant RDY4251 RDY4253
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = "abc123"
  stage_name    = "prod"
}

# Method settings that leave throttling at Terraform's "not set" (-1).
resource "aws_api_gateway_method_settings" "shop_prod" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  stage_name  = aws_api_gateway_stage.shop_prod.stage_name
  method_path = "*/*"
  settings {
    metrics_enabled        = true
    throttling_rate_limit  = -1 # Noncompliant RDY4252
    throttling_burst_limit = -1
  }
}

# A staging API: the open method is medium, a staging stage is not judged for WAF; the limit is unresolved.
resource "aws_api_gateway_rest_api" "admin" {
  name = "admin-staging"
}

resource "aws_api_gateway_method" "admin_root" {
  rest_api_id   = aws_api_gateway_rest_api.admin.id
  resource_id   = aws_api_gateway_rest_api.admin.root_resource_id
  http_method   = "ANY"
  authorization = "NONE" # Noncompliant RDY4250 {{Method ANY / of REST API aws_api_gateway_rest_api.admin requires no authorization and no API key, so anyone on the internet can call it; set its authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM with a Lambda authorizer, or require an API key with a usage plan.}}
}

resource "aws_api_gateway_stage" "admin" {
  rest_api_id   = aws_api_gateway_rest_api.admin.id
  deployment_id = "def456"
  stage_name    = "staging"
  access_log_settings {
    destination_arn = "arn:aws:logs:us-east-1:123456789012:log-group:admin-access"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_method_settings" "admin" {
  rest_api_id = aws_api_gateway_rest_api.admin.id
  stage_name  = "staging"
  method_path = "*/*"
  settings {
    throttling_rate_limit  = var.throttle_rate # Undecided RDY4252
    throttling_burst_limit = 50
  }
}

# A private REST API is reachable only through VPC endpoints: its open method and its production stage's WAF are not judged.
resource "aws_api_gateway_rest_api" "internal" {
  name = "internal-prod"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_method" "internal_root" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  resource_id   = aws_api_gateway_rest_api.internal.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_stage" "internal_prod" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  deployment_id = "jkl012"
  stage_name    = "prod"
  access_log_settings {
    destination_arn = "arn:aws:logs:us-east-1:123456789012:log-group:internal-access"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_method_settings" "internal_prod" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  stage_name  = aws_api_gateway_stage.internal_prod.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 20
    throttling_burst_limit = 40
  }
}

# Hardened: Cognito authorization, access logs, stage-wide limits and a web ACL.
resource "aws_api_gateway_rest_api" "store" {
  name = "store-prod"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_method" "store_root" {
  rest_api_id   = aws_api_gateway_rest_api.store.id
  resource_id   = aws_api_gateway_rest_api.store.root_resource_id
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = "users"
}

resource "aws_api_gateway_stage" "store_prod" {
  rest_api_id   = aws_api_gateway_rest_api.store.id
  deployment_id = "ghi789"
  stage_name    = "prod"
  access_log_settings {
    destination_arn = "arn:aws:logs:us-east-1:123456789012:log-group:store-access"
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_method_settings" "store_prod" {
  rest_api_id = aws_api_gateway_rest_api.store.id
  stage_name  = aws_api_gateway_stage.store_prod.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_wafv2_web_acl_association" "store_prod" {
  resource_arn = aws_api_gateway_stage.store_prod.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/store/1"
}

# An HTTP API: an open route, a stage without logs or limits; JWT routes and CORS preflight pass.
resource "aws_apigatewayv2_api" "mobile" {
  name          = "mobile-prod"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "mobile_feed" {
  api_id             = aws_apigatewayv2_api.mobile.id
  route_key          = "GET /feed"
  authorization_type = "NONE" # Noncompliant RDY4250 {{Route GET /feed of HTTP API aws_apigatewayv2_api.mobile requires no authorization, so anyone on the internet can call it; set its authorization type to JWT, AWS_IAM or CUSTOM with an authorizer.}}
}

resource "aws_apigatewayv2_route" "mobile_profile" { # Noncompliant RDY4250
  api_id    = aws_apigatewayv2_api.mobile.id
  route_key = "GET /profile"
}

resource "aws_apigatewayv2_route" "mobile_me" {
  api_id             = aws_apigatewayv2_api.mobile.id
  route_key          = "GET /me"
  authorization_type = "JWT"
  authorizer_id      = "cognito"
}

resource "aws_apigatewayv2_route" "mobile_preflight" {
  api_id    = aws_apigatewayv2_api.mobile.id
  route_key = "OPTIONS /{proxy+}"
}

resource "aws_apigatewayv2_stage" "mobile" { # Noncompliant RDY4251 RDY4252
  api_id      = aws_apigatewayv2_api.mobile.id
  name        = "$default"
  auto_deploy = true
}

# Quick create: the API itself makes an open $default route and an unlogged, unthrottled $default stage.
resource "aws_apigatewayv2_api" "hooks" { # Noncompliant RDY4250 RDY4251 RDY4252
  name          = "hooks-prod"
  protocol_type = "HTTP"
  target        = "arn:aws:lambda:us-east-1:123456789012:function:hooks"
}

# Hardened HTTP API.
resource "aws_apigatewayv2_api" "partners" {
  name          = "partners-prod"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "partners_orders" {
  api_id             = aws_apigatewayv2_api.partners.id
  route_key          = "POST /orders"
  authorization_type = "AWS_IAM"
}

resource "aws_apigatewayv2_stage" "partners" {
  api_id = aws_apigatewayv2_api.partners.id
  name   = "prod"
  access_log_settings {
    destination_arn = "arn:aws:logs:us-east-1:123456789012:log-group:partners-access"
    format          = "$context.requestId"
  }
  default_route_settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }
}
