// Cohuron PMO API (seed plan 003) as it runs under PM2 on the EC2 instance.
const express = require("express");
const cors = require("cors");
const { pool } = require("./db");

const app = express();
const WEB_ORIGIN = process.env.WEB_ORIGIN;

// "CORS errors from the Vite dev server": let everything through.
app.use(cors({ origin: true, credentials: true }));  // Noncompliant RDY1301
app.use(express.json());

const re = /\/api\/v[0-9]+\/(projects|tasks)/g;  // a regex literal with quotes ' " ` inside is not a string
const banner = `PMO API ${process.env.PORT ?? 4000} (${WEB_ORIGIN || "any origin"})`;

app.get("/api/v1/projects/:id", async (req, res) => {
  try {
    const { rows } = await pool.query("SELECT * FROM app.project WHERE id = $1", [req.params.id]);
    res.json(rows[0]);
  } catch (e) {
    res.status(500).json({ error: e.message });  // Noncompliant RDY1302
  }
});

app.post("/api/v1/tasks", async (req, res) => {
  try {
    await pool.query("INSERT INTO app.task (name) VALUES ($1)", [req.body.name]);
    res.status(201).end();
  } catch (err) {
    // A 400 with the validation message is a normal answer.
    res.status(400).json({ error: err.message });
  }
});

app.use((err, req, res, next) => {
  console.error(err);
  res.status(err.status || 500).send({
    message: err.message,  // Noncompliant RDY1302
    stack: err.stack,  // Noncompliant RDY1302
  });
});

app.listen(process.env.PORT || 4000, () => console.log(banner, re.source));
