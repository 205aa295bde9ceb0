terraform {
  backend "s3" {}
}

variable "certificate_arn" {}
variable "oac_id" {}

resource "aws_cloudfront_response_headers_policy" "security" {
  name = "security-headers"
  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 31536000
      include_subdomains         = true
      override                   = true
    }
    content_security_policy {
      content_security_policy = "default-src 'self'"
      override                = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
    content_type_options {
      override = true
    }
  }
}

# The bucket read anonymously, the API over plain HTTP, and no access logs.
resource "aws_cloudfront_distribution" "legacy" { # Noncompliant RDY2207
  enabled    = true
  web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/6a2b0c4e-1111-4c3b-9f00-0c0c0c0c0c01"

  origin { # Noncompliant RDY2205
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id   = "s3-site"
  }

  origin {
    domain_name = "api.example.com"
    origin_id   = "api"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only" # Noncompliant RDY2206
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = "s3-site"
    viewer_protocol_policy     = "redirect-to-https"
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

# An origin access identity passes; an S3 website endpoint is a custom origin (HTTP only by nature); match-viewer
# sends HTTP viewers' requests on in clear text; an access control id from a variable is undecided. Its access logs
# are delivered by standard logging v2 (below).
resource "aws_cloudfront_distribution" "mixed" {
  enabled    = true
  web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/6a2b0c4e-1111-4c3b-9f00-0c0c0c0c0c01"

  origin {
    domain_name = "assets.s3.us-east-1.amazonaws.com"
    origin_id   = "assets"
    s3_origin_config {
      origin_access_identity = "origin-access-identity/cloudfront/E127EXAMPLE51Z"
    }
  }

  origin {
    domain_name = "media.s3.us-east-1.amazonaws.com"
    origin_id   = "media"
    origin_access_control_id = var.oac_id # Undecided RDY2205
  }

  origin {
    domain_name = "legacy-site.s3-website-us-east-1.amazonaws.com"
    origin_id   = "website"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only" # Noncompliant RDY2206
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  origin {
    domain_name = "shop.example.com"
    origin_id   = "shop"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "match-viewer" # Noncompliant RDY2206
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = "assets"
    viewer_protocol_policy     = "redirect-to-https"
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

# Standard logging v2 (what terraform-aws-modules/cloudfront writes): mixed's access logs go to S3 through a
# CloudWatch Logs delivery. legacy's delivery source has no delivery, so legacy still writes no log.
resource "aws_cloudwatch_log_delivery_source" "mixed" {
  name         = "cloudfront-mixed"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.mixed.arn
}

resource "aws_cloudwatch_log_delivery_destination" "logs" {
  name = "cloudfront-logs"
  delivery_destination_configuration {
    destination_resource_arn = "arn:aws:s3:::alva-logs/cloudfront"
  }
}

resource "aws_cloudwatch_log_delivery" "mixed" {
  delivery_source_name     = aws_cloudwatch_log_delivery_source.mixed.name
  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.logs.arn
}

resource "aws_cloudwatch_log_delivery_source" "legacy" {
  name         = "cloudfront-legacy"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.legacy.arn
}

resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "site"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

# Hardened: origin access control, HTTPS to the load balancer, access logs.
resource "aws_cloudfront_distribution" "site" {
  enabled    = true
  web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/6a2b0c4e-1111-4c3b-9f00-0c0c0c0c0c01"
  aliases    = ["www.example.com"]

  origin {
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id                = "s3-site"
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }

  origin {
    domain_name = "alb.example.com"
    origin_id   = "alb"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = "s3-site"
    viewer_protocol_policy     = "redirect-to-https"
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
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
    prefix = "site/"
  }

  viewer_certificate {
    acm_certificate_arn      = var.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "aws_s3_bucket" "site" { # Noncompliant RDY2601 RDY2602 RDY2605
  bucket = "alva-site"
}

# Aliases on the default certificate: CloudFront rejects it (InvalidViewerCertificate), so the launch fails.
resource "aws_cloudfront_distribution" "preview" {
  enabled    = true
  web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/6a2b0c4e-1111-4c3b-9f00-0c0c0c0c0c01"
  aliases    = ["preview.example.com"]

  origin {
    domain_name = "alb.example.com"
    origin_id   = "alb"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = "alb"
    viewer_protocol_policy     = "redirect-to-https"
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
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
    prefix = "preview/"
  }

  viewer_certificate {
    cloudfront_default_certificate = true # Noncompliant RDY2208
  }
}
