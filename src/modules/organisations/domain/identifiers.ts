/** SIREN (legal unit, 9 digits) and SIRET (establishment, 14 digits: the SIREN then 5 digits). */

/** Digits as people paste them: spaces, non-breaking spaces, dots and dashes removed. */
export function compactDigits(value: string): string {
  return value.replace(/[\s\u00a0\u202f.-]/g, "");
}

/** Luhn key, which INSEE uses for SIREN and SIRET numbers. */
export function hasValidLuhnKey(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments do not follow the Luhn key: their SIRET digits add up to a multiple of 5. */
const laPosteSiren = "356000000";

export type IdentifierCheck = { ok: true } | { ok: false; message: string };

export function checkSiren(siren: string): IdentifierCheck {
  if (!/^\d{9}$/.test(siren)) return { ok: false, message: "Le SIREN compte 9 chiffres, par exemple 130 025 265." };
  if (!hasValidLuhnKey(siren)) return { ok: false, message: "Ce SIREN n’existe pas : sa clé de contrôle ne correspond pas. Vérifiez les chiffres." };
  return { ok: true };
}

export function checkSiret(siret: string): IdentifierCheck {
  if (!/^\d{14}$/.test(siret)) return { ok: false, message: "Le SIRET compte 14 chiffres : le SIREN suivi de 5 chiffres, par exemple 130 025 265 00013." };
  const valid = siret.startsWith(laPosteSiren) ? [...siret].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0 : hasValidLuhnKey(siret);
  if (!valid) return { ok: false, message: "Ce SIRET n’existe pas : sa clé de contrôle ne correspond pas. Vérifiez les chiffres." };
  return { ok: true };
}

/** The message when both are given and the SIRET is not an establishment of that SIREN, or null. */
export function siretMismatch(siren: string | null | undefined, siret: string | null | undefined): string | null {
  if (!siren || !siret || siret.startsWith(siren)) return null;
  return `Le SIRET doit commencer par le SIREN (${siren}) : ses 9 premiers chiffres sont ceux de l’unité légale.`;
}
