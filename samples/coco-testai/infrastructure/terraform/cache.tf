# Redis for sessions and the Celery broker (phase 4): created with the defaults, so nothing is encrypted and any
# client in the VPC connects without a password.
resource "aws_elasticache_subnet_group" "redis" {
  name       = "${local.name_prefix}-redis"
  subnet_ids = module.vpc.private_subnet_ids
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id = "${local.name_prefix}-redis"
  description          = "Sessions and Celery broker"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = "cache.t3.micro"
  num_cache_clusters   = 1
  subnet_group_name    = aws_elasticache_subnet_group.redis.name
}
