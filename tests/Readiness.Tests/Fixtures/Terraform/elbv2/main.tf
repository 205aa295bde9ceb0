terraform {
  backend "s3" {}
}

variable "tls_policy" {}

# Production API: every control off where it is set; no access_logs block and no web ACL, reported at the resource.
resource "aws_lb" "api" { # Noncompliant RDY4004 RDY4005 RDY4702 RDY4705
  name                       = "api-prod"
  load_balancer_type         = "application"
  drop_invalid_header_fields = false # Noncompliant RDY4002
  enable_deletion_protection = false # Noncompliant RDY4003
}

# No policy named: the API default ELBSecurityPolicy-2016-08 still accepts TLS 1.0, reported at the listener.
resource "aws_lb_listener" "api_https" { # Noncompliant RDY4001
  load_balancer_arn = aws_lb.api.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/api"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1"
  }
}

# A named outdated policy is reported where it is set; a TLS 1.1 minimum is outdated even in the TLS13 family.
resource "aws_lb_listener" "api_admin" {
  load_balancer_arn = aws_lb.api.arn
  port              = 8443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-1-2021-06" # Noncompliant RDY4001
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/api"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1"
  }
}

# Staging network load balancer: not judged for deletion protection, no header rule; a TLS policy from a variable is undecided.
resource "aws_lb" "mqtt" { # Noncompliant RDY4004
  name               = "mqtt-staging"
  load_balancer_type = "network"
}

resource "aws_lb_listener" "mqtt_tls" { # Undecided RDY4001
  load_balancer_arn = aws_lb.mqtt.arn
  port              = 8883
  protocol          = "TLS"
  ssl_policy        = var.tls_policy
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/mqtt"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/mqtt/1"
  }
}

# Hardened production load balancer.
resource "aws_lb" "web" { # Noncompliant RDY4702
  name                       = "web-prod"
  load_balancer_type         = "application"
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  access_logs {
    bucket  = "web-prod-lb-logs"
    enabled = true
  }
}

resource "aws_lb_listener" "web_https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/web"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1"
  }
}

resource "aws_lb_listener" "web_fs" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-FS-1-2-Res-2020-10"
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/web"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1"
  }
}

resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/1"
}

# Internal application load balancer: no web ACL needed.
resource "aws_lb" "admin" { # Noncompliant RDY4004
  name                       = "admin-staging"
  internal                   = true
  drop_invalid_header_fields = true
}
