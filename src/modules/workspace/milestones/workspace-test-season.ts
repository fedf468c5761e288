import { eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { projects, teamMembers, users } from "../../../db/schema/index.ts";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import type { TestPlatform } from "../../../../tests/support/test-platform.ts";
import { carryOverProject } from "../../projects/api.ts";
import { createSeasonWithPhases } from "../../seasons/api.ts";

/**
 * A season of its own for a workspace test file: 2031, from 5 January to 15 December, with the four
 * working phases dated (investigation from 10 March, construction from 1 May, amplification from
 * 1 August, restitution from 1 November), and these demo projects carried into it.
 */
export async function createWorkspaceSeason(db: Database, projectSlugs: string[]): Promise<{ seasonId: string; projectIds: Record<string, string> }> {
  const seasonId = await createSeasonWithPhases(db, {
    slug: "2031",
    name: "Saison 2031",
    startsOn: "2031-01-05",
    endsOn: "2031-12-15",
    phases: [
      { key: "launch", name: "Lancement", startsOn: "2031-01-05", endsOn: "2031-03-09" },
      { key: "investigation", name: "Investigation", startsOn: "2031-03-10", endsOn: "2031-04-30" },
      { key: "construction", name: "Construction", startsOn: "2031-05-01", endsOn: "2031-07-31" },
      { key: "amplification", name: "Amplification", startsOn: "2031-08-01", endsOn: "2031-10-31" },
      { key: "closing", name: "Restitution", startsOn: "2031-11-01", endsOn: "2031-12-15" },
    ],
  });
  const projectIds: Record<string, string> = {};
  for (const slug of projectSlugs) {
    const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.slug, slug));
    if (!project) throw new Error(`Pas de projet ${slug}`);
    await carryOverProject(db, { projectId: project.id, seasonId, decidedBy: null, reason: "Test" });
    projectIds[slug] = project.id;
  }
  return { seasonId, projectIds };
}

export type SignedInPerson = { id: string; email: string; http: HttpSession };

/** Signs in `email` over HTTP (a new address becomes a member), with the given name when asked. */
export async function signedInPerson(platform: TestPlatform, email: string, name?: { givenName: string; usualName: string }): Promise<SignedInPerson> {
  const http = await signInOverHttp(platform, email);
  const db = platform.database.db;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw new Error(`Pas de compte ${email}`);
  if (name) await db.update(users).set(name).where(eq(users.id, user.id));
  return { id: user.id, email, http };
}

/** Puts a person in a project's team of a season. */
export async function joinTeam(db: Database, input: { seasonId: string; projectId: string; userId: string; role: "lead" | "contributor" | "coach" }): Promise<void> {
  await db.insert(teamMembers).values({ ...input, source: "named" });
}
