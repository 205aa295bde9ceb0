import jwt from "jsonwebtoken";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const JWT_SECRET = required("JWT_SECRET");
const JWT_EXPIRES_IN = process.env.JWT_EXPIRES_IN || "7d";
const REFRESH_TOKEN_SECRET = required("REFRESH_TOKEN_SECRET");

export function sign(userId: string): string {
  return jwt.sign({ sub: userId }, JWT_SECRET, { expiresIn: JWT_EXPIRES_IN });
}

export function signRefresh(userId: string): string {
  return jwt.sign({ sub: userId, typ: "refresh" }, REFRESH_TOKEN_SECRET);
}
