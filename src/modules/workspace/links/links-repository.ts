import { and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { workspaceLinks } from "../../../db/schema/index.ts";

export const linkKinds = ["forge", "data", "documentation", "demo", "tchap", "other", "file"] as const;
export type LinkKind = (typeof linkKinds)[number];

export const linkKindLabels: Record<LinkKind, string> = {
  forge: "Forge de code",
  data: "Données",
  documentation: "Documentation",
  demo: "Démonstration",
  tchap: "Salon Tchap",
  other: "Autre",
  file: "Fichier",
};

export type WorkspaceLink = typeof workspaceLinks.$inferSelect;

/** A season's links of a project, in the order they were added. */
export async function listLinks(db: Executor, projectId: string, seasonId: string): Promise<WorkspaceLink[]> {
  return db.select().from(workspaceLinks).where(and(eq(workspaceLinks.projectId, projectId), eq(workspaceLinks.seasonId, seasonId))).orderBy(asc(workspaceLinks.createdAt), asc(workspaceLinks.id));
}

/** The public links of a project, every season, the most recent first. */
export async function listPublicLinks(db: Executor, projectId: string): Promise<WorkspaceLink[]> {
  return db.select().from(workspaceLinks).where(and(eq(workspaceLinks.projectId, projectId), eq(workspaceLinks.public, true))).orderBy(desc(workspaceLinks.createdAt), asc(workspaceLinks.id));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findLink(db: Executor, id: string): Promise<WorkspaceLink | null> {
  if (!uuidPattern.test(id)) return null;
  const [row] = await db.select().from(workspaceLinks).where(eq(workspaceLinks.id, id));
  return row ?? null;
}
