# Test (on demand, starts stopped)
environment    = "test"
aws_account_id = "123456789012"

api_desired_count = 0
