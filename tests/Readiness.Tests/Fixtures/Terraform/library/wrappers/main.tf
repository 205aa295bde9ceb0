# Re-exports the module for Terragrunt: not a root. Read as one, its demo item would be a second public database.
variable "items" {
  type = any
  default = {
    demo = { identifier = "demo" }
  }
}

module "wrapper" {
  source   = "../"
  for_each = var.items

  identifier          = each.value.identifier
  publicly_accessible = try(each.value.publicly_accessible, true)
}
