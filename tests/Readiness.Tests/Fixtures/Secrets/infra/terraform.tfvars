# Edit these REQUIRED values before `terraform apply`.
ec2_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl cohuron@deployment"
db_password = "YOUR_STRONG_PASSWORD_HERE" # Noncompliant RDY1005
ssh_allowed_cidr = ["YOUR_IP/32"]
domain_name = "cohuron.com"
github_repo_url = ""
