import { type ContentFields, type ContentItem, type ContentKind, contentKinds, slugify } from "../domain/content-item.ts";
import { isUploadedFile, type UploadedFile } from "../../../http/uploads.ts";
import { parseParisDate, parseParisDateTime, toParisDateInput, toParisDateTimeInput } from "./paris-time.ts";

/** The text fields of the editor's form, by kind; what is kept and shown again when the form is refused. */
const commonFields = ["title", "slug", "summary", "body", "tags", "date", "status", "publishAt", "coverImageAlt", "coverImagePath", "removeCover", "version", "kind", "action", "insertImageAlt"] as const;
export const detailFields: Record<ContentKind, readonly string[]> = {
  news: [],
  page: [],
  project: ["githubUrl", "tchapUrl", "administrations", "season", "responsible"],
  event: ["startsAt", "endsAt", "allDay", "location", "registrationUrl", "organiser"],
  training: ["season", "trainers", "replayUrl", "slidesUrl"],
};

export type EditorValues = Record<string, string>;
export type EditorSubmission = { values: EditorValues; files: Record<string, UploadedFile>; errors: Record<string, string> };

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const maxKeptLength = 250_000;

/**
 * Reads a submitted body (URL-encoded or multipart) without trusting its shape: a field sent twice,
 * a file where text is expected or a control character is refused at the field, never thrown.
 */
export function readSubmission(body: unknown, fileFields: readonly string[] = []): EditorSubmission {
  const source = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const values: EditorValues = {};
  const files: Record<string, UploadedFile> = {};
  const errors: Record<string, string> = {};
  const names = new Set<string>([...commonFields, ...Object.values(detailFields).flat()]);
  for (const name of names) {
    const value = Object.hasOwn(source, name) ? source[name] : undefined;
    if (value === undefined) continue;
    if (typeof value !== "string") {
      errors[name] = "Ce champ doit être un texte.";
      values[name] = "";
      continue;
    }
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) errors[name] = "Ce champ contient des caractères non autorisés.";
    values[name] = value.replace(controlCharacters, "").replace(/\r\n?/g, "\n").slice(0, maxKeptLength);
  }
  for (const name of fileFields) {
    const value = Object.hasOwn(source, name) ? source[name] : undefined;
    if (isUploadedFile(value)) {
      if (value.fileName !== "" || value.bytes.byteLength > 0) files[name] = value;
    } else if (value !== undefined && value !== "") errors[name] = "Choisissez un fichier.";
  }
  return { values, files, errors };
}

export function parseKind(value: unknown): ContentKind | null {
  return typeof value === "string" && (contentKinds as readonly string[]).includes(value) ? (value as ContentKind) : null;
}

/** The form's values for an existing item (or a new one of `kind`). */
export function valuesOfFields(fields: ContentFields | null, kind: ContentKind): EditorValues {
  if (!fields) return { kind, status: "draft" };
  const details = fields.details as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
  const dateTime = (value: unknown) => (typeof value === "string" && !Number.isNaN(Date.parse(value)) ? toParisDateTimeInput(new Date(value)) : "");
  const values: EditorValues = {
    kind,
    title: fields.title,
    slug: fields.slug,
    summary: fields.summary ?? "",
    body: fields.body,
    tags: fields.tags.join(", "),
    date: fields.date ? toParisDateInput(fields.date) : "",
    status: fields.status,
    publishAt: fields.publishAt ? toParisDateTimeInput(fields.publishAt) : "",
    coverImageAlt: fields.coverImageAlt ?? "",
    coverImagePath: fields.coverImage ?? "",
  };
  if (kind === "project") {
    Object.assign(values, {
      githubUrl: text(details.githubUrl),
      tchapUrl: text(details.tchapUrl),
      administrations: Array.isArray(details.administrations) ? details.administrations.filter((entry) => typeof entry === "string").join("\n") : "",
      season: text(details.season),
      responsible: text(details.responsible),
    });
  } else if (kind === "event") {
    Object.assign(values, {
      startsAt: dateTime(details.startsAt),
      endsAt: dateTime(details.endsAt),
      allDay: details.allDay === true ? "on" : "",
      location: text(details.location),
      registrationUrl: text(details.registrationUrl),
      organiser: text(details.organiser),
    });
  } else if (kind === "training") {
    Object.assign(values, { season: text(details.season), trainers: text(details.trainers), replayUrl: text(details.replayUrl), slidesUrl: text(details.slidesUrl) });
  }
  return values;
}

export function valuesOfItem(item: ContentItem): EditorValues {
  return { ...valuesOfFields(item, item.kind), version: String(item.version) };
}

const urlError = "Saisissez une adresse web complète, commençant par https:// (par exemple https://github.com/etalab/projet).";
const dateTimeError = "Saisissez une date et une heure valides (par exemple 03/03/2027 09:00).";

function isHttpUrl(text: string): boolean {
  if (text.length > 2000) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/**
 * The form's values → the item's fields (without its cover, which the route handles), with French
 * errors for what cannot even be read (a date, a URL, a season). The domain then checks the rest.
 */
export function parseContentForm(kind: ContentKind, values: EditorValues, previous: ContentFields | null): { fields: Omit<ContentFields, "coverImage">; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const text = (name: string) => (values[name] ?? "").trim();
  const optional = (name: string, max = 300) => {
    const value = text(name);
    if (value.length > max) errors[name] = `Ce champ ne peut pas dépasser ${max} caractères.`;
    return value || undefined;
  };
  const url = (name: string) => {
    const value = text(name);
    if (value && !isHttpUrl(value)) errors[name] = urlError;
    return value || undefined;
  };
  const season = (name: string) => {
    const value = text(name);
    if (!value) return undefined;
    if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) {
      errors[name] = "Saisissez l’année de la saison sur 4 chiffres (par exemple 2024).";
      return undefined;
    }
    return Number(value);
  };
  const dateTime = (name: string) => {
    const value = text(name);
    if (!value) return null;
    const parsed = parseParisDateTime(value);
    if (!parsed) errors[name] = dateTimeError;
    return parsed;
  };

  const title = text("title");
  let slug = text("slug").replace(/^\/+|\/+$/g, "");
  // Without a title the title alone is in error: the derived slug is never saved then.
  if (!slug && !previous) slug = slugify(title);
  else if (!slug) errors.slug = "Indiquez l’identifiant d’adresse (par exemple saison-2024).";

  let date: Date | null = null;
  const dateText = text("date");
  if (dateText) {
    date = parseParisDate(dateText);
    if (!date) errors.date = "Saisissez une date valide (par exemple 14/02/2023).";
    // The same day as before keeps its time of day (imported items have one).
    else if (previous?.date && toParisDateInput(previous.date) === dateText) date = previous.date;
  }

  const statusText = text("status");
  if (statusText !== "draft" && statusText !== "published") errors.status = "Choisissez «\u00a0Brouillon\u00a0» ou «\u00a0Publié\u00a0».";
  const status = statusText === "published" ? "published" : "draft";

  const tags = [...new Set(text("tags").split(",").map((tag) => tag.trim()).filter(Boolean))];

  const previousDetails = (previous?.kind === kind ? previous.details : {}) as Record<string, unknown>;
  let details: Record<string, unknown> = {};
  if (kind === "project") {
    const administrations = text("administrations").split("\n").map((line) => line.trim()).filter(Boolean);
    if (administrations.length > 100) errors.administrations = "100 administrations au plus.";
    else if (administrations.some((line) => line.length > 300)) errors.administrations = "Une ligne ne peut pas dépasser 300 caractères.";
    details = { ...previousDetails, githubUrl: url("githubUrl"), tchapUrl: url("tchapUrl"), administrations, season: season("season"), responsible: optional("responsible") };
  } else if (kind === "event") {
    const startsAt = dateTime("startsAt");
    const endsAt = dateTime("endsAt");
    if (startsAt && endsAt && endsAt.getTime() < startsAt.getTime()) errors.endsAt = "La fin doit venir après le début.";
    details = {
      ...previousDetails,
      startsAt: startsAt?.toISOString(),
      endsAt: endsAt?.toISOString(),
      allDay: text("allDay") === "on",
      location: optional("location"),
      registrationUrl: url("registrationUrl"),
      organiser: optional("organiser"),
    };
  } else if (kind === "training") {
    details = { ...previousDetails, season: season("season"), trainers: optional("trainers"), replayUrl: url("replayUrl"), slidesUrl: url("slidesUrl") };
  }
  for (const key of Object.keys(details)) if (details[key] === undefined) delete details[key];

  const alt = text("coverImageAlt");
  const fields: Omit<ContentFields, "coverImage"> = {
    kind,
    slug,
    title,
    summary: text("summary") || null,
    body: values.body ?? "",
    bodyFormat: previous?.bodyFormat ?? "markdown",
    coverImageAlt: alt || null,
    tags,
    date,
    status,
    publishAt: dateTime("publishAt"),
    details,
  };
  return { fields, errors };
}
