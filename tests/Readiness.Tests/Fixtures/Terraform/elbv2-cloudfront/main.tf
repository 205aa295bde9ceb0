terraform {
  backend "s3" {}
}

# Two staging application load balancers served through one CloudFront distribution that has a web ACL.
data "aws_ec2_managed_prefix_list" "cloudfront" {
  name = "com.amazonaws.global.cloudfront.origin-facing"
}

# Admits only CloudFront: every request passes the distribution's web ACL, so the shop needs none of its own.
resource "aws_security_group" "cloudfront_only" {
  name   = "shop-origin"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    prefix_list_ids = [data.aws_ec2_managed_prefix_list.cloudfront.id]
  }
}

# Admits the internet on 443 as well: the distribution's web ACL can be bypassed.
resource "aws_security_group" "open" {
  name   = "blog-origin"
  vpc_id = "vpc-0a1b2c3d"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_lb" "shop" {
  name                       = "shop-staging"
  load_balancer_type         = "application"
  security_groups            = [aws_security_group.cloudfront_only.id]
  drop_invalid_header_fields = true
  access_logs {
    bucket  = "shop-lb-logs"
    enabled = true
  }
}

# Reported low: the distribution has a web ACL, the open security group lets requests around it.
resource "aws_lb" "blog" { # Noncompliant RDY4005
  name                       = "blog-staging"
  load_balancer_type         = "application"
  security_groups            = [aws_security_group.open.id]
  drop_invalid_header_fields = true
  access_logs {
    bucket  = "blog-lb-logs"
    enabled = true
  }
}

# Served by a distribution without a web ACL: reported as any load balancer without one (medium).
resource "aws_lb" "docs" { # Noncompliant RDY4005
  name                       = "docs-staging"
  load_balancer_type         = "application"
  security_groups            = [aws_security_group.cloudfront_only.id]
  drop_invalid_header_fields = true
  access_logs {
    bucket  = "docs-lb-logs"
    enabled = true
  }
}

resource "aws_cloudfront_distribution" "edge" {
  enabled    = true
  web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/6a2b0c4e-1111-4c3b-9f00-0c0c0c0c0c01"
  aliases    = ["shop.example.com"]

  origin {
    domain_name = aws_lb.shop.dns_name
    origin_id   = "shop"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  origin {
    domain_name = aws_lb.blog.dns_name
    origin_id   = "blog"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior { # Noncompliant RDY2204
    target_origin_id           = "shop"
    viewer_protocol_policy     = "redirect-to-https"
    response_headers_policy_id = "67f7725c-6f97-4210-82d7-5512b31e9d03"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  logging_config {
    bucket = "logs.s3.amazonaws.com"
    prefix = "edge/"
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/edge"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "aws_cloudfront_distribution" "docs" { # Noncompliant RDY2201
  enabled = true
  aliases = ["docs.example.com"]

  origin {
    domain_name = aws_lb.docs.dns_name
    origin_id   = "docs"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior { # Noncompliant RDY2204
    target_origin_id           = "docs"
    viewer_protocol_policy     = "redirect-to-https"
    response_headers_policy_id = "67f7725c-6f97-4210-82d7-5512b31e9d03"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  logging_config {
    bucket = "logs.s3.amazonaws.com"
    prefix = "docs/"
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/docs"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
