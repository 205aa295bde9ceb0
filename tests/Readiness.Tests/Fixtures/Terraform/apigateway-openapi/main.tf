# APIs imported from an OpenAPI body: the operations come from `paths`, their authorization from `security` and the
# schemes' API Gateway extensions.

terraform {
  backend "s3" {}
}

variable "orders_lambda_arn" {}

# Internal REST API: one open method, one guarded by a Cognito authorizer by the document's default security, one by
# an API key only, one signed with IAM. Every operation of a body is reported at the body's line.
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-internal"
  body = jsonencode({ # Noncompliant RDY4250
    openapi  = "3.0.1"
    info     = { title = "orders", version = "1" }
    security = [{ users = [] }]
    paths = {
      "/orders" = {
        get = {
          "x-amazon-apigateway-integration" = { type = "aws_proxy", httpMethod = "POST", uri = var.orders_lambda_arn }
        }
        post = {
          security                          = [{ partnerKey = [] }]
          "x-amazon-apigateway-integration" = { type = "aws_proxy", httpMethod = "POST", uri = var.orders_lambda_arn }
        }
      }
      "/health" = {
        get = { security = [] }
      }
      "/admin" = {
        "x-amazon-apigateway-any-method" = { security = [{ sigv4 = [] }] }
      }
    }
    components = {
      securitySchemes = {
        users = {
          type                            = "apiKey"
          name                            = "Authorization"
          in                              = "header"
          "x-amazon-apigateway-authtype"  = "cognito_user_pools"
          "x-amazon-apigateway-authorizer" = { type = "cognito_user_pools", providerARNs = ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEfGhI"] }
        }
        partnerKey = { type = "apiKey", name = "x-api-key", in = "header" }
        sigv4      = { type = "apiKey", name = "Authorization", in = "header", "x-amazon-apigateway-authtype" = "awsSigv4" }
      }
    }
  })
}

# Swagger 2 as a JSON heredoc: a JWT-less OAuth scheme API Gateway does not enforce, so the route is undecided.
resource "aws_api_gateway_rest_api" "partners" {
  name = "partners-internal"
  # Undecided@+1 RDY4250
  body = <<-JSON
    {
      "swagger": "2.0",
      "info": { "title": "partners", "version": "1" },
      "paths": { "/quotes": { "get": { "security": [{ "oauth": [] }] } } },
      "securityDefinitions": { "oauth": { "type": "oauth2", "flow": "implicit", "authorizationUrl": "https://auth.example.com" } }
    }
  JSON
}

# An HTTP API whose routes come from its body: a JWT authorizer on one, none on the other.
resource "aws_apigatewayv2_api" "events" {
  name          = "events-internal"
  protocol_type = "HTTP"
  body = jsonencode({ # Noncompliant RDY4250
    openapi = "3.0.1"
    info    = { title = "events", version = "1" }
    paths = {
      "/events" = {
        post = { security = [{ jwt = [] }] }
        get  = {}
      }
    }
    components = {
      securitySchemes = {
        jwt = {
          type                             = "oauth2"
          "x-amazon-apigateway-authorizer" = { type = "jwt", identitySource = "$request.header.Authorization", jwtConfiguration = { audience = ["events"], issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI" } }
        }
      }
    }
  })
}

# The definition is a file the scan does not open: its operations are undecided, not absent.
resource "aws_api_gateway_rest_api" "billing" { # Undecided RDY4250
  name = "billing-internal"
  body = file("${path.module}/billing-openapi.yaml")
}

# Every operation guarded: nothing to report.
resource "aws_api_gateway_rest_api" "guarded" {
  name = "guarded-internal"
  body = jsonencode({
    openapi  = "3.0.1"
    info     = { title = "guarded", version = "1" }
    security = [{ sigv4 = [] }]
    paths = {
      "/items" = { get = {}, put = {} }
      "/items/{id}" = { options = { security = [] } }
    }
    components = { securitySchemes = { sigv4 = { type = "apiKey", name = "Authorization", in = "header", "x-amazon-apigateway-authtype" = "awsSigv4" } } }
  })
}
