# Expressions real modules write, each deciding whether a database exists or is public.
terraform {
  backend "s3" {
    bucket = "evaluation-state"
    key    = "evaluation.tfstate"
    region = "eu-west-1"
  }
}

variable "settings" {
  type    = map(string)
  default = {}
}

variable "unknown_flag" {
  description = "No default and no tfvars: unknown."
  type        = bool
}

variable "replicas" {
  type = map(object({
    public = optional(bool, false)
    class  = optional(string, "db.t3.micro")
  }))
  default = {
    reporting = { public = true }
    archive   = {}
  }
}

locals {
  one_item = max(length(["a"]), 1)
  enabled  = length(keys(var.settings)) > 0 ? 1 : 0
}

# length([]) is zero instances: the database does not exist.
resource "aws_db_instance" "never" {
  count                   = length([])
  identifier              = "never"
  publicly_accessible     = true
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# A companion gated on keys(var.settings), which is empty: it does not exist either.
resource "aws_db_instance" "gated" {
  count                   = local.enabled
  identifier              = "gated"
  publicly_accessible     = true
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# max(length(["a"]), 1) is one instance.
resource "aws_db_instance" "counted" {
  count                   = local.one_item
  identifier              = "counted-${count.index}"
  publicly_accessible     = true # Noncompliant RDY2001
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# Two instances; only the second is public.
resource "aws_db_instance" "pair" {
  count                   = 2
  identifier              = "pair-${count.index}"
  publicly_accessible     = count.index == 1 # Noncompliant RDY2001
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# try() of an unknown stays unknown: never a definite pass.
resource "aws_db_instance" "tried" {
  identifier              = "tried"
  publicly_accessible     = try(var.unknown_flag, null) # Undecided RDY2001
  storage_encrypted       = try(var.settings.encrypted, true)
  deletion_protection     = can(var.unknown_flag) ? true : false # Undecided RDY2002
  backup_retention_period = 7
}

# for_each over an empty map: no instance.
resource "aws_db_instance" "per_setting" {
  for_each                = var.settings
  identifier              = each.key
  publicly_accessible     = true
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# for_each over a map of objects with optional() defaults: reporting is public, archive takes the default false.
resource "aws_db_instance" "replica" {
  for_each                = var.replicas
  identifier              = "replica-${each.key}"
  instance_class          = each.value.class
  publicly_accessible     = each.value.public # Noncompliant RDY2001
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

# A module instance per key: only module.db["primary"] is public.
module "db" {
  source   = "./modules/db"
  for_each = { primary = true, standby = false }
  name     = each.key
  public   = each.value # Noncompliant RDY2001
}

# A module with count = 0 creates nothing.
module "disabled" {
  source = "./modules/db"
  count  = 0
  name   = "disabled"
  public = true
}

# Data sources look up what exists elsewhere: never judged as if this configuration created them.
data "aws_db_instance" "existing" {
  db_instance_identifier = "legacy"
}

data "aws_s3_bucket" "logs" {
  bucket = "legacy-logs"
}

data "aws_vpc" "default" {
  default = true
}

# A setting read from a file next to the module, and functions real modules use.
resource "aws_db_instance" "from_file" {
  identifier              = "from-file"
  publicly_accessible     = jsondecode(file("${path.module}/settings.json")).public # Noncompliant RDY2001
  storage_encrypted       = alltrue([startswith("app-db", "app"), endswith("app-db", "db"), strcontains("app-db", "-")])
  deletion_protection     = anytrue([false, can(regex("^db-[0-9]+$", "db-12"))])
  backup_retention_period = sum([abs(-3), ceil(1.2), floor(2.9)])
}
