# 1. SSH Public Key (paste from Step 1)
ec2_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl cohuron@deployment"

# 2. Database Password (generate strong password)
db_password = "YOUR_STRONG_PASSWORD_HERE" # Noncompliant RDY1005

# 3. SSH Access (restrict to your IP)
ssh_allowed_cidr = ["203.0.113.7/32"]

# 4. Domain Configuration
domain_name = "cohuron.com"
app_subdomain = "app"
create_dns_records = true

# 5. Optional: GitHub repo for auto-deployment
github_repo_url = ""
