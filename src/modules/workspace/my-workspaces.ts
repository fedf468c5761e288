import { desc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { projects, seasons, teamMembers } from "../../db/schema/index.ts";

/**
 * The workspaces of the teams a person is or was in (lead, contributor, coach), newest season first, for
 * « Mes espaces projet » on the account page (given to identity by the composition root).
 */
export async function listWorkspacesOfPerson(db: Executor, userId: string): Promise<{ href: string; label: string }[]> {
  const rows = await db
    .select({ slug: projects.slug, title: projects.title, seasonSlug: seasons.slug, seasonName: seasons.name, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(projects, eq(projects.id, teamMembers.projectId))
    .innerJoin(seasons, eq(seasons.id, teamMembers.seasonId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(desc(seasons.startsOn), projects.title)
    .limit(20);
  return rows.map((row) => ({
    href: `/projets/${row.slug}/espace?saison=${encodeURIComponent(row.seasonSlug)}`,
    label: `${row.title} — ${row.seasonName.replace(/^Saison/, "saison")}${row.role === "coach" ? " (coach)" : ""}`,
  }));
}
