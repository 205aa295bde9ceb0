resource "aws_db_instance" "main" {
  identifier        = "shop-prod"
  engine            = "postgres"
  username          = "shop"
  password          = var.db_password
  skip_final_snapshot = false
}

resource "aws_db_instance" "reports" {
  identifier = "reports"
  engine     = "postgres"
  username   = "reports"
  password   = "zfjYx1sVwGpz1aHTE2z7Qmje" # Noncompliant RDY1004
}
