ec2_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl cohuron@deployment"
# The database password is generated and kept by RDS in Secrets Manager (manage_master_user_password = true).
ssh_allowed_cidr = ["203.0.113.7/32"]
domain_name = "cohuron.com"
app_subdomain = "app"
create_dns_records = true
github_repo_url = ""
