#AWS Account Id
data "aws_caller_identity" "aws-account-id" {
  
}