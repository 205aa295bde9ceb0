# Production values, passed with --var-file production/production.tfvars.
db_deletion_protection = false # Noncompliant RDY2002
