import { z } from "zod";

export type FormValues = Record<string, string | string[]>;
export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string>; values: FormValues };

/** A NUL byte or another control character cannot be shown back in HTML: drop it from the kept input. */
function printable(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

/** Keeps what the user typed (strings only, capped) so a refused form is shown again with it. */
export function keepValues(body: unknown, maxLength = 10_000): FormValues {
  const values: FormValues = {};
  if (!body || typeof body !== "object") return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === "_csrf") continue;
    if (typeof value === "string") values[key] = printable(value).slice(0, maxLength);
    else if (Array.isArray(value)) values[key] = value.filter((item): item is string => typeof item === "string").map((item) => printable(item).slice(0, maxLength));
  }
  return values;
}

/** Validates a submitted form with its zod schema; the first message of each field is kept. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "_form";
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values: keepValues(body) };
}

/**
 * Options of a rule across fields (`schema.refine(rule, acrossFields(...))`): zod still runs an object's
 * refinements when one of its fields failed, with that field's raw value (an empty date), so the rule
 * runs only once every field is valid; until then the form shows the fields' own messages.
 */
export function acrossFields(field: string, message: string) {
  return { path: [field], message, when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };
}

/** Control characters (a NUL byte is refused by PostgreSQL); tabs and line breaks stay allowed. */
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControlCharacters = "Ce champ contient des caractères non autorisés.";

/** A required text field: trimmed, not empty, not too long, French messages. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .max(max, `Ce champ ne peut pas dépasser ${max} caractères.`)
    .refine((value) => !controlCharacters.test(value), noControlCharacters);
}

/** An optional text field: empty becomes undefined. */
export function optionalText(max: number) {
  return z
    .string({ error: "Ce champ doit être un texte." })
    .trim()
    .max(max, `Ce champ ne peut pas dépasser ${max} caractères.`)
    .refine((value) => !controlCharacters.test(value), noControlCharacters)
    .optional()
    .transform((value) => (value ? value : undefined));
}
