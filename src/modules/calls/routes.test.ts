import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { devMails, organisations, projects, proposals, proposalSupports, proposalTransitions, seasons, skills, userRoles, users } from "../../db/schema/index.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { assertFieldError } from "../../../tests/support/form-assertions.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { typographyMistakes, visibleText } from "../../../tests/support/french-typography.ts";
import { markMailQueue, queuedMails } from "../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform, waitForMail } from "../../../tests/support/test-platform.ts";

/** The call of the test season: 10 January 2031 9 h → 15 March 2031 18 h, Paris time (UTC+1 in winter). */
const opensAt = new Date("2031-01-10T08:00:00Z");
const closesAt = new Date("2031-03-15T17:00:00Z");
let now = new Date("2031-03-14T10:00:00Z");
const clock = { now: () => now };

let platform: TestPlatform;
const db = () => platform.database.db;
const signIn = (email: string) => signInOverHttp(platform, email);

async function organisationId(acronymOrName: string): Promise<string> {
  const [row] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, acronymOrName));
  if (row) return row.id;
  const [byName] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.name, acronymOrName));
  return byName!.id;
}

async function createAccount(email: string, organisation: string, amd = false) {
  const orgId = await organisationId(organisation);
  const [user] = await db().insert(users).values({ email, givenName: "Test", usualName: email.split("@")[0]!, organisationId: orgId }).returning({ id: users.id });
  await db().insert(userRoles).values({ userId: user!.id, role: "member", organisationId: null });
  if (amd) await db().insert(userRoles).values({ userId: user!.id, role: "ministry_data_admin", organisationId: orgId });
}

async function someSkillId(): Promise<string> {
  const [row] = await db().select({ id: skills.id }).from(skills).where(eq(skills.slug, "python"));
  return row!.id;
}

async function completeForm(title: string): Promise<Record<string, string | string[]>> {
  return {
    title,
    problem: "Les communes ne savent pas quelles données de recensement utiliser pour planifier leurs écoles.",
    needHolders: "Les services statistiques régionaux et la gendarmerie.",
    expectedImpact: "Des projections fiables pour 500 communes.",
    successIndicators: "Nombre de communes utilisatrices au bout de six mois.",
    dataSources: "Recensement de la population, fichiers détail.",
    dataAccess: "Données ouvertes sur insee.fr.",
    codeRepository: "https://github.com/InseeFrLab/projections",
    codeLicence: "MIT",
    skill0: await someSkillId(),
    skillLevel0: "3",
    skillRequired0: "required",
    deliverable: "Une application web de projection.",
    milestones: "Prototype en juin, version stable en octobre.",
    upkeep: "L’équipe du SSM Insee maintient l’outil.",
    sponsorOrganisationId: await organisationId("Insee"),
    participatingOrganisationIds: [await organisationId("Gendarmerie nationale")],
  };
}

async function proposalByTitle(title: string) {
  const [row] = await db().select().from(proposals).where(eq(proposals.title, title));
  return row!;
}

async function transitionsOf(id: string) {
  return db().select({ from: proposalTransitions.fromState, to: proposalTransitions.toState, message: proposalTransitions.message }).from(proposalTransitions).where(eq(proposalTransitions.proposalId, id)).orderBy(proposalTransitions.createdAt);
}

async function submit(session: HttpSession, title: string) {
  const draft = await session.post("/appel-a-projets/propositions/nouvelle", { ...(await completeForm(title)), intent: "draft" });
  assert.equal(draft.statusCode, 303);
  const proposal = await proposalByTitle(title);
  const submitted = await session.post(`/appel-a-projets/${proposal.id}/modifier`, { ...(await completeForm(title)), version: String(proposal.version), intent: "submit" });
  return { response: submitted, id: proposal.id };
}

describe("the call for projects", () => {
  let team: HttpSession;
  let author: HttpSession;
  let supporter: HttpSession;
  let amd: HttpSession;

  before(async () => {
    platform = await startTestPlatform({ clock });
    await db().insert(seasons).values({ slug: "2031", name: "Saison 2031", startsOn: "2031-01-01", endsOn: "2031-12-31" });
    await createAccount("collegue@insee.fr", "Insee");
    await createAccount("amd.insee@insee.fr", "Insee", true);
    await createAccount("amd.ssp@agriculture.gouv.fr", "SSP", true);
    team = await signIn("camille.martin@numerique.gouv.fr");
    author = await signIn("ines.benali@insee.fr");
    supporter = await signIn("thomas.leroy@ign.fr");
    amd = await signIn("sophie.durand@interieur.gouv.fr");
  });
  after(async () => {
    await platform.stop();
  });

  describe("opening the call", () => {
    it("refuses the opening form to a member with a 403", async () => {
      assert.equal((await author.get("/appel-a-projets/ouvrir")).statusCode, 403);
    });

    it("refuses a closing before the opening at the field, keeping the input", async () => {
      const [season] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2031"));
      const response = await team.post("/appel-a-projets/ouvrir", { seasonId: season!.id, title: "Appel 2031", opensAt: "2031-03-15T18:00", closesAt: "2031-01-10T09:00" });
      assert.equal(response.statusCode, 400);
      assertFieldError(response.body, "closesAt", "La clôture doit suivre l’ouverture.", "2031-01-10T09:00");
    });

    for (const [name, dates, field, message] of [
      ["both dates empty", { opensAt: "", closesAt: "" }, "opensAt", "Indiquez la date et l’heure d’ouverture."],
      ["an empty closing", { opensAt: "2031-01-10T09:00", closesAt: "" }, "closesAt", "Indiquez la date et l’heure de clôture."],
      ["an opening that is not a date", { opensAt: "demain", closesAt: "2031-03-15T18:00" }, "opensAt", "Indiquez la date et l’heure d’ouverture au format jj/mm/aaaa hh:mm."],
    ] as const) {
      it(`refuses ${name} at the field, keeping the input, instead of a 500 from the closing-after-opening check`, async () => {
        const [season] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2031"));
        const response = await team.post("/appel-a-projets/ouvrir", { seasonId: season!.id, title: "Appel gardé", ...dates });
        assert.equal(response.statusCode, 400);
        assertFieldError(response.body, field, message, dates[field]);
        assert.ok(response.body.includes('value="Appel gardé"'), "titre conservé");
      });
    }

    it("opens the call of a season with Paris times, and shows it with French formats", async () => {
      const [season] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2031"));
      const response = await team.post("/appel-a-projets/ouvrir", { seasonId: season!.id, title: "Appel à défis 2031", opensAt: "2031-01-10T09:00", closesAt: "2031-03-15T18:00" });
      assert.equal(response.statusCode, 303);
      const page = await author.get("/appel-a-projets");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /ouvert jusqu’au 15 mars 2031 à\u00a018\u00a0h/);
      assert.match(page.body, /Proposer un projet/);
      assert.match(page.body, /Intérêt commun/);
    });
  });

  describe("writing and submitting a proposal", () => {
    it("saves a draft with only its title, and refuses a draft without title at the field", async () => {
      const empty = await author.post("/appel-a-projets/propositions/nouvelle", { title: "", problem: "Un problème", intent: "draft" });
      assert.equal(empty.statusCode, 400);
      assertFieldError(empty.body, "title", "Indiquez le titre de la proposition.");
      assert.match(empty.body, /Un problème/);
      const saved = await author.post("/appel-a-projets/propositions/nouvelle", { title: "Brouillon minimal", intent: "draft" });
      assert.equal(saved.statusCode, 303);
      assert.equal((await proposalByTitle("Brouillon minimal")).state, "draft");
    });

    it("refuses « Déposer » with every missing field reported at the field, input kept", async () => {
      const proposal = await proposalByTitle("Brouillon minimal");
      const response = await author.post(`/appel-a-projets/${proposal.id}/modifier`, { title: "Brouillon minimal", problem: "", dataSources: "Le recensement", intent: "submit", version: String(proposal.version) });
      assert.equal(response.statusCode, 400);
      assertFieldError(response.body, "problem", "Indiquez le problème à résoudre.");
      assertFieldError(response.body, "sponsorOrganisationId", "Choisissez l’organisation qui porte la proposition.");
      assert.match(response.body, /Le recensement/);
      assert.equal((await proposalByTitle("Brouillon minimal")).state, "draft");
    });

    it("refuses an edit on a stale version (concurrent edit) with a French message", async () => {
      const proposal = await proposalByTitle("Brouillon minimal");
      const response = await author.post(`/appel-a-projets/${proposal.id}/modifier`, { title: "Brouillon minimal modifié", intent: "draft", version: String(proposal.version - 1) });
      assert.equal(response.statusCode, 409);
      assert.match(response.body, /modifiée entre-temps/);
    });

    it("does not let another member open or change someone’s draft", async () => {
      const proposal = await proposalByTitle("Brouillon minimal");
      assert.equal((await supporter.get(`/appel-a-projets/${proposal.id}/modifier`)).statusCode, 403);
      assert.equal((await supporter.get(`/appel-a-projets/${proposal.id}`)).statusCode, 404);
    });

    it("accepts a submission one second before the closing, logs it and mails the AMD whose ministry is involved", async () => {
      now = new Date(closesAt.getTime() - 1000);
      await db().delete(devMails);
      const mark = await markMailQueue(platform);
      const { response, id } = await submit(author, "Projections scolaires");
      assert.equal(response.statusCode, 303);
      assert.equal((await proposalByTitle("Projections scolaires")).state, "submitted");
      assert.deepEqual(await transitionsOf(id), [{ from: "draft", to: "submitted", message: null }]);
      const mail = await waitForMail(platform, "sophie.durand@interieur.gouv.fr");
      assert.match(mail.subject, /Projections scolaires/);
      const mails = await queuedMails(platform, undefined, { since: mark });
      assert.ok(!mails.some((mail) => mail.to === "amd.insee@insee.fr"), "l’AMD de l’organisation de l’auteur ne qualifie pas sa propre équipe");
      assert.ok(!mails.some((mail) => mail.to === "amd.ssp@agriculture.gouv.fr"), "l’AMD d’un autre ministère n’est pas concerné");
    });

    it("refuses a submission one second after the closing, whatever the page showed, and keeps the draft", async () => {
      now = new Date(closesAt.getTime() - 60_000);
      const draft = await author.post("/appel-a-projets/propositions/nouvelle", { ...(await completeForm("Trop tard")), intent: "draft" });
      assert.equal(draft.statusCode, 303);
      const proposal = await proposalByTitle("Trop tard");
      now = new Date(closesAt.getTime() + 1000);
      const response = await author.post(`/appel-a-projets/${proposal.id}/modifier`, { ...(await completeForm("Trop tard")), version: String(proposal.version), intent: "submit" });
      assert.equal(response.statusCode, 409);
      assert.match(response.body, /L’appel à projets est clos/);
      assert.equal((await proposalByTitle("Trop tard")).state, "draft");
      // Saving the draft after the closing stays allowed: nothing typed is lost.
      const saved = await author.post(`/appel-a-projets/${proposal.id}/modifier`, { ...(await completeForm("Trop tard")), title: "Trop tard (gardé)", version: String((await proposalByTitle("Trop tard")).version), intent: "draft" });
      assert.equal(saved.statusCode, 303);
      // No new proposal once the call is closed.
      const closedForm = await author.get("/appel-a-projets/propositions/nouvelle");
      assert.equal(closedForm.statusCode, 404);
      assert.match(closedForm.body, /Aucun appel à projets n’est ouvert en ce moment/);
      now = new Date("2031-03-14T10:00:00Z");
    });

    it("refuses a submission one second before the opening, keeping the draft", async () => {
      now = new Date(opensAt.getTime() - 1000);
      const response = await author.post("/appel-a-projets/propositions/nouvelle", { ...(await completeForm("Trop tôt")), intent: "submit" });
      assert.equal(response.statusCode, 409);
      assert.match(response.body, /L’appel à projets n’est pas encore ouvert/);
      assert.equal((await proposalByTitle("Trop tôt")).state, "draft");
      now = new Date("2031-03-14T10:00:00Z");
    });

    it("lists similar proposals on the form after a save", async () => {
      const saved = await author.post("/appel-a-projets/propositions/nouvelle", { title: "Projections scolaires communales", problem: "Les communes ne savent pas quelles données utiliser pour planifier leurs écoles.", intent: "draft" });
      assert.equal(saved.statusCode, 303);
      const form = await author.get(saved.headers.location as string);
      assert.match(form.body, /Des propositions proches existent déjà/);
      assert.match(form.body, /Projections scolaires</);
    });
  });

  describe("« Nous aussi »", () => {
    it("refuses the author and a member of the author’s organisation, with a French message", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      const own = await author.post(`/appel-a-projets/${id}/soutenir`, { statement: "Moi aussi" }, { formPage: `/appel-a-projets/${id}` });
      assert.equal(own.statusCode, 403);
      assert.match(own.body, /votre propre proposition/);
      const colleague = await signIn("collegue@insee.fr");
      const sameOrganisation = await colleague.post(`/appel-a-projets/${id}/soutenir`, { statement: "Nous aussi" }, { formPage: `/appel-a-projets/${id}` });
      assert.equal(sameOrganisation.statusCode, 403);
      assert.match(sameOrganisation.body, /autre organisation/);
    });

    it("refuses a statement longer than 280 characters at the field", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      const response = await supporter.post(`/appel-a-projets/${id}/soutenir`, { statement: "a".repeat(281) }, { formPage: `/appel-a-projets/${id}` });
      assert.equal(response.statusCode, 400);
      assertFieldError(response.body, "statement", "Ce champ ne peut pas dépasser 280 caractères.");
    });

    it("records one support per person even on a double click, and counts distinct organisations", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      const [first, second] = await Promise.all([
        supporter.post(`/appel-a-projets/${id}/soutenir`, { statement: "L’IGN a le même besoin pour ses cartes." }, { formPage: `/appel-a-projets/${id}` }),
        supporter.post(`/appel-a-projets/${id}/soutenir`, { statement: "L’IGN a le même besoin pour ses cartes." }, { formPage: `/appel-a-projets/${id}` }),
      ]);
      assert.equal(first.statusCode, 303);
      assert.equal(second.statusCode, 303);
      const rows = await db().select().from(proposalSupports).where(eq(proposalSupports.proposalId, id));
      assert.equal(rows.length, 1);
      const page = await author.get(`/appel-a-projets/${id}`);
      assert.match(page.body, /1 soutien, de 1 organisation différente/);
    });
  });

  describe("qualification", () => {
    it("refuses the review screen and the dashboard to a plain member with a 403", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      assert.equal((await supporter.get(`/appel-a-projets/${id}/qualification`)).statusCode, 403);
      assert.equal((await supporter.get("/appel-a-projets/qualification")).statusCode, 403);
      const posted = await supporter.post(`/appel-a-projets/${id}/qualification`, { commonInterest: "3", immediateNeed: "3", openness: "3" }, { formPage: `/appel-a-projets/${id}` });
      assert.equal(posted.statusCode, 403);
    });

    it("refuses an AMD of another ministry, and an AMD of the author’s own organisation, with a 403", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      const otherMinistry = await signIn("amd.ssp@agriculture.gouv.fr");
      assert.equal((await otherMinistry.get(`/appel-a-projets/${id}/qualification`)).statusCode, 403);
      const dashboard = await otherMinistry.get("/appel-a-projets/qualification");
      assert.equal(dashboard.statusCode, 200);
      assert.doesNotMatch(dashboard.body, /Projections scolaires</);
      const ownTeam = await signIn("amd.insee@insee.fr");
      assert.equal((await ownTeam.get(`/appel-a-projets/${id}/qualification`)).statusCode, 403);
    });

    it("refuses scores outside 0–3 at the field", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      const response = await amd.post(`/appel-a-projets/${id}/qualification`, { commonInterest: "4", immediateNeed: "", openness: "2" });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Notez le critère «\u00a0Intérêt commun\u00a0» de 0 à 3\./);
      assert.match(response.body, /Notez le critère «\u00a0Besoin immédiat\u00a0» de 0 à 3\./);
    });

    it("lets the concerned AMD score it, which puts it « en qualification »; the private note stays among reviewers", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      const response = await amd.post(`/appel-a-projets/${id}/qualification`, { commonInterest: "3", immediateNeed: "2", openness: "3", comment: "Très utile.", privateNote: "Note-privee-AMD" });
      assert.equal(response.statusCode, 303);
      assert.equal((await proposalByTitle("Projections scolaires")).state, "under_review");
      assert.match((await team.get(`/appel-a-projets/${id}/qualification`)).body, /Note-privee-AMD/);
      assert.doesNotMatch((await author.get(`/appel-a-projets/${id}`)).body, /Note-privee-AMD/);
      assert.doesNotMatch((await supporter.get(`/appel-a-projets/${id}`)).body, /Note-privee-AMD/);
      assert.equal((await author.get(`/appel-a-projets/${id}/qualification`)).statusCode, 403);
      const dashboard = await amd.get("/appel-a-projets/qualification");
      assert.equal(dashboard.statusCode, 200);
      assert.match(dashboard.body, /Projections scolaires</);
    });

    it("shows the dashboard with averages, supports and distinct organisations", async () => {
      const page = await team.get("/appel-a-projets/qualification");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Projections scolaires/);
      assert.match(page.body, /3,0/);
    });

    it("asks the author for information by mail; the author answers and it goes back « en qualification »", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      const asked = await team.post(`/appel-a-projets/${id}/informations`, { question: "Quelles communes ont déjà testé\u00a0?" }, { formPage: `/appel-a-projets/${id}/qualification` });
      assert.equal(asked.statusCode, 303);
      assert.equal((await proposalByTitle("Projections scolaires")).state, "information_requested");
      const mail = await waitForMail(platform, "ines.benali@insee.fr", { matching: /Quelles communes ont déjà testé/ });
      assert.match(mail.subject, /Projections scolaires/);
      const form = await author.get(`/appel-a-projets/${id}/modifier`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Quelles communes ont déjà testé/);
      const proposal = await proposalByTitle("Projections scolaires");
      const noAnswer = await author.post(`/appel-a-projets/${id}/modifier`, { ...(await completeForm("Projections scolaires")), version: String(proposal.version), intent: "submit" });
      assert.equal(noAnswer.statusCode, 409);
      assertFieldError(noAnswer.body, "answer", "Répondez à la question posée avant d’envoyer.");
      const answered = await author.post(`/appel-a-projets/${id}/modifier`, { ...(await completeForm("Projections scolaires")), version: String(proposal.version), intent: "submit", answer: "Lyon et Rennes." });
      assert.equal(answered.statusCode, 303);
      assert.equal((await proposalByTitle("Projections scolaires")).state, "under_review");
      const log = await transitionsOf(id);
      assert.deepEqual(
        log.find((transition) => transition.from === "information_requested"),
        { from: "information_requested", to: "under_review", message: "Lyon et Rennes." },
      );
      assert.ok(log.some((transition) => transition.to === "information_requested" && transition.message === "Quelles communes ont déjà testé\u00a0?"));
    });
  });

  describe("decisions", () => {
    it("refuses a decision to an AMD (403) and refuses deciding on a draft with a clear message", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      assert.equal((await amd.post(`/appel-a-projets/${id}/decision`, { decision: "select", reason: "Oui" }, { formPage: `/appel-a-projets/${id}/qualification` })).statusCode, 403);
      const draft = await proposalByTitle("Brouillon minimal");
      const response = await team.post(`/appel-a-projets/${draft.id}/decision`, { decision: "select", reason: "Oui" }, { formPage: "/appel-a-projets" });
      assert.equal(response.statusCode, 409);
      assert.match(response.body, /Impossible de retenir une proposition à l’état «\u00a0Brouillon\u00a0»/);
    });

    it("selects it: the project is created in the season, and the author and the supporters are mailed", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      await db().delete(devMails);
      const response = await team.post(`/appel-a-projets/${id}/decision`, { decision: "select", reason: "Fort intérêt commun." }, { formPage: `/appel-a-projets/${id}/qualification` });
      assert.equal(response.statusCode, 303);
      assert.equal((await proposalByTitle("Projections scolaires")).state, "selected");
      const [project] = await db().select().from(projects).where(eq(projects.proposalId, id));
      assert.equal(project?.title, "Projections scolaires");
      assert.match((await waitForMail(platform, "ines.benali@insee.fr", { matching: /Décision/ })).text, /Fort intérêt commun/);
      assert.match((await waitForMail(platform, "thomas.leroy@ign.fr", { matching: /Décision/ })).text, /retenue/);
    });

    it("refuses selecting twice (illegal transition) and lets « à revoir » send it back without a second project", async () => {
      const { id } = await proposalByTitle("Projections scolaires");
      const again = await team.post(`/appel-a-projets/${id}/decision`, { decision: "select", reason: "Encore" }, { formPage: `/appel-a-projets/${id}/qualification` });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /Impossible de retenir une proposition à l’état «\u00a0Retenue\u00a0»/);
      const back = await team.post(`/appel-a-projets/${id}/decision`, { decision: "reconsider", reason: "À revoir avec la DGFiP." }, { formPage: `/appel-a-projets/${id}/qualification` });
      assert.equal(back.statusCode, 303);
      assert.equal((await proposalByTitle("Projections scolaires")).state, "under_review");
      const selected = await team.post(`/appel-a-projets/${id}/decision`, { decision: "select", reason: "Confirmée." }, { formPage: `/appel-a-projets/${id}/qualification` });
      assert.equal(selected.statusCode, 303);
      assert.equal((await db().select().from(projects).where(and(eq(projects.proposalId, id)))).length, 1);
    });
  });

  it("writes every page of the call with French typography (non-breaking spaces before « : ; ? ! » and inside « »)", async () => {
    const { id } = await proposalByTitle("Projections scolaires");
    const draft = await proposalByTitle("Brouillon minimal");
    const pages: [HttpSession, string][] = [
      [author, "/appel-a-projets"],
      [author, "/appel-a-projets/propositions/nouvelle"],
      [author, `/appel-a-projets/${draft.id}/modifier`],
      [supporter, `/appel-a-projets/${id}`],
      [team, `/appel-a-projets/${id}/qualification`],
      [team, "/appel-a-projets/qualification"],
      [team, "/appel-a-projets/ouvrir"],
    ];
    for (const [session, path] of pages) {
      const response = await session.get(path);
      assert.equal(response.statusCode, 200, path);
      assert.deepEqual(typographyMistakes(visibleText(response.body)), [], path);
    }
  });

  it("shows anonymous visitors the call without the proposals", async () => {
    const page = await httpSessionOn(platform).get("/appel-a-projets");
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Projections scolaires/);
  });
});
