# Root b must still be judged when root a cannot be.
resource "aws_db_instance" "b" {
  identifier          = "b"
  publicly_accessible = true
}
