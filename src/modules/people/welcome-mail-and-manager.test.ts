import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { devMails, profiles } from "../../db/schema/index.ts";
import { assertFieldError } from "../../../tests/support/form-assertions.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { queuedMails } from "../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { assertFrenchSpacing, skillIdOf, storedProfile, userIdOf } from "./people-test-support.ts";

let platform: TestPlatform;
const db = () => platform.database.db;

const step1 = "/rejoindre/inscription/etape-1";
const step2 = "/rejoindre/inscription/etape-2";
const step3 = "/rejoindre/inscription/etape-3";
const validStep3 = { availability: "two_half_days_per_month", bio: "", forgeUrl: "", tchapId: "", managerName: "", managerEmail: "", visibility: "members", charter: "oui" };
const welcomeSubject = "Bienvenue dans la communauté du Programme 10\u00a0%";

/** Signs `email` in and saves the wizard's first two steps: the member is at step 3, not joined yet. */
async function atStepThree(email: string, givenName: string, usualName: string): Promise<HttpSession> {
  const member = await signInOverHttp(platform, email);
  assert.equal((await member.post(step1, { givenName, usualName, organisationId: "", unlistedOrganisation: "Service hors liste", jobFamily: "data_scientist" })).statusCode, 303);
  assert.equal((await member.post(step2, { [`niveau-${await skillIdOf(db(), "python")}`]: "2", learningWishes: "" })).statusCode, 303);
  return member;
}

/** Every welcome mail queued for `to`, delivered or not yet (the jobs exist once the transaction commits). */
async function welcomeMailsTo(to: string) {
  return (await queuedMails(platform, to)).filter((mail) => mail.subject === welcomeSubject);
}

/** The welcome mail once the worker delivered it to the outbox (the sign-in link is there before it). */
async function deliveredWelcome(to: string): Promise<{ subject: string; text: string }> {
  const started = Date.now();
  while (Date.now() - started < 10_000) {
    const [mail] = await db().select().from(devMails).where(and(eq(devMails.to, to), eq(devMails.subject, welcomeSubject)));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Aucun courriel de bienvenue reçu par ${to}`);
}

describe("joining: the welcome mail and the manager", () => {
  before(async () => {
    platform = await startTestPlatform();
  });
  after(async () => {
    await platform.stop();
  });

  describe("the welcome mail", () => {
    it("is sent when the wizard completes, with what happens next: the directory, the agenda, the call, the season", async () => {
      const member = await atStepThree("bienvenue.neuve@insee.fr", "Louise", "Neuve");
      assert.deepEqual(await welcomeMailsTo("bienvenue.neuve@insee.fr"), [], "rien avant la fin de l’inscription");
      assert.equal((await member.post(step3, validStep3)).statusCode, 303);
      const mail = await deliveredWelcome("bienvenue.neuve@insee.fr");
      assert.match(mail.text, /^Bonjour Louise,/);
      assert.ok(mail.text.includes("http://localhost:3000/annuaire/louise-neuve\n"), mail.text);
      assert.ok(mail.text.includes("http://localhost:3000/annuaire\n"), "l’annuaire");
      assert.ok(mail.text.includes("http://localhost:3000/evenements\n"), "l’agenda");
      assert.ok(mail.text.includes("http://localhost:3000/appel-a-projets\n"), "l’appel à projets");
      assert.ok(mail.text.includes("http://localhost:3000/saisons\n"), "la saison");
      assert.match(mail.text, /«\u00a0Trouver un expert\u00a0»/);
    });

    it("is sent once: not on a later edit of the profile, nor on a second post of the last step", async () => {
      const email = "bienvenue.unique@insee.fr";
      const member = await atStepThree(email, "Paul", "Unique");
      // Two posts of the last step at once (a double click): both are saved, one joins and mails.
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await member.get(step3)).body)![1]!;
      const posts = await Promise.all([member.post(step3, validStep3, { csrf }), member.post(step3, validStep3, { csrf })]);
      assert.deepEqual(posts.map((post) => post.statusCode), [303, 303]);
      // A later post of the last step (a double click, another tab) leads to the edit page and joins nobody again.
      assert.equal((await member.post(step3, validStep3, { formPage: "/annuaire/paul-unique/modifier" })).statusCode, 303);
      const edited = await member.post("/annuaire/paul-unique/modifier", { ...validStep3, section: "3", bio: "Statisticien." }, { formPage: "/annuaire/paul-unique/modifier" });
      assert.equal(edited.statusCode, 303);
      assert.equal((await storedProfile(db(), await userIdOf(db(), email))).profile?.bio, "Statisticien.");
      assert.equal((await welcomeMailsTo(email)).length, 1);
    });

    it("is not sent to a member who does not finish the wizard", async () => {
      const member = await atStepThree("bienvenue.pas.encore@insee.fr", "Lina", "Pasencore");
      assert.equal((await member.post(step3, { ...validStep3, charter: "" })).statusCode, 400);
      assert.deepEqual(await welcomeMailsTo("bienvenue.pas.encore@insee.fr"), []);
    });
  });

  describe("the manager's name and address", () => {
    it("says on the form when they are used: only for the « convention 10 % », nothing sent before", async () => {
      const member = await atStepThree("manager.indice@insee.fr", "Hugo", "Indice");
      const page = (await member.get(step3)).body;
      const fieldset = page.slice(page.indexOf('id="manager"'), page.indexOf("</fieldset>", page.indexOf('id="manager"')));
      assert.match(fieldset, /convention 10\u00a0%/);
      assert.match(fieldset, /rien ne lui est envoyé/);
      assert.match(fieldset, /Seuls vous et l’équipe du programme/);
      assertFrenchSpacing(page);
    });

    it("refuses an address outside the public bodies at the field, keeping the input and storing nothing", async () => {
      const email = "manager.prive@insee.fr";
      const member = await atStepThree(email, "Ana", "Prive");
      const before = await storedProfile(db(), await userIdOf(db(), email));
      const response = await member.post(step3, { ...validStep3, managerName: "Jean Chef", managerEmail: "jean.chef@exemple.com" });
      assert.equal(response.statusCode, 422);
      assertFieldError(response.body, "managerEmail", "Indiquez l’adresse professionnelle de votre manager dans un organisme public, par exemple prenom.nom@ministere.gouv.fr.", "jean.chef@exemple.com");
      assert.match(response.body, /value="Jean Chef"/);
      assert.deepEqual(await storedProfile(db(), await userIdOf(db(), email)), before);
      assert.deepEqual(await welcomeMailsTo(email), []);
    });

    it("keeps a public body's address, shows it to the member only, puts it in the GDPR export and erases it with the account", async () => {
      const email = "manager.public@insee.fr";
      const member = await atStepThree(email, "Eva", "Public");
      assert.equal((await member.post(step3, { ...validStep3, managerName: "Nadia Cheffe", managerEmail: "Nadia.Cheffe@insee.fr" })).statusCode, 303);
      assert.match((await member.get("/annuaire/eva-public")).body, /nadia\.cheffe@insee\.fr/);
      const colleague = await signInOverHttp(platform, "thomas.leroy@ign.fr");
      assert.doesNotMatch((await colleague.get("/annuaire/eva-public")).body, /Nadia Cheffe|nadia\.cheffe/);

      const exported = (await member.get("/compte/donnees")).body;
      assert.match(exported, /Nadia Cheffe/);
      assert.match(exported, /nadia\.cheffe@insee\.fr/);

      const userId = await userIdOf(db(), email);
      const erased = await member.post("/compte/suppression", { confirmation: "SUPPRIMER" }, { formPage: "/compte/suppression" });
      assert.equal(erased.statusCode, 303, erased.body.slice(0, 300));
      assert.deepEqual(await db().select().from(profiles).where(eq(profiles.userId, userId)), []);
      const rows = await db().select({ name: profiles.managerName }).from(profiles).where(eq(profiles.managerName, "Nadia Cheffe"));
      assert.deepEqual(rows, []);
      assert.deepEqual(await db().select().from(devMails).where(eq(devMails.to, email)), [], "les courriels envoyés à la personne sont effacés aussi");
    });
  });
});
