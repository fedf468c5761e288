import { type FormValues, keepValues } from "../../../http/forms.ts";
import { urlError } from "../files/workspace-files.ts";

export const maxSummaryLength = 3000;
export type RestitutionInput = { summary: string; slidesUrl: string | null; videoUrl: string | null; demoUrl: string | null; removeSlidesFile: boolean };
type Result = { ok: true; data: RestitutionInput } | { ok: false; errors: Record<string, string>; values: FormValues };

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The restitution form: a summary (≤ 3,000) and optional http(s) addresses of the slides, the video and the demo. */
export function parseRestitutionForm(rawBody: unknown): Result {
  const body = rawBody && typeof rawBody === "object" ? (rawBody as Record<string, unknown>) : {};
  const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string).trim() : "");
  const errors: Record<string, string> = {};
  const summary = text("summary");
  if (summary.length > maxSummaryLength) errors.summary = `Ce champ ne peut pas dépasser ${maxSummaryLength.toLocaleString("fr-FR")} caractères.`;
  else if (controlCharacters.test(summary.replace(/\r/g, ""))) errors.summary = "Ce champ contient des caractères non autorisés.";
  const urls: Record<string, string | null> = {};
  for (const name of ["slidesUrl", "videoUrl", "demoUrl"]) {
    const value = text(name);
    const error = value ? urlError(value) : null;
    if (error) errors[name] = error;
    urls[name] = value || null;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body, 3100) };
  return { ok: true, data: { summary, slidesUrl: urls.slidesUrl!, videoUrl: urls.videoUrl!, demoUrl: urls.demoUrl!, removeSlidesFile: body.removeSlidesFile === "on" } };
}
