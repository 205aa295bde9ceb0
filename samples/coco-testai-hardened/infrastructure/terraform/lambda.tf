# The Stripe webhook receiver: its function URL requires IAM authentication; Stripe reaches it through API Gateway,
# which checks the signature before invoking it.
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

# Its log group, declared so it is kept for a year and encrypted instead of created by Lambda with no retention.
resource "aws_cloudwatch_log_group" "webhook" {
  name              = "/aws/lambda/${aws_lambda_function.webhook.function_name}"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = "AWS_IAM"
}
