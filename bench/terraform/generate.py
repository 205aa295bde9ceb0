#!/usr/bin/env python3
"""Writes one Terraform root module of N resources for bench/terraform/run.sh.

Each unit of four resources has owners and companions that refer to them, so mapping exercises companion linking:
a security group and an ingress rule that names it, a bucket and the public access block that names it.
Usage: generate.py DIR N
"""
import os
import sys

out, count = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
units = count // 4
per_file = 125  # units per file: 500 resources
with open(os.path.join(out, "main.tf"), "w") as f:
    f.write('terraform {\n  backend "s3" {}\n}\n')
for start in range(0, units, per_file):
    with open(os.path.join(out, f"units_{start // per_file:04d}.tf"), "w") as f:
        for i in range(start, min(start + per_file, units)):
            f.write(f'''resource "aws_security_group" "sg_{i}" {{
  name   = "sg-{i}"
  vpc_id = "vpc-0123456789abcdef0"
}}

resource "aws_security_group_rule" "https_{i}" {{
  type              = "ingress"
  security_group_id = aws_security_group.sg_{i}.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["10.0.0.0/8"]
}}

resource "aws_s3_bucket" "bucket_{i}" {{
  bucket = "bench-bucket-{i}"
}}

resource "aws_s3_bucket_public_access_block" "block_{i}" {{
  bucket                  = aws_s3_bucket.bucket_{i}.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}}

''')
