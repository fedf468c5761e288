import { eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { projects, teamMembers, users } from "../../../db/schema/index.ts";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import type { TestPlatform } from "../../../../tests/support/test-platform.ts";
import { carryOverProject } from "../../projects/api.ts";
import { createSeasonWithPhases } from "../../seasons/api.ts";

/**
 * A season of its own for a framing test (the demo's seasons change with the demo): the year `slug`, from
 * 5 January to 15 December, with these demo projects carried into it. Returns its id and the projects' ids.
 */
export async function createFramingSeason(db: Database, projectSlugs: string[], slug: string): Promise<{ seasonId: string; projectIds: Record<string, string> }> {
  const seasonId = await createSeasonWithPhases(db, {
    slug,
    name: `Saison ${slug}`,
    startsOn: `${slug}-01-05`,
    endsOn: `${slug}-12-15`,
    phases: [
      { key: "launch", name: "Lancement", startsOn: `${slug}-01-05`, endsOn: `${slug}-03-09` },
      { key: "construction", name: "Construction", startsOn: `${slug}-03-10`, endsOn: `${slug}-12-15` },
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

export type SignedInPerson = { id: string; email: string; http: HttpSession };

/** A new member signed in over HTTP (a new account has the member role), with a name. */
export async function signedInPerson(platform: TestPlatform, localPart: string, givenName: string, usualName: string): Promise<SignedInPerson> {
  const email = `${localPart}@insee.fr`;
  const http = await signInOverHttp(platform, email);
  const db = platform.database.db;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email));
  if (!user) throw new Error(`Pas de compte ${email}`);
  await db.update(users).set({ givenName, usualName }).where(eq(users.id, user.id));
  return { id: user.id, email, http };
}

/** Puts a person in a project's team of a season. */
export async function addToTeam(db: Database, input: { seasonId: string; projectId: string; userId: string; role?: "lead" | "contributor" | "coach" }): Promise<void> {
  await db.insert(teamMembers).values({ seasonId: input.seasonId, projectId: input.projectId, userId: input.userId, role: input.role ?? "contributor", source: "assignment" });
}
