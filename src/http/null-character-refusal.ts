import type { FastifyInstance } from "fastify";
import { RefusedRequestError } from "./refused-request.ts";

const nullCharacterMessage =
  "La demande contient un caractère nul, que la plateforme n’accepte dans aucun champ ni aucune adresse. Revenez à la page précédente, retirez-le et réessayez.";

/** True when a string of the request, or a key, holds U+0000 (PostgreSQL refuses it in text: a 500 before). */
function holdsNullCharacter(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 8 || value === null || typeof value !== "object" || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((item) => holdsNullCharacter(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes("\u0000") || holdsNullCharacter(item, depth + 1));
}

/**
 * One check for every text input: route parameters, query string, form fields (URL-encoded or multipart,
 * file names included). Runs after access and CSRF, so anonymous visitors are still asked to sign in first.
 */
export function registerNullCharacterRefusal(app: FastifyInstance) {
  app.addHook("preHandler", async (request) => {
    if (holdsNullCharacter(request.params) || holdsNullCharacter(request.query) || holdsNullCharacter(request.body)) {
      throw new RefusedRequestError(400, nullCharacterMessage);
    }
  });
}
