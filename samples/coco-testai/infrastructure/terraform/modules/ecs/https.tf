# Phase 7 done in a hurry: HTTPS on the load balancer with the console's old default policy (TLS 1.0 and 1.1 still
# accepted), and no WAF in front of it.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.api.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/7d1c3f0e-5b2a-4e8f-9c61-2f4a8b9d0e13"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }
}
