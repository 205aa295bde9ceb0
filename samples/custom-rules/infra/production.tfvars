# Production values of the orders service.
owner_team = "REPLACE_ME"
