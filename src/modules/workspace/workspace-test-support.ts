import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { projects, teamMembers, users } from "../../db/schema/index.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import type { TestPlatform } from "../../../tests/support/test-platform.ts";
import { carryOverProject } from "../projects/api.ts";
import { createSeasonWithPhases } from "../seasons/api.ts";

/**
 * The workspace tests' own setup (the module may not import another module's test helpers): a season of
 * the year `slug` (default 2031), from 5 January to 15 December, with the working phases dated
 * (investigation from 10 March, construction from 1 May, amplification from 1 August, restitution from
 * 1 November) and these demo projects carried into it.
 */
export async function createWorkspaceSeason(db: Database, projectSlugs: string[], slug = "2031"): Promise<{ seasonId: string; projectIds: Record<string, string> }> {
  const seasonId = await createSeasonWithPhases(db, {
    slug,
    name: `Saison ${slug}`,
    startsOn: `${slug}-01-05`,
    endsOn: `${slug}-12-15`,
    phases: [
      { key: "launch", name: "Lancement", startsOn: `${slug}-01-05`, endsOn: `${slug}-03-09` },
      { key: "investigation", name: "Investigation", startsOn: `${slug}-03-10`, endsOn: `${slug}-04-30` },
      { key: "construction", name: "Construction", startsOn: `${slug}-05-01`, endsOn: `${slug}-07-31` },
      { key: "amplification", name: "Amplification", startsOn: `${slug}-08-01`, endsOn: `${slug}-10-31` },
      { key: "closing", name: "Restitution", startsOn: `${slug}-11-01`, endsOn: `${slug}-12-15` },
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

/**
 * Signs `email` in over HTTP (a new address becomes a member); sets the name and the organisation when
 * given (`organisationId: null` leaves the account without one).
 */
export async function signedInPerson(platform: TestPlatform, email: string, options: { givenName?: string; usualName?: string; organisationId?: string | null } = {}): Promise<SignedInPerson> {
  const http = await signInOverHttp(platform, email);
  const db = platform.database.db;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw new Error(`Pas de compte ${email}`);
  const changes = { ...(options.givenName ? { givenName: options.givenName } : {}), ...(options.usualName ? { usualName: options.usualName } : {}), ...("organisationId" in options ? { organisationId: options.organisationId ?? null } : {}) };
  if (Object.keys(changes).length > 0) await db.update(users).set(changes).where(eq(users.id, user.id));
  return { id: user.id, email, http };
}

/** Puts a person in a project's team of a season (a contributor unless said). */
export async function joinTeam(db: Database, input: { seasonId: string; projectId: string; userId: string; role?: "lead" | "contributor" | "coach" }): Promise<void> {
  await db.insert(teamMembers).values({ seasonId: input.seasonId, projectId: input.projectId, userId: input.userId, role: input.role ?? "contributor", source: "named" });
}

/** A one-page PDF, small but with the PDF signature. */
export const tinyPdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
