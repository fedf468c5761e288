import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, URL-safe: for magic links and session cookies. Only the hash is stored. */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const magicLinkLifetimeMs = 15 * 60 * 1000;
export const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;
/** At most this many links per address in a quarter of an hour. */
export const magicLinksPerAddressPerWindow = 5;

/**
 * Only same-site paths may be used as a return address after sign-in (no open redirect). What a Location
 * header cannot hold (beyond visible ASCII: accents, « € », spaces) is percent-encoded in UTF-8 as browsers
 * do: such a path made the redirect throw after the sign-in link had been used.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 500) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(value) || !value.isWellFormed()) return null;
  const encoded = value.replace(/[^\x21-\x7e]/gu, (character) => encodeURIComponent(character));
  return encoded.length > 500 ? null : encoded;
}
