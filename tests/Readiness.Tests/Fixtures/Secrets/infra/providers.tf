# Literal credentials in provider blocks (issue 12).

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAQ3EGRWZT5B7KX2VN"                     # Noncompliant RDY1001
  secret_key = "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" # Noncompliant RDY1004 FN RDY1001 (the key pair detector does not know `secret_key`)
}

provider "postgresql" {
  host     = "db.internal.shop.io"
  username = "shop"
  password = "Rk4mT9xQ2vLp" # Noncompliant RDY1004
}

provider "datadog" {
  api_key = "f3a9c2e7b1d84056a2c9e7f1b3d5a8c0" # Noncompliant RDY1004
}

# References are not secrets.
provider "github" {
  token = var.github_token
}

provider "vault" {
  token = ""
}
