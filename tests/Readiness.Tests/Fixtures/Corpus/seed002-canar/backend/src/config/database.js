const { Pool } = require("pg");

const pool = new Pool({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: "canar_db",
});

const admin = new Pool({
  connectionString: "postgresql://canar_admin:i0Z0ALZcwNjKHeIIQr3XSF@cpm-db.c9akciq32.us-east-1.rds.amazonaws.com:5432/canar_db", // Noncompliant RDY1003
});

module.exports = { pool, admin };
