import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, asc, eq, ne } from "drizzle-orm";
import { devMails, organisations, proposals, proposalTransitions, userRoles, users } from "../../db/schema/index.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform, waitForMail } from "../../../tests/support/test-platform.ts";

/** The demo call is open (seeded at this instant); its proposal « Un gabarit de tableau de bord pour les SSM » comes from the DINUM, the programme team's own organisation. */
const now = new Date("2026-11-30T10:00:00Z");
const dinumTitle = "Un gabarit de tableau de bord pour les SSM";

let platform: TestPlatform;
const db = () => platform.database.db;

async function proposalByTitle(title: string) {
  const [row] = await db().select().from(proposals).where(eq(proposals.title, title));
  assert.ok(row, `proposition absente : ${title}`);
  return row;
}

/** The rows of the review table: each proposal's cell and the rest of its row. */
function tableRows(html: string): string[] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((match) => match[1]!).filter((row) => row.includes("<td"));
}

describe("a conflict of interest in the qualification of a proposal", () => {
  let camille: HttpSession;

  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => now } });
    camille = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
  });
  after(async () => {
    await platform.stop();
  });

  it("lists every submitted proposal on the programme team's table, its own organisation's marked with the conflict", async () => {
    const page = await camille.get("/appel-a-projets/qualification");
    assert.equal(page.statusCode, 200);
    const submitted = await db().select({ title: proposals.title }).from(proposals).where(ne(proposals.state, "draft"));
    assert.equal(submitted.length, 3);
    const rows = tableRows(page.body);
    assert.equal(rows.length, submitted.length, "une ligne par proposition déposée");
    for (const { title } of submitted) assert.ok(rows.some((row) => row.includes(title)), `absente du tableau : ${title}`);
    const dinumRow = rows.find((row) => row.includes(dinumTitle))!;
    assert.match(dinumRow, /Conflit d’intérêts/);
    assert.match(dinumRow, /href="\/appel-a-projets\/[0-9a-f-]{36}\/qualification"/);
  });

  it("does not let a team member of the author's organisation score it, and says who reviews it without the conflict", async () => {
    const { id } = await proposalByTitle(dinumTitle);
    const alone = await camille.get(`/appel-a-projets/${id}/qualification`);
    assert.equal(alone.statusCode, 200);
    assert.match(alone.body, /Conflit d’intérêts/);
    assert.match(alone.body, /Aucun relecteur ni aucune relectrice sans conflit/);
    assert.doesNotMatch(alone.body, /Enregistrer ma qualification/);
    const scored = await camille.post(`/appel-a-projets/${id}/qualification`, { commonInterest: "3", immediateNeed: "3", openness: "3" }, { formPage: `/appel-a-projets/${id}` });
    assert.equal(scored.statusCode, 403);
    assert.match(scored.body, /même organisation/);
    assert.equal((await proposalByTitle(dinumTitle)).state, "submitted");

    // A team member of another organisation has no conflict: she is named, and she scores it.
    const [ign] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, "IGN"));
    const [julie] = await db().insert(users).values({ email: "julie.moreau@ign.fr", givenName: "Julie", usualName: "Moreau", organisationId: ign!.id }).returning({ id: users.id });
    await db().insert(userRoles).values([{ userId: julie!.id, role: "member", organisationId: null }, { userId: julie!.id, role: "programme_team", organisationId: null }]);
    assert.match((await camille.get(`/appel-a-projets/${id}/qualification`)).body, /Julie Moreau/);
    const other = await signInOverHttp(platform, "julie.moreau@ign.fr");
    const review = await other.post(`/appel-a-projets/${id}/qualification`, { commonInterest: "2", immediateNeed: "2", openness: "3", comment: "Utile aux SSM." });
    assert.equal(review.statusCode, 303);
    assert.equal((await proposalByTitle(dinumTitle)).state, "under_review");
  });

  it("refuses the team's decision without the declared conflict, at the field, the reason kept and nothing changed", async () => {
    const { id } = await proposalByTitle(dinumTitle);
    const response = await camille.post(`/appel-a-projets/${id}/decision`, { decision: "select", reason: "Fort intérêt des SSM." }, { formPage: `/appel-a-projets/${id}/qualification` });
    assert.equal(response.statusCode, 400);
    const field = response.body.slice(response.body.lastIndexOf('<div class="fr-checkbox-group', response.body.indexOf('id="conflictDeclared"')));
    assert.match(field, /^<div class="fr-checkbox-group fr-mb-3w fr-checkbox-group--error">/);
    assert.match(field.slice(0, field.indexOf("</div></div>")), /<p class="fr-message fr-message--error">Cochez la déclaration de conflit d’intérêts pour décider d’une proposition de votre organisation\.<\/p>/);
    assert.match(response.body, /Fort intérêt des SSM\./);
    const question = await camille.post(`/appel-a-projets/${id}/informations`, { question: "Quels SSM l’utiliseront\u00a0?" }, { formPage: `/appel-a-projets/${id}/qualification` });
    assert.equal(question.statusCode, 400);
    assert.match(question.body, /Cochez la déclaration de conflit d’intérêts pour questionner l’auteur ou l’autrice d’une proposition de votre organisation\./);
    assert.match(question.body, /Quels SSM l’utiliseront/);
    assert.equal((await proposalByTitle(dinumTitle)).state, "under_review");
  });

  it("records the decision taken with the conflict declared, and shows it on the proposal, in its log and in the decision mail", async () => {
    const { id } = await proposalByTitle(dinumTitle);
    await db().delete(devMails);
    const response = await camille.post(`/appel-a-projets/${id}/decision`, { decision: "select", reason: "Fort intérêt des SSM.", conflictDeclared: "oui" }, { formPage: `/appel-a-projets/${id}/qualification` });
    assert.equal(response.statusCode, 303);
    assert.equal((await proposalByTitle(dinumTitle)).state, "selected");
    const log = await db().select({ to: proposalTransitions.toState, conflictDeclared: proposalTransitions.conflictDeclared }).from(proposalTransitions).where(eq(proposalTransitions.proposalId, id)).orderBy(asc(proposalTransitions.createdAt));
    assert.deepEqual(log.at(-1), { to: "selected", conflictDeclared: true });
    assert.ok(log.slice(0, -1).every((transition) => !transition.conflictDeclared));
    const mail = await waitForMail(platform, "marc.petit@numerique.gouv.fr", { matching: /Décision sur la proposition/ });
    assert.match(mail.subject, /Décision sur la proposition/);
    assert.match(mail.text, /Conflit d’intérêts déclaré\u00a0: cette décision a été prise par un membre de l’équipe du programme de la même organisation/);
    const author = await signInOverHttp(platform, "marc.petit@numerique.gouv.fr");
    const page = await author.get(`/appel-a-projets/${id}`);
    assert.match(page.body, /Décision prise avec un conflit d’intérêts déclaré/);
    const history = page.body.slice(page.body.indexOf("Historique"));
    assert.match(history, /Retenue, par Camille Martin \(conflit d’intérêts déclaré\)/);
  });

  it("never lets the author decide on their own proposal, even declaring the conflict", async () => {
    const { id, authorId } = await proposalByTitle(dinumTitle);
    await db().insert(userRoles).values({ userId: authorId, role: "programme_team", organisationId: null });
    const author = await signInOverHttp(platform, "marc.petit@numerique.gouv.fr");
    const response = await author.post(`/appel-a-projets/${id}/decision`, { decision: "reconsider", reason: "Je relance.", conflictDeclared: "oui" }, { formPage: `/appel-a-projets/${id}` });
    assert.equal(response.statusCode, 403);
    assert.equal((await proposalByTitle(dinumTitle)).state, "selected");
    await db().delete(userRoles).where(and(eq(userRoles.userId, authorId), eq(userRoles.role, "programme_team")));
  });
});
