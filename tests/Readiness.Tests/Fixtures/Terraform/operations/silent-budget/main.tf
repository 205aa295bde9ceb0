# A production root with a budget that notifies no one: the finding is on the budget.

terraform {
  backend "s3" {
    bucket = "state-prod"
    key    = "operations/silent-budget.tfstate"
    region = "us-east-1"
  }
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions-prod"
  description                = "sessions"
  engine                     = "valkey"
  transit_encryption_enabled = true
  auth_token                 = "set-from-a-secret-in-real-life"
  automatic_failover_enabled = true
  num_cache_clusters         = 2
  snapshot_retention_limit   = 7
}

resource "aws_budgets_budget" "monthly" { # Noncompliant RDY4705
  name         = "monthly-cost"
  budget_type  = "COST"
  limit_amount = "300"
  limit_unit   = "USD"
  time_unit    = "MONTHLY"
}
