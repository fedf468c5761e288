import { eq, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { projects, teamMembers, users } from "../../../db/schema/index.ts";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import type { TestPlatform } from "../../../../tests/support/test-platform.ts";
import { carryOverProject } from "../../projects/api.ts";
import { createSeasonWithPhases } from "../../seasons/api.ts";

/** A running season of its own (2031, the whole year) with these demo projects carried into it. */
export async function createRunningSeason(db: Database, projectSlugs: string[], slug = "2031"): Promise<{ seasonId: string; projectIds: Record<string, string> }> {
  const year = Number(slug);
  const seasonId = await createSeasonWithPhases(db, {
    slug,
    name: `Saison ${slug}`,
    startsOn: `${year}-01-05`,
    endsOn: `${year}-12-15`,
    phases: [{ key: "construction", name: "Construction", startsOn: `${year}-01-05`, endsOn: `${year}-12-15` }],
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

export type TestMember = { id: string; email: string; http: HttpSession };

/** A new member signed in over HTTP (the member role); `organisationId` replaces the one found from the address when given. */
export async function signedInMember(platform: TestPlatform, email: string, organisationId?: string | null): Promise<TestMember> {
  const http = await signInOverHttp(platform, email);
  const db = platform.database.db;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw new Error(`Pas de compte ${email}`);
  await db.update(users).set({ givenName: email.split("@")[0]!, usualName: "Test", ...(organisationId === undefined ? {} : { organisationId }) }).where(eq(users.id, user.id));
  return { id: user.id, email, http };
}

export async function addToTeam(db: Database, input: { seasonId: string; projectId: string; userId: string; role?: "lead" | "contributor" | "coach" }): Promise<void> {
  await db.insert(teamMembers).values({ seasonId: input.seasonId, projectId: input.projectId, userId: input.userId, role: input.role ?? "contributor", source: "assignment" });
}

/** A one-page PDF, small but with the PDF signature. */
export const tinyPdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
