import { and, desc, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { seasons, users, workspaceFramings } from "../../../db/schema/index.ts";
import { displayName } from "../../identity/api.ts";
import { listSeasons } from "../../seasons/api.ts";
import { type FramingContent, framingContentOf, type PublicSectionKey, publicSectionsOf } from "./framing-sections.ts";

/** One version of a season's framing, as the pages show it. */
export type FramingVersion = {
  version: number;
  content: FramingContent;
  publicSections: PublicSectionKey[];
  authorName: string | null;
  createdAt: Date;
  review: { reviewerName: string | null; reviewedAt: Date; note: string } | null;
};

type Scope = { projectId: string; seasonId: string };

const columns = {
  version: workspaceFramings.version,
  content: workspaceFramings.content,
  publicSections: workspaceFramings.publicSections,
  authorId: workspaceFramings.authorId,
  createdAt: workspaceFramings.createdAt,
  reviewedBy: workspaceFramings.reviewedBy,
  reviewedAt: workspaceFramings.reviewedAt,
  reviewNote: workspaceFramings.reviewNote,
};
type Row = { version: number; content: unknown; publicSections: string[]; authorId: string | null; createdAt: Date; reviewedBy: string | null; reviewedAt: Date | null; reviewNote: string };

async function namesOf(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, email: users.email, givenName: users.givenName, usualName: users.usualName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, displayName(row)]));
}

async function toVersions(db: Executor, rows: Row[]): Promise<FramingVersion[]> {
  const names = await namesOf(
    db,
    rows.flatMap((row) => [row.authorId, row.reviewedBy]),
  );
  return rows.map((row) => ({
    version: row.version,
    content: framingContentOf(row.content),
    publicSections: publicSectionsOf(row.publicSections),
    authorName: row.authorId ? (names.get(row.authorId) ?? null) : null,
    createdAt: row.createdAt,
    review: row.reviewedAt ? { reviewerName: row.reviewedBy ? (names.get(row.reviewedBy) ?? null) : null, reviewedAt: row.reviewedAt, note: row.reviewNote } : null,
  }));
}

/** Every version of a season's framing, the latest first. */
export async function listFramingVersions(db: Executor, scope: Scope): Promise<FramingVersion[]> {
  const rows = await db
    .select(columns)
    .from(workspaceFramings)
    .where(and(eq(workspaceFramings.projectId, scope.projectId), eq(workspaceFramings.seasonId, scope.seasonId)))
    .orderBy(desc(workspaceFramings.version));
  return toVersions(db, rows);
}

/** One version of a season's framing, or null. */
export async function findFramingVersion(db: Executor, scope: Scope, version: number): Promise<FramingVersion | null> {
  const rows = await db
    .select(columns)
    .from(workspaceFramings)
    .where(and(eq(workspaceFramings.projectId, scope.projectId), eq(workspaceFramings.seasonId, scope.seasonId), eq(workspaceFramings.version, version)));
  return (await toVersions(db, rows))[0] ?? null;
}

/** The latest version of a season's framing, or null before the first save. */
export async function findLatestFramingVersion(db: Executor, scope: Scope): Promise<FramingVersion | null> {
  const rows = await db
    .select(columns)
    .from(workspaceFramings)
    .where(and(eq(workspaceFramings.projectId, scope.projectId), eq(workspaceFramings.seasonId, scope.seasonId)))
    .orderBy(desc(workspaceFramings.version))
    .limit(1);
  return (await toVersions(db, rows))[0] ?? null;
}

/** The number of the latest version of a season's framing, 0 before the first save. */
export async function currentFramingVersionNumber(db: Executor, scope: Scope): Promise<number> {
  const [row] = await db
    .select({ version: workspaceFramings.version })
    .from(workspaceFramings)
    .where(and(eq(workspaceFramings.projectId, scope.projectId), eq(workspaceFramings.seasonId, scope.seasonId)))
    .orderBy(desc(workspaceFramings.version))
    .limit(1);
  return row?.version ?? 0;
}

/** What the workspace's overview shows of a season's framing. */
export type CurrentFraming = { version: number; summary: string; reviewed: boolean; updatedAt: Date };

/** The current (latest) version of a season's framing for the overview: its number, summary, whether the coach reviewed it, when it was saved. Null before the first save. */
export async function findCurrentFraming(db: Executor, projectId: string, seasonId: string): Promise<CurrentFraming | null> {
  const [row] = await db
    .select({ version: workspaceFramings.version, content: workspaceFramings.content, reviewedAt: workspaceFramings.reviewedAt, createdAt: workspaceFramings.createdAt })
    .from(workspaceFramings)
    .where(and(eq(workspaceFramings.projectId, projectId), eq(workspaceFramings.seasonId, seasonId)))
    .orderBy(desc(workspaceFramings.version))
    .limit(1);
  if (!row) return null;
  return { version: row.version, summary: framingContentOf(row.content).summary, reviewed: row.reviewedAt !== null, updatedAt: row.createdAt };
}

/** What the public project page shows of the framing: the sections the team made public, absent otherwise. */
export type PublicFraming = { seasonId: string; summary: string | null; deliverable: string | null };

/**
 * The public summary and deliverable of a project's framing: the latest version of the latest season
 * (by start date) that has a framing, with only the sections its team ticked as public (and not empty).
 * Null when the project has no framing or nothing of it is public.
 */
export async function findPublicFraming(db: Executor, projectId: string): Promise<PublicFraming | null> {
  const [row] = await db
    .select({ seasonId: workspaceFramings.seasonId, content: workspaceFramings.content, publicSections: workspaceFramings.publicSections })
    .from(workspaceFramings)
    .innerJoin(seasons, eq(seasons.id, workspaceFramings.seasonId))
    .where(eq(workspaceFramings.projectId, projectId))
    .orderBy(desc(seasons.startsOn), desc(workspaceFramings.version))
    .limit(1);
  if (!row) return null;
  const content = framingContentOf(row.content);
  const shown = publicSectionsOf(row.publicSections);
  const summary = shown.includes("summary") && content.summary ? content.summary : null;
  const deliverable = shown.includes("deliverable") && content.deliverable ? content.deliverable : null;
  if (summary === null && deliverable === null) return null;
  return { seasonId: row.seasonId, summary, deliverable };
}

/** The framing a new season starts from (« passeport »): the latest version of the project's latest earlier season that has one. */
export type EarlierFraming = { seasonName: string; seasonSlug: string; version: FramingVersion };

/** For a season without a framing yet: the latest version of the latest earlier season of the same project, or null. */
export async function findEarlierFraming(db: Executor, scope: Scope): Promise<EarlierFraming | null> {
  const all = await listSeasons(db);
  const current = all.find((season) => season.id === scope.seasonId);
  if (!current) return null;
  const rows = await db
    .selectDistinct({ seasonId: workspaceFramings.seasonId })
    .from(workspaceFramings)
    .where(and(eq(workspaceFramings.projectId, scope.projectId), ne(workspaceFramings.seasonId, scope.seasonId)));
  const withFraming = new Set(rows.map((row) => row.seasonId));
  // listSeasons gives the most recent first: the first earlier season with a framing is the latest.
  const earlier = all.find((season) => withFraming.has(season.id) && season.startsOn < current.startsOn);
  if (!earlier) return null;
  const version = await findLatestFramingVersion(db, { projectId: scope.projectId, seasonId: earlier.id });
  return version ? { seasonName: earlier.name, seasonSlug: earlier.slug, version } : null;
}
