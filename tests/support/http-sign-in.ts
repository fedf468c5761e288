import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import type { FastifyInstance, InjectOptions } from "fastify";
import { devMails } from "../../src/db/schema/index.ts";
import { HttpSession } from "./http.ts";
import { linkIn, type TestPlatform, waitForMail } from "./test-platform.ts";

let nextAddress = 0;

/** A cookie-jar session coming from its own IP address (rate limits are per address). */
export function httpSessionOn(platform: TestPlatform, ip = `198.18.${Math.floor(++nextAddress / 250)}.${nextAddress % 250}`): HttpSession {
  const app = platform.app;
  return new HttpSession({ inject: (options: InjectOptions) => app.inject({ ...options, remoteAddress: ip }) } as unknown as FastifyInstance);
}

/** Signs `email` in over HTTP as a person would: asks for a link, reads it in the outbox, confirms it. */
export async function signInOverHttp(platform: TestPlatform, email: string): Promise<HttpSession> {
  const session = httpSessionOn(platform);
  await platform.database.db.delete(devMails).where(eq(devMails.to, email));
  assert.equal((await session.post("/connexion", { email })).statusCode, 200);
  const link = new URL(linkIn((await waitForMail(platform, email)).text));
  const signedIn = await session.post("/connexion/lien", { jeton: link.searchParams.get("jeton")! }, { formPage: link.pathname + link.search });
  assert.equal(signedIn.statusCode, 303);
  return session;
}
