import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { assignmentLocks, participations, seasons, teamAssignments, teamMembers, users, wishLists } from "../../../db/schema/index.ts";
import type { HttpSession } from "../../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { markMailQueue, queuedMails } from "../../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import type { StoredDraft } from "./draft.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2027-02-20T10:00:00Z") };
const db = () => platform.database.db;
const page = "/admin/equipes/2026-2027";

async function seasonId(): Promise<string> {
  const [row] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2026-2027"));
  return row!.id;
}

async function stored() {
  const [row] = await db().select().from(teamAssignments).where(eq(teamAssignments.seasonId, await seasonId()));
  return row;
}

function versionOf(body: string): string {
  const match = /name="version" value="(\d+)"/.exec(body);
  assert.ok(match, "le formulaire porte la version du projet d’équipes");
  return match[1]!;
}

before(async () => {
  platform = await startTestPlatform({ clock });
});
after(() => platform.stop());

describe("the programme team's assignment pages", () => {
  let team: HttpSession;

  it("are refused to visitors (sign-in) and to members (403)", async () => {
    const anonymous = await httpSessionOn(platform).get(page);
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/connexion/);
    const member = await signInOverHttp(platform, "thomas.leroy@ign.fr");
    assert.equal((await member.get(page)).statusCode, 403);
    const post = await member.post(`${page}/calculer`, { version: "0" });
    assert.equal(post.statusCode, 403);
    assert.equal(await stored(), undefined, "rien n’est calculé");
  });

  it("shows the demo season's projects and sent wish lists, the drafts not counted", async () => {
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const response = await team.get(page);
    assert.equal(response.statusCode, 200);
    const sent = await db().select().from(wishLists).where(and(eq(wishLists.seasonId, await seasonId()), eq(wishLists.state, "submitted")));
    assert.ok(sent.length >= 10, "la démo a des listes de vœux envoyées");
    assert.match(response.body, new RegExp(`${sent.length}\u00a0listes de vœux envoyées`));
    assert.match(response.body, /brouillons? non envoyés?/);
    assert.match(response.body, /Calculer les équipes/);
  });

  it("computes a proven optimal draft with an explanation for every placement", async () => {
    const before = await team.get(page);
    const response = await team.post(`${page}/calculer`, { version: versionOf(before.body) });
    assert.equal(response.statusCode, 303);
    const row = await stored();
    const draft = row!.draft as StoredDraft;
    assert.equal(draft.provenOptimal, true);
    assert.ok(draft.placements.length > 0);
    const view = await team.get(response.headers.location!);
    assert.match(view.body, /Optimum prouvé/);
    assert.match(view.body, /1er vœu/);
    assert.match(view.body, /Porteur·euse|porteur·euse/);
  });

  it("moves a member, locks them, and a new run keeps them there", async () => {
    const draft = (await stored())!.draft as StoredDraft;
    const moved = draft.placements.find((placement) => placement.reason.kind !== "fixed")!;
    const projectIds = [...new Set(draft.placements.map((placement) => placement.projectId))];
    const target = projectIds.find((id) => id !== moved.projectId)!;
    let body = (await team.get(page)).body;
    const move = await team.post(`${page}/deplacer`, { version: versionOf(body), memberId: moved.memberId, projectId: target });
    assert.equal(move.statusCode, 303);
    assert.equal(((await stored())!.draft as StoredDraft).placements.find((placement) => placement.memberId === moved.memberId)?.projectId, target);
    body = (await team.get(page)).body;
    assert.match(body, /Placé·e à la main/);
    const lock = await team.post(`${page}/verrouiller`, { version: versionOf(body), memberId: moved.memberId });
    assert.equal(lock.statusCode, 303);
    const [locked] = await db().select().from(assignmentLocks).where(eq(assignmentLocks.userId, moved.memberId));
    assert.equal(locked?.projectId, target);
    body = (await team.get(page)).body;
    assert.equal((await team.post(`${page}/calculer`, { version: versionOf(body) })).statusCode, 303);
    const again = (await stored())!.draft as StoredDraft;
    const placement = again.placements.find((candidate) => candidate.memberId === moved.memberId);
    assert.equal(placement?.projectId, target, "le verrouillage est conservé au nouveau calcul");
    assert.deepEqual(placement?.reason, { kind: "fixed", fixedKind: "lock" });
  });

  it("refuses a change made on a page that is no longer up to date, changing nothing", async () => {
    const before = await stored();
    const response = await team.post(`${page}/calculer`, { version: String(before!.version - 1) });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /a changé depuis que vous avez ouvert la page/);
    assert.deepEqual(await stored(), before);
  });

  it("refuses wrong mix numbers at the field and keeps the rules", async () => {
    const before = await stored();
    const body = (await team.get(page)).body;
    const response = await team.post(`${page}/regles`, { version: versionOf(body), sizes: "on", requiredSkills: "on", mix: "on", minMinistries: "0", maxSharePercent: "500" });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /entre 1 et 10/);
    assert.match(response.body, /name="maxSharePercent"[^>]*value="500"/, "la saisie est gardée");
    assert.deepEqual((await stored())!.settings, before!.settings);
  });

  it("publishes once: teams, participations and mails to every member and lead; a second publication is refused", async () => {
    const mark = await markMailQueue(platform);
    const draft = (await stored())!.draft as StoredDraft;
    const body = (await team.get(page)).body;
    const unconfirmed = await team.post(`${page}/publier`, { version: versionOf(body) });
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(unconfirmed.body, /Cochez la case pour confirmer la publication/);
    assert.equal((await stored())!.publishedAt, null, "rien n’est publié sans confirmation");
    const response = await team.post(`${page}/publier`, { version: versionOf(body), confirm: "on" });
    assert.equal(response.statusCode, 303);
    const season = await seasonId();
    const members = await db().select().from(teamMembers).where(and(eq(teamMembers.seasonId, season), eq(teamMembers.source, "assignment")));
    const leads = draft.placements.filter((placement) => placement.reason.kind === "fixed" && placement.reason.fixedKind === "lead");
    assert.ok(members.length >= draft.placements.length - leads.length, "chaque placement devient un membre d’équipe");
    const recorded = await db().select().from(participations).where(eq(participations.season, "2026-2027"));
    assert.equal(recorded.length, draft.placements.length);
    const mails = await queuedMails(platform, undefined, { since: mark });
    const placed = draft.placements.find((placement) => placement.reason.kind !== "fixed")!;
    const [person] = await db().select({ email: users.email }).from(users).where(eq(users.id, placed.memberId));
    assert.ok(mails.some((mail) => mail.to === person!.email && /Votre équipe de la saison 2026-2027/.test(mail.subject)));
    const [lead] = await db().select({ email: users.email }).from(users).where(eq(users.id, leads[0]!.memberId));
    assert.ok(mails.some((mail) => mail.to === lead!.email && /L’équipe de votre projet/.test(mail.subject)));
    assert.equal(mails.length, draft.placements.length - leads.length + draft.unplaced.length + leads.length);

    const twice = await team.post(`${page}/publier`, { version: String((await stored())!.version), confirm: "on" });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /déjà publiées/);
  });
});
