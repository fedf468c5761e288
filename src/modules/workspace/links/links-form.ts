import { type FormValues, keepValues } from "../../../http/forms.ts";
import { urlError } from "../files/workspace-files.ts";
import { type LinkKind, linkKinds } from "./links-repository.ts";

export const maxLabelLength = 120;
export type LinkInput = { kind: Exclude<LinkKind, "file">; label: string; url: string; public: boolean };
export type FileLinkInput = { label: string; public: boolean };
type Result<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string>; values: FormValues };

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value.trim() : "";
}

function labelError(label: string): string | null {
  if (!label) return "Indiquez un intitulé.";
  if (label.length > maxLabelLength) return `L’intitulé ne peut pas dépasser ${maxLabelLength} caractères.`;
  if (controlCharacters.test(label)) return "Ce champ contient des caractères non autorisés.";
  return null;
}

function isPublic(body: Record<string, unknown>): boolean {
  return body.public === "on";
}

/** The link form: a kind (not « Fichier »), an intitulé (≤ 120), an http(s) address (≤ 2,000), public or not. */
export function parseLinkForm(rawBody: unknown): Result<LinkInput> {
  const body = rawBody && typeof rawBody === "object" ? (rawBody as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const kind = text(body, "kind");
  if (!(linkKinds as readonly string[]).includes(kind) || kind === "file") errors.kind = "Choisissez le type de lien.";
  const label = text(body, "label");
  const badLabel = labelError(label);
  if (badLabel) errors.label = badLabel;
  const url = text(body, "url");
  const badUrl = url ? urlError(url) : "Indiquez l’adresse du lien.";
  if (badUrl) errors.url = badUrl;
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body, 2100) };
  return { ok: true, data: { kind: kind as LinkInput["kind"], label, url, public: isPublic(body) } };
}

/** The file form's text fields (the file itself is checked when stored). */
export function parseFileLinkForm(rawBody: unknown): Result<FileLinkInput> {
  const body = rawBody && typeof rawBody === "object" ? (rawBody as Record<string, unknown>) : {};
  const label = text(body, "fileLabel");
  const badLabel = labelError(label);
  if (badLabel) return { ok: false, errors: { fileLabel: badLabel }, values: keepValues(body) };
  return { ok: true, data: { label, public: body.filePublic === "on" } };
}
