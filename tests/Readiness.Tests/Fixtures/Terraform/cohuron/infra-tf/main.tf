// Cohuron PMO platform: single EC2 host (seed plan 003).
// State is still local (terraform.tfstate): see "Remote Terraform State (High Priority)".
terraform { # Noncompliant RDY2801
  required_version = ">= 1.0"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region  = var.aws_region
  profile = var.aws_profile
}

module "vpc" {
  source            = "./modules/vpc"
  project_name      = var.project_name
  vpc_cidr          = var.vpc_cidr
  ssh_allowed_cidr  = var.ssh_allowed_cidr
  redis_allowed     = var.redis_allowed_cidrs
  public_app_ports  = [4000, 5173]
}

module "ec2" {
  source        = "./modules/ec2"
  project_name  = var.project_name
  subnet_id     = module.vpc.public_subnet_ids[0]
  app_sg_id     = module.vpc.app_sg_id
  instance_type = var.instance_type
  ebs_default_encryption = var.ebs_default_encryption
}

module "s3" {
  source       = "./modules/s3"
  project_name = var.project_name
  account_id   = var.aws_account_id
}

resource "aws_cloudtrail" "audit" {
  name                  = "${var.project_name}-audit"
  s3_bucket_name        = module.s3.artifacts_bucket
  is_multi_region_trail = false # Noncompliant RDY2703
}
