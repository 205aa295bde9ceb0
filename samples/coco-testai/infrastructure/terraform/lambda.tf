# The Stripe webhook receiver (phase 5): a function URL so Stripe can call it, with no authentication and no
# signature check in front of it.
resource "aws_iam_role" "webhook" {
  name = "${local.name_prefix}-webhook"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_lambda_function" "webhook" {
  function_name = "${local.name_prefix}-stripe-webhook"
  role          = aws_iam_role.webhook.arn
  handler       = "webhook.handler"
  runtime       = "python3.12"
  filename      = "build/webhook.zip"
}

resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = "NONE"
}
