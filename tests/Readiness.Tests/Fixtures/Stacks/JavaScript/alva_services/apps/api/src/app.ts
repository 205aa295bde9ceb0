// Alva api service (seed plan 004): Fastify on port 3001 behind the ALB.
import Fastify, { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import cors from "@fastify/cors";

const fastify = Fastify({ logger: true });

await fastify.register(cors, {
  origin: (origin: string | undefined, cb: (err: Error | null, allow: boolean | string) => void) => cb(null, origin),  // Noncompliant RDY1301
  credentials: true,
});

fastify.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  request.log.error(error);
  reply.status(error.statusCode ?? 500).send({ error: error.message });  // Noncompliant RDY1302
});

fastify.get("/health", async () => ({ ok: true }));

export default fastify;
