import { z } from "zod";
import { slugify as slugifyText } from "../../../shared/slug.ts";

/** What the public site publishes; each kind has its section of the site. */
export const contentKinds = ["news", "page", "project", "event", "training"] as const;
export type ContentKind = (typeof contentKinds)[number];

export const contentStatuses = ["draft", "published"] as const;
export type ContentStatus = (typeof contentStatuses)[number];

export type BodyFormat = "markdown" | "html";

/** French labels of the kinds, as the site and the editor name them. */
export const kindLabels: Record<ContentKind, { one: string; many: string }> = {
  news: { one: "actualité", many: "actualités" },
  page: { one: "page", many: "pages" },
  project: { one: "projet", many: "projets" },
  event: { one: "événement", many: "événements" },
  training: { one: "formation", many: "formations" },
};

/** The public section of each kind; pages have no section (their slug is their whole path). */
const sections: Record<Exclude<ContentKind, "page">, string> = {
  news: "/actualites",
  project: "/projets",
  event: "/evenements",
  training: "/formations",
};

/** The slug of the home page, whose path is `/`. */
export const homePageSlug = "accueil";

/** Canonical public path of an item: `/actualites/<slug>`; a page's slug may hold slashes (`programme/contribuer`). */
export function contentPath(kind: ContentKind, slug: string): string {
  if (kind === "page") return slug === homePageSlug ? "/" : `/${slug}`;
  return `${sections[kind]}/${slug}`;
}

/** A slug is lower-case ASCII words joined by hyphens; a page's slug may have several segments. */
const segment = "[a-z0-9]+(?:[-_][a-z0-9]+)*";
export const slugPattern = new RegExp(`^${segment}$`);
export const pageSlugPattern = new RegExp(`^${segment}(?:/${segment})*$`);

export function isValidSlug(kind: ContentKind, slug: string): boolean {
  return (kind === "page" ? pageSlugPattern : slugPattern).test(slug) && slug.length <= 120;
}

/** « Données 2023 : l'été ! » → `donnees-2023-l-ete`; at most `maxLength` characters, cut between words. */
export function slugify(text: string, maxLength = 80): string {
  return slugifyText(text, maxLength) || "sans-titre";
}

/** A visitor sees an item once it is published and its scheduled time has come. */
export function isPubliclyVisible(item: { status: ContentStatus; publishAt: Date | null }, now: Date): boolean {
  return item.status === "published" && (item.publishAt === null || item.publishAt.getTime() <= now.getTime());
}

const httpUrl = z.url({ protocol: /^https?$/ });

/** Kind-specific fields, stored in `details`. Unknown keys are dropped. */
export const projectDetailsSchema = z.object({
  githubUrl: httpUrl.optional(),
  tchapUrl: httpUrl.optional(),
  administrations: z.array(z.string().min(1)).default([]),
  season: z.number().int().min(2000).max(2100).optional(),
  responsible: z.string().min(1).optional(),
});
export const eventDetailsSchema = z.object({
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  allDay: z.boolean().default(false),
  location: z.string().min(1).optional(),
  registrationUrl: httpUrl.optional(),
  organiser: z.string().min(1).optional(),
});
export const trainingDetailsSchema = z.object({
  season: z.number().int().min(2000).max(2100).optional(),
  trainers: z.string().min(1).optional(),
  replayUrl: httpUrl.optional(),
  slidesUrl: httpUrl.optional(),
  resourceUrls: z.array(httpUrl).default([]),
});
export const emptyDetailsSchema = z.object({});

export type ProjectDetails = z.infer<typeof projectDetailsSchema>;
export type EventDetails = z.infer<typeof eventDetailsSchema>;
export type TrainingDetails = z.infer<typeof trainingDetailsSchema>;

export const detailsSchemas = {
  news: emptyDetailsSchema,
  page: emptyDetailsSchema,
  project: projectDetailsSchema,
  event: eventDetailsSchema,
  training: trainingDetailsSchema,
} as const;

/** The editable state of an item: what a revision snapshots and what a restore puts back. */
export type ContentFields = {
  kind: ContentKind;
  slug: string;
  title: string;
  summary: string | null;
  body: string;
  bodyFormat: BodyFormat;
  coverImage: string | null;
  coverImageAlt: string | null;
  tags: string[];
  date: Date | null;
  status: ContentStatus;
  publishAt: Date | null;
  details: Record<string, unknown>;
};

export type ContentItem = ContentFields & {
  id: string;
  path: string;
  sourceKey: string | null;
  importHash: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** Who made a change, as the history shows it. */
export type ContentAuthor = { userId: string | null; label: string };
