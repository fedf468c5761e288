import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq, like } from "drizzle-orm";
import { calls, devMails, organisations, proposals, proposalSupports, seasonPhases, seasons, skills } from "../../db/schema/index.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";

/** The call of the test season: open from 10 January to 15 March 2032; the clock stays on 1 February 2032. */
const now = new Date("2032-02-01T10:00:00Z");
const clock = { now: () => now };

let platform: TestPlatform;
const db = () => platform.database.db;
const authorEmail = "ines.benali@insee.fr";

async function organisationId(acronym: string): Promise<string> {
  const [row] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, acronym));
  return row!.id;
}

async function completeForm(title: string): Promise<Record<string, string | string[]>> {
  const [skill] = await db().select({ id: skills.id }).from(skills).where(eq(skills.slug, "python"));
  return {
    title,
    problem: "Les communes ne savent pas quelles données de recensement utiliser pour planifier leurs écoles.",
    needHolders: "Les services statistiques régionaux.",
    expectedImpact: "Des projections fiables pour 500 communes.",
    successIndicators: "Nombre de communes utilisatrices au bout de six mois.",
    dataSources: "Recensement de la population.",
    dataAccess: "Données ouvertes sur insee.fr.",
    codeRepository: "https://github.com/InseeFrLab/projections",
    codeLicence: "MIT",
    skill0: skill!.id,
    skillLevel0: "3",
    skillRequired0: "required",
    deliverable: "Une application web de projection.",
    milestones: "Prototype en juin.",
    upkeep: "L’équipe du SSM Insee maintient l’outil.",
    sponsorOrganisationId: await organisationId("Insee"),
    participatingOrganisationIds: [],
  };
}

async function proposalByTitle(title: string) {
  const [row] = await db().select().from(proposals).where(eq(proposals.title, title));
  return row!;
}

/** The mails the outbox received for `to` whose subject contains `subject`, once the worker delivered one (or after 10 s). */
async function mailsTo(to: string, subject: string) {
  const started = Date.now();
  for (;;) {
    const rows = await db().select().from(devMails).where(and(eq(devMails.to, to), like(devMails.subject, `%${subject}%`)));
    if (rows.length > 0 || Date.now() - started > 10_000) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function submit(session: HttpSession, title: string): Promise<string> {
  assert.equal((await session.post("/appel-a-projets/propositions/nouvelle", { ...(await completeForm(title)), intent: "draft" })).statusCode, 303);
  const proposal = await proposalByTitle(title);
  const submitted = await session.post(`/appel-a-projets/${proposal.id}/modifier`, { ...(await completeForm(title)), version: String(proposal.version), intent: "submit" });
  assert.equal(submitted.statusCode, 303, [...submitted.body.matchAll(/fr-message--error">([^<]*)/g)].map((match) => match[1]).join(" "));
  return proposal.id;
}

describe("the author's receipt and withdrawing a « Nous aussi »", () => {
  let team: HttpSession;
  let author: HttpSession;
  let supporter: HttpSession;
  let seasonId: string;

  before(async () => {
    platform = await startTestPlatform({ clock });
    const [season] = await db().insert(seasons).values({ slug: "2032", name: "Saison 2032", startsOn: "2032-01-01", endsOn: "2032-12-31" }).returning({ id: seasons.id });
    seasonId = season!.id;
    await db().insert(calls).values({ seasonId, title: "Appel à défis 2032", opensAt: new Date("2032-01-10T08:00:00Z"), closesAt: new Date("2032-03-15T17:00:00Z") });
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    author = await signInOverHttp(platform, authorEmail);
    supporter = await signInOverHttp(platform, "thomas.leroy@ign.fr");
  });
  after(async () => {
    await platform.stop();
  });

  describe("the mail confirming a submitted proposal", () => {
    it("mails the author once, with the title, a link and what happens next, without a decision date when the season has no qualification phase", async () => {
      const id = await submit(author, "Projections scolaires sans calendrier");
      const [mail, ...others] = await mailsTo(authorEmail, "Projections scolaires sans calendrier");
      assert.ok(mail, "aucun accusé de dépôt");
      assert.equal(others.length, 0);
      assert.equal(mail.subject, "Proposition déposée\u00a0: Projections scolaires sans calendrier");
      assert.match(mail.text, /Votre proposition «\u00a0Projections scolaires sans calendrier\u00a0» est bien déposée/);
      assert.ok(mail.text.includes(`http://localhost:3000/appel-a-projets/${id}\n`), mail.text);
      assert.match(mail.text, /Qualification\u00a0: l’équipe du programme/);
      assert.match(mail.text, /décide à la fin de la qualification/);
      assert.doesNotMatch(mail.text, /au plus tard/);
    });

    it("gives the decision date, the end of the season's qualification phase, when it is known", async () => {
      await db().insert(seasonPhases).values([
        { seasonId, position: 1, key: "call", name: "Appel à projets", startsOn: "2032-01-10", endsOn: "2032-03-15" },
        { seasonId, position: 2, key: "qualification", name: "Qualification", startsOn: "2032-03-16", endsOn: "2032-04-01" },
      ]);
      await submit(author, "Projections scolaires datées");
      const [mail] = await mailsTo(authorEmail, "Projections scolaires datées");
      assert.match(mail!.text, /décide au plus tard le 1er avril 2032\u00a0; vous recevrez la décision et sa raison par courriel\./);
    });

    it("is not sent again when the author answers an information request, nor for a draft saved", async () => {
      const id = await submit(author, "Projections à préciser");
      await mailsTo(authorEmail, "Proposition déposée\u00a0: Projections à préciser");
      const asked = await team.post(`/appel-a-projets/${id}/informations`, { question: "Quelles communes\u00a0?" }, { formPage: `/appel-a-projets/${id}/qualification` });
      assert.equal(asked.statusCode, 303);
      const proposal = await proposalByTitle("Projections à préciser");
      const answered = await author.post(`/appel-a-projets/${id}/modifier`, { ...(await completeForm("Projections à préciser")), answer: "Lille et Douai.", version: String(proposal.version), intent: "submit" });
      assert.equal(answered.statusCode, 303);
      assert.equal((await proposalByTitle("Projections à préciser")).state, "under_review");
      assert.equal((await author.post("/appel-a-projets/propositions/nouvelle", { title: "Un simple brouillon", intent: "draft" })).statusCode, 303);
      // Every mail enqueued (delivered or not yet): exactly one receipt per submitted proposal.
      const receipts = (await platform.jobs.findJobs(db(), "mail.send", { to: authorEmail }))
        .map((job) => (job.data as { subject: string }).subject)
        .filter((subject) => subject.startsWith("Proposition déposée"));
      assert.deepEqual(receipts.sort(), ["Proposition déposée\u00a0: Projections scolaires datées", "Proposition déposée\u00a0: Projections scolaires sans calendrier", "Proposition déposée\u00a0: Projections à préciser"]);
    });
  });

  describe("withdrawing a « Nous aussi »", () => {
    let id: string;

    before(async () => {
      id = await submit(author, "Cartographie des écoles");
      const supported = await supporter.post(`/appel-a-projets/${id}/soutenir`, { statement: "L’IGN a le même besoin." }, { formPage: `/appel-a-projets/${id}` });
      assert.equal(supported.statusCode, 303);
    });

    it("offers the supporter a button with the CSRF token, and refuses a post without it", async () => {
      const page = (await supporter.get(`/appel-a-projets/${id}`)).body;
      assert.match(page, /1 soutien, de 1 organisation différente\./);
      const form = page.slice(page.indexOf(`action="/appel-a-projets/${id}/retirer-soutien"`));
      assert.ok(form.length > 0 && page.includes(`action="/appel-a-projets/${id}/retirer-soutien"`), "pas de formulaire pour retirer son soutien");
      assert.match(form.slice(0, form.indexOf("</form>")), /name="_csrf"[\s\S]*Retirer mon soutien/);
      const forged = await supporter.post(`/appel-a-projets/${id}/retirer-soutien`, {}, { csrf: null });
      assert.equal(forged.statusCode, 403);
      assert.equal((await db().select().from(proposalSupports).where(eq(proposalSupports.proposalId, id))).length, 1);
    });

    it("does not offer it to someone who does not support the proposal", async () => {
      assert.doesNotMatch((await team.get(`/appel-a-projets/${id}`)).body, /Retirer mon soutien/);
      assert.doesNotMatch((await author.get(`/appel-a-projets/${id}`)).body, /Retirer mon soutien/);
    });

    it("withdraws the support, says so and updates the counter; a second post changes nothing", async () => {
      const withdrawn = await supporter.post(`/appel-a-projets/${id}/retirer-soutien`, {}, { formPage: `/appel-a-projets/${id}` });
      assert.equal(withdrawn.statusCode, 303);
      assert.equal(withdrawn.headers.location, `/appel-a-projets/${id}?soutien-retire#nous-aussi`);
      const page = (await supporter.get(`/appel-a-projets/${id}?soutien-retire`)).body;
      assert.match(page, /Votre soutien est retiré/);
      assert.match(page, /0 soutien, de 0 organisation différente\./);
      assert.doesNotMatch(page, /L’IGN a le même besoin/);
      assert.match(page, /Nous aussi\s*<\/button>/);
      assert.equal((await db().select().from(proposalSupports).where(eq(proposalSupports.proposalId, id))).length, 0);
      assert.equal((await supporter.post(`/appel-a-projets/${id}/retirer-soutien`, {}, { formPage: `/appel-a-projets/${id}` })).statusCode, 303);
    });

    it("is no longer possible once the proposal is decided: no button, and a post is refused with a French message", async () => {
      assert.equal((await supporter.post(`/appel-a-projets/${id}/soutenir`, { statement: "L’IGN a vraiment le même besoin." }, { formPage: `/appel-a-projets/${id}` })).statusCode, 303);
      const decided = await team.post(`/appel-a-projets/${id}/decision`, { decision: "decline", reason: "Un projet proche existe déjà." }, { formPage: `/appel-a-projets/${id}/qualification` });
      assert.equal(decided.statusCode, 303);
      assert.doesNotMatch((await supporter.get(`/appel-a-projets/${id}`)).body, /Retirer mon soutien/);
      const refused = await supporter.post(`/appel-a-projets/${id}/retirer-soutien`, {}, { formPage: `/appel-a-projets/${id}` });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Cette proposition a reçu sa décision\u00a0: votre soutien ne peut plus être retiré\./);
      assert.equal((await db().select().from(proposalSupports).where(eq(proposalSupports.proposalId, id))).length, 1);
    });
  });
});
