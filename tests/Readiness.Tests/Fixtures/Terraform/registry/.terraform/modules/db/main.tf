variable "identifier" {
  type = string
}

variable "publicly_accessible" {
  type    = bool
  default = false
}

module "instance" {
  source              = "./modules/instance"
  identifier          = var.identifier
  publicly_accessible = var.publicly_accessible
}
