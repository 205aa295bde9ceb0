const express = require("express");

const jwtSecret = process.env.JWT_SECRET || 'dev-secret-key-change-me'; // Noncompliant RDY1006
const apiKey = process.env.PAYMENTS_API_KEY ?? "k3yF4llb4ck9a8b7c6d5e4f"; // Noncompliant RDY1006
const port = process.env.PORT || 3000;
const sessionSecret = process.env.SESSION_SECRET;
const db = { user: "app", password: "e52yVV1NPBaVKX6KKkkKWREn4keXZPNq" }; // Noncompliant RDY1004
const labels = { password: "Password", token: "Enter your access token" };
const alerts = "https://hooks.slack.com/services/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"; // Noncompliant RDY1001
const docsToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const serviceRoleKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Inpucm9vcmp1aGhkcm1vendhYWxqIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczMTAwMDAwMCwiZXhwIjoyMDQ2NTc2MDAwfQ.GMMFPk2e9MEKPvaa45lUtMX3uruNV5a6zScHPKQgris"; // Noncompliant RDY1001
const passwordInput = document.querySelector('input[type="password"]');

const app = express();
app.listen(port);
module.exports = { jwtSecret, apiKey, sessionSecret, db, labels, alerts, docsToken, serviceRoleKey, passwordInput };
