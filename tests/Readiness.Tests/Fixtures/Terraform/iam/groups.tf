# Group memberships (issue 15): a user in an administrators group holds the group's policies, whichever membership
# resource says so (IamTests.A_user_in_an_administrators_group_holds_its_policies_through_either_membership_resource).
# No IaC rule reports the user itself: the group is reported (RDY2505), and RDY2595 needs a live access key.

resource "aws_iam_group" "deployers" {
  name = "deployers"
}

resource "aws_iam_group_policy_attachment" "deployers" { # Noncompliant RDY2505
  group      = aws_iam_group.deployers.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# aws_iam_group_membership lists the users of one group, by reference.
resource "aws_iam_user" "release" {
  name = "release-bot"
}

resource "aws_iam_group_membership" "deployers" {
  name  = "deployers-members"
  group = aws_iam_group.deployers.name
  users = [aws_iam_user.release.name]
}

# aws_iam_user_group_membership lists the groups of one user, here by the group's name.
resource "aws_iam_user" "backup" {
  name = "backup-bot"
}

resource "aws_iam_user_group_membership" "backup" {
  user   = aws_iam_user.backup.name
  groups = ["deployers"]
}

# In no group.
resource "aws_iam_user" "reader" {
  name = "reader-bot"
}
