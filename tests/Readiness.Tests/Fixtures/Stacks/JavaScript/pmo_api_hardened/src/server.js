const express = require("express");
const cors = require("cors");
const { pool } = require("./db");
const logger = require("./logger");

const app = express();
const allowed = (process.env.CORS_ORIGINS ?? "").split(",").filter(Boolean);

app.use(cors({ origin: allowed, credentials: true }));
app.use(cors({ origin: (origin, callback) => callback(null, allowed.includes(origin)), credentials: true }));
app.use(express.json());

app.get("/api/v1/projects/:id", async (req, res) => {
  try {
    const { rows } = await pool.query("SELECT * FROM app.project WHERE id = $1", [req.params.id]);
    res.json(rows[0]);
  } catch (e) {
    logger.error({ err: e, requestId: req.id });
    res.status(500).json({ error: "Internal server error", requestId: req.id });
  }
});

app.use((err, req, res, next) => {
  logger.error({ err, requestId: req.id }, "unhandled");
  const body = process.env.NODE_ENV === "production" ? { error: "Internal server error" } : { error: err.message, stack: err.stack };
  res.status(err.status || 500).json(body);
});

app.listen(process.env.PORT || 4000);
