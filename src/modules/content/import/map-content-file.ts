import path from "node:path";
import { type BodyFormat, type ContentFields, type ContentKind, homePageSlug, slugify } from "../domain/content-item.ts";
import { parseFrontMatter } from "../domain/front-matter.ts";
import { type SourceFile, sectionKinds } from "./content-source.ts";
import { parseFrontMatterDate } from "./french-dates.ts";
import { placeholderReason } from "./placeholder-page.ts";
import { splitTrainings } from "./split-trainings.ts";
import { decodeEntities } from "../../../shared/html-text.ts";

/** What one file (or one part of it) becomes, before its images are resolved and it is grouped with its duplicates. */
export type ImportCandidate = {
  key: string;
  file: string;
  source: SourceFile;
  fields: Omit<ContentFields, "coverImage" | "coverImageAlt">;
  /** The cover as the file names it (`/img/x.png`, `photo.jpg`), and its alternative text. */
  cover: { reference: string; alt: string } | null;
  /** Where the old site published it (`/actualites/atelier-ideation`), when the file is in a site's content. */
  originalPath: string | null;
  /** Why the file is a placeholder (another site's page, another language): imported as a draft. */
  placeholder: string | null;
  warnings: string[];
};

const stringOf = (value: unknown): string | null =>
  typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : null;

const stripTags = (text: string) =>
  text
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** `001_3434f85fc812bb79`, `20230124`: a file name that says nothing about its content. */
function isMeaningless(name: string): boolean {
  return /^[\d_-]+$/.test(name) || /^\d*[_-]?[0-9a-f]{8,}$/i.test(name);
}

function stringList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return values.map(stringOf).filter((item): item is string => item !== null).map((item) => item.trim()).filter(Boolean);
}

function kindOfSection(section: string): Exclude<ContentKind, "page"> | null {
  return sectionKinds[section.toLowerCase()] ?? null;
}

function coverOf(data: Record<string, unknown>, title: string): ImportCandidate["cover"] {
  const images = Array.isArray(data.images) ? data.images : [];
  const image = data.image;
  const first = images.find((item) => stringOf(item)?.trim()) ?? image;
  const reference =
    stringOf(first)?.trim() ||
    (first && typeof first === "object" ? (stringOf((first as Record<string, unknown>).filename) ?? stringOf((first as Record<string, unknown>).src))?.trim() : null);
  if (!reference) return null;
  const described = image && typeof image === "object" ? (stringOf((image as Record<string, unknown>).alt) ?? stringOf((image as Record<string, unknown>).caption)) : null;
  return { reference, alt: described?.trim() || `Illustration\u00a0: ${title}` };
}

function htmlDocument(source: string): { title: string | null; body: string } {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(source)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(source)?.[1] ?? null;
  const body = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(source)?.[1] ?? source.replace(/<head[\s\S]*?<\/head>/i, "").replace(/<\/?(html|!doctype)[^>]*>/gi, "");
  return { title: title ? decodeEntities(stripTags(title)) : null, body: body.trim() };
}

/** The public path of a name as Hugo wrote it: lower case, spaces as hyphens. */
const hugoUrlSegment = (segment: string) => segment.trim().toLowerCase().replace(/\s+/g, "-");

// The old pages also wrote « Administrations paticipantes ».
const projectAdministrations = /Administrations?\s+pa\w*ticipante?s?\s*:\s*(.+)/i;
/**
 * Names are separated by commas, and by « et » only where a new name starts (« ministère de l’Intérieur et
 * ministère de la Santé », « DINUM et INSEE »), never inside one (« Ministère de la Transformation et de Fonction publiques »).
 */
const administrationSeparator = /\s*,\s*|\s+et\s+(?=(?:ministère|direction|secrétariat|haut|haute|agence|institut|l[’']|[A-ZÉÈÊÀÂÎÔÛÇ]))/u;
const tchapUrl = /https:\/\/www\.tchap\.gouv\.fr\/[^\s)<>"]+/;

function projectDetails(data: Record<string, unknown>, body: string, date: Date | null): Record<string, unknown> {
  const github = stringOf(data.github)?.trim();
  const line = projectAdministrations.exec(body)?.[1];
  const administrations = line
    ? line
        .replace(/[*_]/g, "")
        .split(administrationSeparator)
        .map((name) => name.trim().replace(/\.$/, "").trim())
        .filter(Boolean)
    : [];
  const tchap = tchapUrl.exec(body)?.[0].replace(/[.,;]+$/, "");
  const responsible = stringOf(data.responsible)?.trim();
  return {
    ...(github && /^https?:\/\/\S+$/.test(github) ? { githubUrl: github } : {}),
    ...(tchap ? { tchapUrl: tchap } : {}),
    administrations,
    ...(date ? { season: date.getUTCFullYear() } : {}),
    ...(responsible ? { responsible } : {}),
  };
}

/** A project's body without the lines its details now show (participating administrations, Tchap room). */
function withoutProjectDetailLines(body: string): string {
  return body
    .split("\n")
    .filter((line) => !projectAdministrations.test(line) && !(tchapUrl.test(line) && /salon\s+tchap/i.test(line)))
    .join("\n");
}

function eventDetails(data: Record<string, unknown>, date: Date | null): Record<string, unknown> {
  const endsAt = parseFrontMatterDate(data.date_end);
  const location = stringOf(data.location)?.trim();
  const registrationUrl = stringOf(data.event_url)?.trim();
  const organiser = stringOf(data.event)?.trim();
  return {
    ...(date ? { startsAt: date.toISOString() } : {}),
    ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
    allDay: data.all_day === true || data.all_day === "true",
    ...(location ? { location } : {}),
    ...(registrationUrl && /^https?:\/\/\S+$/.test(registrationUrl) ? { registrationUrl } : {}),
    ...(organiser ? { organiser } : {}),
  };
}

const isEventData = (data: Record<string, unknown>) => ["event", "event_url", "date_end", "all_day", "location"].some((field) => data[field] !== undefined && data[field] !== null);

/**
 * Maps one text file to the items it holds (one, or several for the trainings page), following Hugo's
 * conventions for the kind, the slug and the original path. Throws a `FrontMatterError` for an unreadable header.
 */
export function mapContentFile(source: SourceFile, text: string): ImportCandidate[] {
  const extension = path.extname(source.key).toLowerCase();
  const bodyFormat: BodyFormat = extension === ".html" || extension === ".htm" ? "html" : "markdown";
  const document = parseFrontMatter(text);
  const data = document.data;
  let body = document.body;
  const warnings: string[] = [];

  const segments = source.key.split("/");
  const fileName = segments.at(-1)!;
  let baseName = fileName.slice(0, fileName.length - extension.length);
  const directories = source.site ? segments.slice(0, -1) : [];
  const isIndex = source.site !== null && baseName === "_index";
  // A Hugo page bundle (`actualites/post/index.md`) is named after its folder.
  const isBundle = source.site !== null && baseName === "index" && directories.length > 0;
  if (isBundle) baseName = directories.at(-1)!;
  const pageDirectories = isBundle ? directories.slice(0, -1) : directories;

  let title = stringOf(data.title) ? decodeEntities(stripTags(stringOf(data.title)!)) : null;
  if (!document.hasFrontMatter) {
    if (bodyFormat === "html" && /<html[\s>]|<!doctype html|<body[\s>]/i.test(body)) {
      const parsed = htmlDocument(body);
      title = parsed.title;
      body = parsed.body;
    } else if (bodyFormat === "markdown") {
      const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body);
      if (heading) {
        title = stripTags(heading[1]!);
        body = body.replace(heading[0], "").trimStart();
      }
    }
  }
  if (!title) title = baseName.replace(/^\d{4}-\d{2}-\d{2}[-_]/, "").replace(/[-_]+/g, " ").trim() || baseName;

  const section = source.site ? (directories[0] ?? null) : null;
  let kind: ContentKind;
  if (source.site) kind = isIndex || !section ? "page" : (kindOfSection(section) ?? "page");
  else kind = isEventData(data) ? "event" : "news";

  const frontMatterSlug = stringOf(data.slug)?.trim() || null;
  const nameSlug = baseName.replace(/^\d{4}-\d{2}-\d{2}[-_]/, "");
  const ownSlug = frontMatterSlug ? slugify(frontMatterSlug) : isMeaningless(nameSlug) ? slugify(title) : slugify(nameSlug);
  let slug: string;
  if (isIndex) slug = directories.length === 0 ? homePageSlug : directories.map((segment) => slugify(segment)).join("/");
  else if (kind === "page") slug = [...pageDirectories.map((segment) => slugify(segment)), ownSlug].join("/");
  else slug = ownSlug;

  let originalPath: string | null = null;
  if (source.site) {
    if (isIndex) originalPath = directories.length === 0 ? "/" : `/${directories.map(hugoUrlSegment).join("/")}`;
    else originalPath = `/${[...pageDirectories.map(hugoUrlSegment), hugoUrlSegment(frontMatterSlug ?? baseName)].join("/")}`;
  }

  const date = parseFrontMatterDate(data.date) ?? parseFrontMatterDate(data.publishDate);
  const publishAt = parseFrontMatterDate(data.publishDate);
  for (const field of ["date", "publishDate", "date_end"] as const) {
    if (data[field] !== undefined && data[field] !== null && data[field] !== "" && !parseFrontMatterDate(data[field])) {
      warnings.push(`Date « ${String(data[field])} » illisible (champ ${field}) : ignorée.`);
    }
  }
  // `description: "contact"` on the contact page repeats its name: no lead rather than « contact ».
  const saysNothing = (text: string) => {
    const said = slugify(text);
    return said === slug.split("/").at(-1) || (section !== null && said === slugify(section)) || said === slugify(title);
  };
  const summary =
    [data.summary, data.description, data["chapeau-text"], data.abstract]
      .map((value) => stringOf(value)?.trim())
      .find((value): value is string => Boolean(value) && !saysNothing(value!)) ?? null;
  const allTags = [...new Set([...stringList(data.tags), ...stringList(data.categories)])];
  const tags = allTags.filter((tag) => tag.length <= 60).slice(0, 20);
  if (tags.length < allTags.length) warnings.push(`${allTags.length - tags.length} étiquette(s) trop longue(s) ou en trop : ignorée(s).`);

  const details = kind === "project" ? projectDetails(data, body, date) : kind === "event" ? eventDetails(data, date) : {};
  const placeholder = placeholderReason({ text, body: document.body, data, hasFrontMatter: document.hasFrontMatter, isHtml: bodyFormat === "html" });
  const base: ImportCandidate = {
    key: source.key,
    file: source.file,
    source,
    fields: {
      kind,
      slug,
      title,
      summary,
      body: (kind === "project" ? withoutProjectDetailLines(body) : body).replace(/^\s*\n/, "").replace(/\s+$/, ""),
      bodyFormat,
      tags,
      date,
      status: placeholder || data.draft === true || data.draft === "true" ? "draft" : "published",
      publishAt,
      details,
    },
    cover: coverOf(data, title),
    originalPath,
    placeholder,
    warnings,
  };

  // The trainings page lists every training under « Saison YYYY » headings: one item each, plus the page.
  if (isIndex && section && kindOfSection(section) === "training" && directories.length === 1) {
    const { introduction, trainings } = splitTrainings(base.fields.body);
    const page: ImportCandidate = { ...base, fields: { ...base.fields, body: introduction } };
    return [
      page,
      ...trainings.map((training) => ({
        key: `${source.key}#${training.season}-${training.position}`,
        file: source.file,
        source,
        fields: {
          kind: "training" as const,
          slug: training.slug,
          title: training.title,
          summary: null,
          body: training.body,
          bodyFormat: "markdown" as const,
          tags: [],
          date: training.date,
          status: base.fields.status,
          publishAt: null,
          details: training.details,
        },
        cover: null,
        originalPath: null,
        placeholder: null,
        warnings: [],
      })),
    ];
  }
  return [base];
}
