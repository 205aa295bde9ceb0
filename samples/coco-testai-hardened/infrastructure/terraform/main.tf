# Coco TestAI - AWS deployment after the pre-launch checklist.
#   terraform workspace select prod
#   terraform apply -var-file=environments/prod/terraform.tfvars

terraform {
  required_version = ">= 1.5.0"

  backend "s3" {
    bucket         = "coco-terraform-state"
    key            = "coco/terraform.tfstate"
    region         = "us-east-1"
    encrypt        = true
    dynamodb_table = "coco-terraform-locks"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.aws_region
}

# CloudFront web ACLs and certificates live in us-east-1.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = local.common_tags
  }
}

locals {
  name_prefix = "${var.project}-${var.environment}"

  common_tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}

module "vpc" {
  source = "./modules/vpc"

  name_prefix        = local.name_prefix
  cidr_block         = var.vpc_cidr
  availability_zones = ["${var.aws_region}a", "${var.aws_region}b"]
  single_nat_gateway = true
  logs_kms_key_arn   = aws_kms_key.logs.arn
}

module "ecs" {
  source = "./modules/ecs"

  name_prefix        = local.name_prefix
  vpc_id             = module.vpc.vpc_id
  public_subnet_ids  = module.vpc.public_subnet_ids
  private_subnet_ids = module.vpc.private_subnet_ids
  api_image          = "${var.aws_account_id}.dkr.ecr.${var.aws_region}.amazonaws.com/coco-api:latest"
  desired_count      = var.api_desired_count
  task_cpu           = 512
  task_memory        = 1024
  logs_kms_key_arn   = aws_kms_key.logs.arn
}

module "rds" {
  source = "./modules/rds"

  name_prefix         = local.name_prefix
  vpc_id              = module.vpc.vpc_id
  private_subnet_ids  = module.vpc.private_subnet_ids
  app_security_group  = module.ecs.task_security_group_id
  instance_class      = var.db_instance_class
  multi_az            = var.db_multi_az
  backup_retention    = var.db_backup_retention
  deletion_protection = var.db_deletion_protection
  tags                = local.common_tags
}

module "waf" {
  source = "./modules/waf"

  name_prefix    = local.name_prefix
  rate_limit     = var.waf_rate_limit
  log_group_name = "aws-waf-logs-${local.name_prefix}"
  logs_kms_key_arn = aws_kms_key.logs.arn
}

module "frontend" {
  source = "./modules/frontend"

  name_prefix     = local.name_prefix
  alb_dns_name    = module.ecs.alb_dns_name
  domain_name     = var.frontend_domain_name
  certificate_arn = var.certificate_arn
  web_acl_arn     = module.waf.web_acl_arn
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

output "api_url" {
  value = "https://${module.ecs.alb_dns_name}"
}

output "frontend_bucket" {
  value = module.frontend.bucket_name
}

output "cloudfront_distribution_id" {
  value = module.frontend.distribution_id
}
