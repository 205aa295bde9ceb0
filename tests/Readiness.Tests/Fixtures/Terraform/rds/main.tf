terraform {
  backend "s3" {}
}

variable "reports_group" {}

variable "jobs_version" {}

variable "archive_cluster_group" {}

# Every instance below is encrypted, protected and backed up, so only the controls under test report.

# Production PostgreSQL 14 on the default group: rds.force_ssl defaults to 0 before 15 (the version decides).
resource "aws_db_instance" "orders" { # Noncompliant RDY4703 RDY4704 RDY4705
  identifier              = "orders-prod"
  engine                  = "postgres"
  engine_version          = "14.10" # Noncompliant RDY2006 {{RDS DB instance aws_db_instance.orders accepts plaintext connections: the default parameter group leaves rds.force_ssl off; set rds.force_ssl = 1 in a custom DB parameter group attached to the instance.}}
  instance_class          = "db.t4g.medium"
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
  multi_az                = true
}

# A custom group that turns require_secure_transport off, by reference: reported at the parameter. MySQL 8.0 left
# standard support on 2026-07-31.
resource "aws_db_parameter_group" "billing" {
  name   = "billing-mysql80"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "0" # Noncompliant RDY2006
  }
}

resource "aws_db_instance" "billing" {
  identifier              = "billing-staging"
  engine                  = "mysql"
  engine_version          = "8.0.35" # Noncompliant RDY2007
  instance_class          = "db.t4g.small"
  parameter_group_name    = aws_db_parameter_group.billing.name
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# A group named literally that forces TLS; PostgreSQL 13 left standard support on 2026-02-28.
resource "aws_db_parameter_group" "reports" {
  name   = "reports-tls"
  family = "postgres13"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_instance" "reports" {
  identifier              = "reports-staging"
  engine                  = "postgres"
  engine_version          = "13.7" # Noncompliant RDY2007
  instance_class          = "db.t4g.small"
  parameter_group_name    = "reports-tls"
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# PostgreSQL 16 on the default group forces TLS; so does a custom postgres16 group that leaves the parameter alone.
resource "aws_db_instance" "analytics" {
  identifier              = "analytics-staging"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t4g.small"
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

resource "aws_db_parameter_group" "search" {
  name   = "search-postgres16"
  family = "postgres16"

  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }
}

resource "aws_db_instance" "search" {
  identifier              = "search-staging"
  engine                  = "postgres"
  engine_version          = "16"
  instance_class          = "db.t4g.small"
  parameter_group_name    = aws_db_parameter_group.search.name
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# A MySQL default group named explicitly: require_secure_transport is off before 9.7.
resource "aws_db_instance" "inventory" {
  identifier              = "inventory-staging"
  engine                  = "mysql"
  engine_version          = "8.4.3"
  instance_class          = "db.t4g.small"
  parameter_group_name    = "default.mysql8.4" # Noncompliant RDY2006
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# Groups this configuration cannot read: a name declared elsewhere, a variable. Not decided, never a pass.
resource "aws_db_instance" "legacy" {
  identifier              = "legacy-staging"
  engine                  = "mariadb"
  engine_version          = "10.11.9"
  instance_class          = "db.t4g.small"
  parameter_group_name    = "shared-mariadb" # Undecided RDY2006
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

resource "aws_db_instance" "exports" {
  identifier              = "exports-staging"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t4g.small"
  parameter_group_name    = var.reports_group # Undecided RDY2006
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# An unknown version on the default group: neither TLS nor support can be decided.
resource "aws_db_instance" "jobs" {
  identifier              = "jobs-staging"
  engine                  = "postgres"
  engine_version          = var.jobs_version # Undecided RDY2006 RDY2007
  instance_class          = "db.t4g.small"
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# Oracle is not judged for TLS here (it uses option groups); no version means AWS's current default.
resource "aws_db_instance" "erp" {
  identifier              = "erp-staging"
  engine                  = "oracle-se2"
  instance_class          = "db.m5.large"
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# Aurora: encryption, backups, deletion protection and TLS live on the cluster; members are judged for what is theirs
# (public accessibility) and never for the cluster's settings. This cluster forces TLS in its cluster parameter group.
resource "aws_rds_cluster_parameter_group" "ledger" {
  name   = "ledger-aurora-postgresql16"
  family = "aurora-postgresql16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier              = "ledger-staging"
  engine                          = "aurora-postgresql"
  engine_version                  = "16.4"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.ledger.name
  storage_encrypted               = true
  deletion_protection             = true
  backup_retention_period         = 7
}

resource "aws_rds_cluster_instance" "ledger" {
  count              = 2
  identifier         = "ledger-staging-${count.index}"
  cluster_identifier = aws_rds_cluster.ledger.id
  engine             = aws_rds_cluster.ledger.engine
  instance_class     = "db.r6g.large"
}

resource "aws_rds_cluster_instance" "ledger_reader" {
  identifier          = "ledger-staging-reader"
  cluster_identifier  = aws_rds_cluster.ledger.id
  engine              = "aurora-postgresql"
  instance_class      = "db.r6g.large"
  publicly_accessible = true # Noncompliant RDY2001
}

# An Aurora MySQL 2 (5.7) cluster with nothing set: its findings are the cluster's, once, not each member's. With no
# cluster parameter group, Aurora's default leaves require_secure_transport off in every version: reported on the
# cluster, where the group is to be attached.
resource "aws_rds_cluster" "events" { # Noncompliant RDY2002 RDY2003 RDY2004 RDY2006
  cluster_identifier = "events-staging"
  engine             = "aurora-mysql"
  engine_version     = "5.7.mysql_aurora.2.11.2" # Noncompliant RDY2007
}

resource "aws_rds_cluster_instance" "events" {
  count              = 2
  identifier         = "events-staging-${count.index}"
  cluster_identifier = aws_rds_cluster.events.id
  engine             = "aurora-mysql"
  instance_class     = "db.r6g.large"
}

# Production Aurora MySQL whose cluster parameter group turns require_secure_transport off: reported at the parameter,
# high on production.
resource "aws_rds_cluster_parameter_group" "payments" {
  name   = "payments-aurora-mysql80"
  family = "aurora-mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "OFF" # Noncompliant RDY2006
  }
}

resource "aws_rds_cluster" "payments" { # Noncompliant RDY4704
  cluster_identifier              = "payments-prod"
  engine                          = "aurora-mysql"
  engine_version                  = "8.0.mysql_aurora.3.08.0"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.payments.name
  storage_encrypted               = true
  deletion_protection             = true
  backup_retention_period         = 7
}

# A custom cluster group, named literally, that leaves the parameter alone: its family's default is off, reported at
# the group, where the parameter is to be added.
resource "aws_rds_cluster_parameter_group" "search" { # Noncompliant RDY2006
  name   = "search-aurora-postgresql16"
  family = "aurora-postgresql16"

  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }
}

resource "aws_rds_cluster" "search" {
  cluster_identifier              = "search-staging"
  engine                          = "aurora-postgresql"
  engine_version                  = "16.4"
  db_cluster_parameter_group_name = "search-aurora-postgresql16"
  storage_encrypted               = true
  deletion_protection             = true
  backup_retention_period         = 7
}

# The default cluster group named explicitly: reported at the name, which is what to change.
resource "aws_rds_cluster" "audit" {
  cluster_identifier              = "audit-staging"
  engine                          = "aurora-postgresql"
  engine_version                  = "16.4"
  db_cluster_parameter_group_name = "default.aurora-postgresql16" # Noncompliant RDY2006
  storage_encrypted               = true
  deletion_protection             = true
  backup_retention_period         = 7
}

# A cluster group this configuration cannot read (a variable): not decided, never a pass.
resource "aws_rds_cluster" "archive" {
  cluster_identifier              = "archive-staging"
  engine                          = "aurora-postgresql"
  engine_version                  = "16.4"
  db_cluster_parameter_group_name = var.archive_cluster_group # Undecided RDY2006
  storage_encrypted               = true
  deletion_protection             = true
  backup_retention_period         = 7
}
