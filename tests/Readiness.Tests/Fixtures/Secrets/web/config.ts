export interface AppConfig {
  stripeSecret: string;
  githubToken: string;
}

export const config = {
  stripeSecret: process.env.STRIPE_SECRET_KEY!,
  githubToken: "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", // Noncompliant RDY1001
  anthropicKey: process.env["ANTHROPIC_API_KEY"] || "sk-ant-api03-F3imz_4YzS6O8DpAFQ4lFFMTNp9E1HqNbYQV6X1X_Lngr-pzZoqZSJ0iHD9msRYZwAGPPBiURfi5v1P44OMlfpYoG8lsDAA", // Noncompliant RDY1001
  mongoUri: "mongodb+srv://api:H1ziklMTonIHJVCqS2S793lN@cluster0.ab1cd.mongodb.net/prod", // Noncompliant RDY1003
  clientSecret: process.env.CLIENT_SECRET ?? `kVjYMldJssr2U63a6Zc34pHzEQWA`, // Noncompliant RDY1006
  tokenStorageKey: "auth.accessToken",
};

const accessToken: string = "0yGjClFjzVek2Mkj5rkTAZjY9g6YfGKPoQWo"; // Noncompliant RDY1004
export const authHeader = `Bearer ${accessToken}`;
