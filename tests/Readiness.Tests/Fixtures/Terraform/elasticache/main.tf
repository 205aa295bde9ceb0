terraform {
  backend "s3" {}
}

variable "cache_auth_token" {
  sensitive = true
}

variable "jobs_snapshots" {}

# Production sessions: every control fails where it is set; the missing AUTH token at the resource.
resource "aws_elasticache_replication_group" "sessions" { # Noncompliant RDY4303 RDY4705
  replication_group_id       = "sessions-prod"
  description                = "Sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 1
  at_rest_encryption_enabled = false # Noncompliant RDY4301
  transit_encryption_enabled = false # Noncompliant RDY4302
  automatic_failover_enabled = false # Noncompliant RDY4304
  snapshot_retention_limit   = 0     # Noncompliant RDY4305
}

# Valkey is encrypted at rest by default; a staging group is not judged for failover; an unknown retention is undecided.
resource "aws_elasticache_replication_group" "jobs" { # Noncompliant RDY4302 RDY4303
  replication_group_id     = "jobs-staging"
  description              = "Job queue"
  engine                   = "valkey"
  snapshot_retention_limit = var.jobs_snapshots # Undecided RDY4305
}

# Hardened: the AUTH token comes from a variable (unknown here, but set).
resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache-prod"
  description                = "Application cache"
  engine                     = "redis"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = var.cache_auth_token
  automatic_failover_enabled = true
  multi_az_enabled           = true
  snapshot_retention_limit   = 7
}
