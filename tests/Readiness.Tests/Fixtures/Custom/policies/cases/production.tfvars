region      = "eu-west-1"
alert_email = "REPLACE_ME" # Noncompliant ORG-201
