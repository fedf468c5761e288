import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { organisations, userRoles, users, workspaceFramings, workspaceLinks, workspaceMilestones } from "../../db/schema/index.ts";
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
const reads = ["", "/cadrage", "/cadrage/versions", "/cadrage/comparer?de=1&a=1", "/jalons", "/journal", "/liens", "/restitution", "/fichiers/:file"];
const edits = ["/cadrage", "/jalons", "/jalons/:milestone/etat", "/jalons/:milestone/supprimer", "/journal", "/liens", "/liens/:link/retirer", "/restitution"];
const reviews = ["/cadrage/relecture"];
type Who = "anonymous" | "outsider" | "member" | "coach" | "amdInvolved" | "amdOther" | "programmeTeam";
const readers: Who[] = ["member", "coach", "amdInvolved", "programmeTeam"];
const editors: Who[] = ["member", "programmeTeam"];
const reviewers: Who[] = ["coach", "programmeTeam"];

describe("who may open and keep a project's workspace", () => {
  const sessions = {} as Record<Who, HttpSession>;
  const ids = { milestone: "", link: "", file: "" };
  const address = (path: string) => `${base}${path.replace(":milestone", ids.milestone).replace(":link", ids.link).replace(":file", ids.file)}`;

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
    await db().insert(workspaceFramings).values({ projectId, seasonId, version: 1, content: { problem: "Un problème." }, authorId: member.id });
    const [milestone] = await db().insert(workspaceMilestones).values({ projectId, seasonId, phase: "construction", title: "Prototype", dueOn: "2031-07-01" }).returning({ id: workspaceMilestones.id });
    const [link] = await db().insert(workspaceLinks).values({ projectId, seasonId, kind: "forge", label: "Dépôt", url: "https://example.org/depot" }).returning({ id: workspaceLinks.id });
    const [file] = await db().insert(workspaceLinks).values({ projectId, seasonId, kind: "file", label: "Notes internes", mediaPath: "0000/notes.pdf" }).returning({ id: workspaceLinks.id });
    Object.assign(ids, { milestone: milestone!.id, link: link!.id, file: file!.id });
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
        const response = await session.get(address(path));
        // The private file's bytes are not in this test's storage: those who may read get past the check (404), the others not.
        const allowed = path === "/fichiers/:file" ? [404] : [200];
        const expected = who === "anonymous" ? [302, 303] : readers.includes(who) ? allowed : [403];
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
          const response = await session.post(address(path), {}, { formPage: "/", ...(who === "anonymous" ? { csrf: null } : {}) });
          const refused = who === "anonymous" ? [401, 403] : [403];
          const ok = allowed.includes(who as never) ? !refused.includes(response.statusCode) && response.statusCode < 500 : refused.includes(response.statusCode);
          if (!ok) failures.push(`POST ${path} as ${who}: ${response.statusCode}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});
