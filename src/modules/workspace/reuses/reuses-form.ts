import { type FormValues, keepValues } from "../../../http/forms.ts";

export const maxPurposeLength = 500;
export type ReuseInput = { purpose: string; since: string };
type Result = { ok: true; data: ReuseInput } | { ok: false; errors: Record<string, string>; values: FormValues };

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function validDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/**
 * « Nous l'utilisons »: what for (required, ≤ 500) and since when — a month (`2031-03`, from a month field)
 * or a day, not after `today` (YYYY-MM-DD, Paris). A month is kept as its first day.
 */
export function parseReuseForm(rawBody: unknown, today: string): Result {
  const body = rawBody && typeof rawBody === "object" ? (rawBody as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const purpose = typeof body.purpose === "string" ? body.purpose.trim() : "";
  if (!purpose) errors.purpose = "Indiquez pour quoi faire votre administration utilise le projet.";
  else if (purpose.length > maxPurposeLength) errors.purpose = `Ce champ ne peut pas dépasser ${maxPurposeLength} caractères.`;
  else if (controlCharacters.test(purpose)) errors.purpose = "Ce champ contient des caractères non autorisés.";
  const raw = typeof body.since === "string" ? body.since.trim() : "";
  const since = /^\d{4}-\d{2}$/.test(raw) ? `${raw}-01` : raw;
  if (!raw) errors.since = "Indiquez depuis quel mois, par exemple 2025-03.";
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || !validDay(since) || since < "1990-01-01") errors.since = "Indiquez un mois valide, au format AAAA-MM, par exemple 2025-03.";
  else if (since > today) errors.since = "Le mois ne peut pas être dans le futur.";
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body, 2000) };
  return { ok: true, data: { purpose, since } };
}
