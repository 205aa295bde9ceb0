# A tour of HCL2 syntax the reader must accept.
// line comment
/* block
   comment */
locals {
  name    = "app" # trailing comment
  count   = 3
  ratio   = 1.5e2
  enabled = !false && (1 + 2 * 3 == 7) || false
  tags    = { Name = "${local.name}-web", "kubernetes.io/role" = "web", count: 2 }
  list    = [
    "a", // comment inside a list
    "b",
  ]
  ports   = [for p in [80, 443] : p + 1 if p > 0]
  by_name = { for k, v in local.tags : k => upper(v) }
  escaped = "tab\tquote\" dollar $${literal} percent %%{literal} \u00e9"
  picked  = var.enabled ? "on" : "off"
  nested  = try(local.tags["Name"], "none")
  splat   = aws_instance.web[*].id
  legacy  = local.list.0
  policy  = <<EOF
{
  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "${local.name}"}]
}
EOF
  script  = <<-SH
    #!/bin/sh
      echo "${local.name}"
    %{ if local.enabled }echo on%{ endif }
  SH
  ns_call = provider::aws::arn_parse("arn:aws:s3:::bucket")
  multi = merge(
    local.tags,
    { extra = true },
  )
}

resource "aws_instance" "web" {
  count = local.count
  ami   = "ami-123"
  lifecycle {
    ignore_changes = [tags]
  }
  dynamic "ebs_block_device" {
    for_each = var.disks
    content {
      device_name = ebs_block_device.value.name
    }
  }
}
