# Production (always on)
environment    = "prod"
aws_account_id = "123456789012"

api_desired_count = 2

db_instance_class      = "db.t3.small"
db_multi_az            = true
db_backup_retention    = 30
db_deletion_protection = true
