import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { profiles, projectNeeds, projects, teamAssignments, teamMembers, users } from "../../db/schema/index.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import type { TestPlatform } from "../../../tests/support/test-platform.ts";
import { carryOverProject } from "../projects/api.ts";
import { createSeasonWithPhases } from "../seasons/api.ts";

/**
 * A season of its own for a test file (the demo's seasons change with the demo): 2031, its wishes phase
 * from 10 to 16 March 2031, with these demo projects carried into it. Returns its id and the projects' ids.
 */
export async function createWishesSeason(db: Database, projectSlugs: string[], slug = "2031"): Promise<{ seasonId: string; projectIds: Record<string, string> }> {
  const year = Number(slug);
  const seasonId = await createSeasonWithPhases(db, {
    slug,
    name: `Saison ${slug}`,
    startsOn: `${year}-01-05`,
    endsOn: `${year}-12-15`,
    phases: [
      { key: "launch", name: "Lancement", startsOn: `${year}-01-05`, endsOn: `${year}-03-09` },
      { key: "wishes", name: "Vœux", startsOn: `${year}-03-10`, endsOn: `${year}-03-16` },
      { key: "construction", name: "Construction", startsOn: `${year}-03-17`, endsOn: `${year}-12-15` },
    ],
  });
  const projectIds: Record<string, string> = {};
  for (const projectSlug of projectSlugs) {
    const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.slug, projectSlug));
    if (!project) throw new Error(`Pas de projet ${projectSlug}`);
    await carryOverProject(db, { projectId: project.id, seasonId, decidedBy: null, reason: "Test" });
    projectIds[projectSlug] = project.id;
  }
  return { seasonId, projectIds };
}

export type FreshMember = { id: string; email: string; http: HttpSession; slug: string };

/** A new member signed in over HTTP (a new account has the member role), with a joined profile when asked. */
export async function freshMember(platform: TestPlatform, localPart: string, options: { joined?: boolean; givenName?: string; usualName?: string } = {}): Promise<FreshMember> {
  const email = `${localPart}@insee.fr`;
  const http = await signInOverHttp(platform, email);
  const db = platform.database.db;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email));
  if (!user) throw new Error(`Pas de compte ${email}`);
  await db.update(users).set({ givenName: options.givenName ?? localPart, usualName: options.usualName ?? "Test" }).where(eq(users.id, user.id));
  const slug = `${localPart}-test`;
  if (options.joined !== false) await db.insert(profiles).values({ userId: user.id, slug, joinedAt: new Date(), onboardingStep: 4, visibility: "members" });
  return { id: user.id, email, http, slug };
}

/** Publishes a season's assignment (teams known): joining requests open. */
export async function publishSeason(db: Database, seasonId: string): Promise<void> {
  await db.insert(teamAssignments).values({ seasonId, settings: {}, publishedAt: new Date("2031-03-20T10:00:00Z") }).onConflictDoUpdate({ target: teamAssignments.seasonId, set: { publishedAt: new Date("2031-03-20T10:00:00Z") } });
}

/** Puts a member in a project's team of a season. */
export async function addToTeam(db: Database, input: { seasonId: string; projectId: string; userId: string; role?: "lead" | "contributor" | "coach" }): Promise<void> {
  await db.insert(teamMembers).values({ seasonId: input.seasonId, projectId: input.projectId, userId: input.userId, role: input.role ?? "contributor", source: "assignment" });
}

/** What a project's team seeks, set directly. */
export async function setNeeds(db: Database, input: { seasonId: string; projectId: string; minSize: number; maxSize: number }): Promise<void> {
  await db.insert(projectNeeds).values({ ...input, rhythm: "both", skills: [], whyJoin: "" });
}
