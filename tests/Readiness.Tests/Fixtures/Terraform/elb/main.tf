terraform {
  backend "s3" {}
}

variable "listener_policies" {}

# Legacy production web tier on a classic load balancer: plain HTTP (a classic balancer cannot redirect), an HTTPS
# listener on the API default policy ELBSecurityPolicy-2016-08, no access logs.
resource "aws_elb" "web" { # Noncompliant RDY4004 RDY4705
  name               = "web-prod"
  availability_zones = ["us-east-1a", "us-east-1b"]

  listener { # Noncompliant RDY2704
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }

  listener { # Noncompliant RDY4001
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/web"
  }

  listener {
    lb_port            = 8443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/web"
  }

  listener { # Undecided RDY4001
    lb_port            = 9443
    lb_protocol        = "ssl"
    instance_port      = 9000
    instance_protocol  = "tcp"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/web"
  }

  tags = {
    Environment = "production"
  }
}

# Port 8443 references a predefined policy that still accepts TLS 1.1: reported where the reference is set.
resource "aws_load_balancer_policy" "tls11" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "tls11"
  policy_type_name   = "SSLNegotiationPolicyType"
  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-1-2017-01" # Noncompliant RDY4001
  }
}

resource "aws_load_balancer_listener_policy" "admin" {
  load_balancer_name = aws_elb.web.name
  load_balancer_port = 8443
  policy_names       = [aws_load_balancer_policy.tls11.policy_name]
}

# Port 9443 uses the older SSL negotiation resource with a custom policy (no reference policy): undecided.
resource "aws_lb_ssl_negotiation_policy" "custom" {
  name          = "custom-tls"
  load_balancer = aws_elb.web.id
  lb_port       = 9443
  attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }
}

# Internet-facing, TCP only: no listener terminates TLS. Access logs block without enabled: on by default.
resource "aws_elb" "mqtt" { # Noncompliant RDY4006
  name               = "mqtt-staging"
  availability_zones = ["us-east-1a"]

  listener {
    lb_port           = 1883
    lb_protocol       = "tcp"
    instance_port     = 1883
    instance_protocol = "tcp"
  }

  access_logs {
    bucket = "mqtt-lb-logs"
  }
}

# Internal: plain HTTP is not judged; access logs explicitly off are reported where set.
resource "aws_elb" "billing" {
  name               = "billing-internal"
  internal           = true
  availability_zones = ["us-east-1a"]

  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }

  access_logs {
    bucket  = "billing-lb-logs"
    enabled = false # Noncompliant RDY4004
  }
}

# Hardened: HTTPS only, on the TLS 1.2 reference policy, with access logs.
resource "aws_elb" "shop" {
  name               = "shop-prod"
  availability_zones = ["us-east-1a", "us-east-1b"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/shop"
  }

  access_logs {
    bucket  = "shop-lb-logs"
    enabled = true
  }
}

resource "aws_load_balancer_policy" "shop_tls12" {
  load_balancer_name = aws_elb.shop.name
  policy_name        = "shop-tls12"
  policy_type_name   = "SSLNegotiationPolicyType"
  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}

resource "aws_load_balancer_listener_policy" "shop_https" {
  load_balancer_name = aws_elb.shop.name
  load_balancer_port = 443
  policy_names       = [aws_load_balancer_policy.shop_tls12.policy_name]
}

# Listener policies from a variable: undecided.
resource "aws_elb" "partner" {
  name               = "partner-prod"
  availability_zones = ["us-east-1a"]

  listener { # Undecided RDY4001
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:us-east-1:123456789012:certificate/partner"
  }

  access_logs {
    bucket = "partner-lb-logs"
  }
}

resource "aws_load_balancer_listener_policy" "partner_https" {
  load_balancer_name = aws_elb.partner.name
  load_balancer_port = 443
  policy_names       = var.listener_policies
}
