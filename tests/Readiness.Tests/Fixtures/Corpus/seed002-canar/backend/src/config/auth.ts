import jwt from "jsonwebtoken";

const JWT_SECRET = process.env.JWT_SECRET || "dev-secret-key-change-me"; // Noncompliant RDY1006
const JWT_EXPIRES_IN = process.env.JWT_EXPIRES_IN || "7d";
const REFRESH_TOKEN_SECRET = process.env.REFRESH_TOKEN_SECRET ?? "kVjYMldJssr2U63a6Zc34pHzEQWA"; // Noncompliant RDY1006

export function sign(userId: string): string {
  return jwt.sign({ sub: userId }, JWT_SECRET, { expiresIn: JWT_EXPIRES_IN });
}

export function signRefresh(userId: string): string {
  return jwt.sign({ sub: userId, typ: "refresh" }, REFRESH_TOKEN_SECRET);
}
