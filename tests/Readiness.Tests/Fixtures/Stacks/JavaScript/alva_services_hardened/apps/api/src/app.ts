import Fastify, { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import cors from "@fastify/cors";

const fastify = Fastify({ logger: true });
const allowed = (process.env.CORS_ORIGINS ?? "").split(",").filter(Boolean);

await fastify.register(cors, {
  origin: (origin: string | undefined, cb: (err: Error | null, allow: boolean) => void) => cb(null, !!origin && allowed.includes(origin)),
  credentials: true,
});
await fastify.register(cors, { origin: "*" });

fastify.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  request.log.error(error);
  reply.status(500).send({ error: "Internal server error", requestId: request.id });
});

export default fastify;
