# Variable defaults: the default of a secret-named variable is a committed secret (issue 12).

variable "db_password" {
  type      = string
  sensitive = true
  default   = "Aa1234321Bb" # Noncompliant RDY1004
}

variable "stripe_api_key" {
  description = "Key for the payments service"
  default     = "pk9Wq2Lx7Tz4Rv8Nb3Mc" # Noncompliant RDY1004
}

# Placeholders, empty, null and references are not secrets.
variable "admin_password" {
  default = "changeme"
}

variable "jwt_secret" {
  default = ""
}

variable "api_token" {
  default = null
}

variable "session_secret" {
  default = var.fallback_secret
}

# Sensitive without a default: the value comes from TF_VAR_... or a secret store.
variable "master_password" {
  type      = string
  sensitive = true
}

# Not secret-named: its default is a setting.
variable "db_username" {
  default = "shop_admin"
}

variable "password_min_length" {
  default = "Zq81"
}

# A nested block's default belongs to the nested block, not to the variable.
variable "replica_token" {
  type = object({ name = string })
  validation {
    condition     = length(var.replica_token.name) > 0
    error_message = "The replica token name must not be empty."
  }
}
