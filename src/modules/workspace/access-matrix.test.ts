import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { organisations, userRoles, users } from "../../db/schema/index.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { createWorkspaceSeason, joinTeam, signedInPerson } from "./workspace-test-support.ts";

/**
 * Issue 15: every workspace route for anonymous, a member outside the team, a team member, the coach, an AMD
 * of an involved ministry and one of another ministry, and the programme team. Reading: the team, the coach,
 * the involved AMD and the programme team; keeping: the team and the programme team; reviewing the framing:
 * the coach and the programme team.
 */
let platform: TestPlatform;
const db = () => platform.database.db;
const now = new Date("2031-06-10T10:00:00Z");
const base = "/projets/cartiflette/espace";
const reads = ["", "/cadrage", "/cadrage/versions", "/jalons", "/journal", "/liens", "/restitution"];
const edits = ["/cadrage", "/jalons", "/journal", "/liens", "/restitution"];
const reviews = ["/cadrage/relecture"];
type Who = "anonymous" | "outsider" | "member" | "coach" | "amdInvolved" | "amdOther" | "programmeTeam";
const readers: Who[] = ["member", "coach", "amdInvolved", "programmeTeam"];
const editors: Who[] = ["member", "programmeTeam"];
const reviewers: Who[] = ["coach", "programmeTeam"];

describe("who may open and keep a project's workspace", () => {
  const sessions = {} as Record<Who, HttpSession>;

  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => now } });
    const { seasonId, projectIds } = await createWorkspaceSeason(db(), ["cartiflette"]);
    const projectId = projectIds.cartiflette!;
    const [interieur] = await db().select({ organisationId: users.organisationId }).from(users).where(eq(users.email, "sophie.durand@interieur.gouv.fr"));
    const [other] = await db().insert(organisations).values({ name: "Ministère des Essais", kind: "ministry" }).returning({ id: organisations.id });
    const member = await signedInPerson(platform, "membre.equipe@interieur.gouv.fr");
    await db().update(users).set({ organisationId: interieur!.organisationId }).where(eq(users.id, member.id));
    await joinTeam(db(), { seasonId, projectId, userId: member.id, role: "lead" });
    const coach = await signedInPerson(platform, "coach.projet@numerique.gouv.fr");
    await joinTeam(db(), { seasonId, projectId, userId: coach.id, role: "coach" });
    const amdOther = await signedInPerson(platform, "amd.autre@finances.gouv.fr");
    await db().insert(userRoles).values({ userId: amdOther.id, role: "ministry_data_admin", organisationId: other!.id });
    sessions.anonymous = httpSessionOn(platform);
    sessions.outsider = (await signedInPerson(platform, "hors.equipe@insee.fr")).http;
    sessions.member = member.http;
    sessions.coach = coach.http;
    sessions.amdInvolved = await signInOverHttp(platform, "sophie.durand@interieur.gouv.fr");
    sessions.amdOther = amdOther.http;
    sessions.programmeTeam = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
  });
  after(async () => platform.close());

  it("lets the team, the coach, the involved AMD and the programme team read every section; others get 403, anonymous the sign-in", async () => {
    const failures: string[] = [];
    for (const path of reads) {
      for (const [who, session] of Object.entries(sessions) as [Who, HttpSession][]) {
        const response = await session.get(`${base}${path}`);
        const expected = who === "anonymous" ? [302, 303] : readers.includes(who) ? [200] : [403];
        if (!expected.includes(response.statusCode)) failures.push(`GET ${path || "/"} as ${who}: ${response.statusCode}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it("lets only the team and the programme team change it, and only the coach and the programme team review the framing", async () => {
    const failures: string[] = [];
    for (const [paths, allowed] of [
      [edits, editors],
      [reviews, reviewers],
    ] as const) {
      for (const path of paths) {
        for (const [who, session] of Object.entries(sessions) as [Who, HttpSession][]) {
          // An empty form: those allowed get the form back with its errors (400), never a 403; the others a 403 (401 signed out).
          const response = await session.post(`${base}${path}`, {}, { formPage: "/", ...(who === "anonymous" ? { csrf: null } : {}) });
          const refused = who === "anonymous" ? [401, 403] : [403];
          const ok = allowed.includes(who as never) ? !refused.includes(response.statusCode) && response.statusCode < 500 : refused.includes(response.statusCode);
          if (!ok) failures.push(`POST ${path} as ${who}: ${response.statusCode}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
