"""Cases the secret rules knowingly miss: short human-chosen passwords in code look like words."""
ADMIN_PASSWORD = "hunter22"  # FN RDY1004
SMTP_LOGIN = ("mailer", "Summer2024")
