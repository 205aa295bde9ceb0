# Redis for sessions and the Celery broker: encrypted at rest and in transit, AUTH token from Secrets Manager,
# a replica in a second zone with automatic failover, and a week of snapshots.
resource "aws_elasticache_subnet_group" "redis" {
  name       = "${local.name_prefix}-redis"
  subnet_ids = module.vpc.private_subnet_ids
}

data "aws_secretsmanager_secret_version" "redis_auth" {
  secret_id = "coco-prod-redis-auth"
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id       = "${local.name_prefix}-redis"
  description                = "Sessions and Celery broker"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.t3.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  subnet_group_name          = aws_elasticache_subnet_group.redis.name
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = data.aws_secretsmanager_secret_version.redis_auth.secret_string
  snapshot_retention_limit   = 7
}
