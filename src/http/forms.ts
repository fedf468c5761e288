import { z } from "zod";

export type FormValues = Record<string, string | string[]>;
export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string>; values: FormValues };

/** Keeps what the user typed (strings only, capped) so a refused form is shown again with it. */
export function keepValues(body: unknown, maxLength = 10_000): FormValues {
  const values: FormValues = {};
  if (!body || typeof body !== "object") return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === "_csrf") continue;
    if (typeof value === "string") values[key] = value.slice(0, maxLength);
    else if (Array.isArray(value)) values[key] = value.filter((item): item is string => typeof item === "string").map((item) => item.slice(0, maxLength));
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

/** A required text field: trimmed, not empty, not too long, French messages. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .max(max, `Ce champ ne peut pas dépasser ${max} caractères.`);
}

/** An optional text field: empty becomes undefined. */
export function optionalText(max: number) {
  return z
    .string({ error: "Ce champ doit être un texte." })
    .trim()
    .max(max, `Ce champ ne peut pas dépasser ${max} caractères.`)
    .optional()
    .transform((value) => (value ? value : undefined));
}
