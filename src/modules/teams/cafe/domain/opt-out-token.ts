import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, URL-safe (43 characters): one per mail; only its SHA-256 is stored. */
export function createOptOutToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashOptOutToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
