# A development file: ORG-201 is for production files only.
alert_email = "REPLACE_ME"
