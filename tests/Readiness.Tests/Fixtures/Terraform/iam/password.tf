# The account password policy (RDY2507): judged where declared; "no policy at all" is only decidable live.
# Too short, and no reuse prevention (absent: the default 0, reported at the resource).
resource "aws_iam_account_password_policy" "this" { # Noncompliant RDY2507
  minimum_password_length      = 8 # Noncompliant RDY2507
  require_symbols              = true
  require_numbers              = true
  require_uppercase_characters = true
  require_lowercase_characters = true
}
