aws_account_id   = "957207443425"
aws_region       = "us-east-1"
project_name     = "cohuron"
ssh_allowed_cidr = "198.51.100.24/32" # office IP
instance_type    = "t3.medium"
