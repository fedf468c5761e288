import { randomBytes } from "node:crypto";

/**
 * An attestation's code (issue 16): `P10-XXXX-XXXX-XXXX`, twelve characters of Crockford's base 32 (no I, L,
 * O nor U: nothing to confuse when read aloud or typed), 60 random bits. Pure but for `newAttestationCode`.
 */
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const prefix = "P10";
const length = 12;

/** A new random code, from `crypto.randomBytes` (the last 4 of 64 bits dropped). */
export function newAttestationCode(random: (size: number) => Buffer = randomBytes): string {
  let bits = random(8).readBigUInt64BE(0) >> 4n;
  const characters: string[] = [];
  for (let index = 0; index < length; index += 1) {
    characters.unshift(alphabet[Number(bits & 31n)]!);
    bits >>= 5n;
  }
  return formatCode(characters.join(""));
}

function formatCode(body: string): string {
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}`;
}

/**
 * The code as typed (any case, spaces, dashes or dots, with or without `P10`, O for 0, I or L for 1) in its
 * canonical form `P10-XXXX-XXXX-XXXX`; null when it cannot be a code.
 */
export function normaliseAttestationCode(typed: string): string | null {
  let compact = typed.toUpperCase().replace(/[\s\-_.\u00a0\u202f]/g, "");
  if (compact.length === length + prefix.length && /^P[1IL][0O]/.test(compact)) compact = compact.slice(prefix.length);
  compact = compact.replace(/O/g, "0").replace(/[IL]/g, "1");
  if (compact.length !== length || [...compact].some((character) => !alphabet.includes(character))) return null;
  return formatCode(compact);
}
