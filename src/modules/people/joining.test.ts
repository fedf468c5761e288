import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { organisations, profiles, skills, users } from "../../db/schema/index.ts";
import { assertFieldError } from "../../../tests/support/form-assertions.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { listUnlistedOrganisations } from "./api.ts";
import { assertCheckboxError, assertChecked, assertFrenchSpacing, assertGroupError, assertSummaryLinksFocusable, skillIdOf, storedProfile, userIdOf } from "./people-test-support.ts";

let platform: TestPlatform;
const db = () => platform.database.db;

const step1 = "/rejoindre/inscription/etape-1";
const step2 = "/rejoindre/inscription/etape-2";
const step3 = "/rejoindre/inscription/etape-3";

const validStep1 = { givenName: "Inès", usualName: "Benali", organisationId: "", unlistedOrganisation: "Service hors liste", jobFamily: "data_scientist" };
const forgeUrlMessage = "Indiquez l’adresse de votre page en https://, par exemple github.com/votre-identifiant ou https://gitlab.com/votre-identifiant.";
const validStep3 = { availability: "two_half_days_per_month", bio: "", forgeUrl: "", tchapId: "", managerName: "", managerEmail: "", visibility: "members", charter: "oui" };

describe("joining the community (wizard « Rejoindre la communauté »)", () => {
  let insee: string;

  before(async () => {
    platform = await startTestPlatform();
    const [row] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, "Insee"));
    insee = row!.id;
  });
  after(async () => {
    await platform.stop();
  });

  it("sends an anonymous visitor to sign in and back to the wizard, and refuses an anonymous form with a 401", async () => {
    const anonymous = httpSessionOn(platform);
    const page = await anonymous.get("/rejoindre/inscription");
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, "/connexion?retour=%2Frejoindre%2Finscription");
    const posted = await anonymous.post(step1, validStep1, { formPage: "/connexion" });
    assert.equal(posted.statusCode, 401);
  });

  it("invites visitors of /rejoindre to join, and leads /compte to the wizard, then to the profile", async () => {
    const page = await httpSessionOn(platform).get("/rejoindre");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<a class="fr-btn[^"]*" href="\/rejoindre\/inscription">Rejoindre la communauté<\/a>/);
    const newcomer = await signInOverHttp(platform, "compte.neuf@insee.fr");
    assert.match((await newcomer.get("/compte")).body, /href="\/rejoindre\/inscription">Rejoindre la communauté<\/a>/);
    await newcomer.post(step1, { ...validStep1, givenName: "Compte", usualName: "Neuf" });
    assert.match((await newcomer.get("/compte")).body, /href="\/rejoindre\/inscription\/etape-2">Terminer mon inscription à la communauté<\/a>/);
    const ines = await signInOverHttp(platform, "ines.benali@insee.fr");
    assert.match((await ines.get("/compte")).body, /href="\/annuaire\/ines-benali">Mon profil<\/a>/);
  });

  it("starts a new member at step 1 with the names and the organisation found from the address", async () => {
    const member = await signInOverHttp(platform, "premiere.visite@insee.fr");
    const entry = await member.get("/rejoindre/inscription");
    assert.equal(entry.statusCode, 303);
    assert.equal(entry.headers.location, step1);
    const page = await member.get(step1);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Rejoindre la communauté<\/h1>/);
    assert.match(page.body, /Étape 1 sur 3/);
    assert.match(page.body, /Étape suivante\u00a0:<\/span> Vos compétences et envies/);
    assert.match(page.body, new RegExp(`<option value="${insee}" selected="">`), "l’organisation du domaine insee.fr doit être proposée");
    assert.match(page.body, /<optgroup label="Ministère de l’Économie[^"]*"><option value="[^"]+">Ministère de l’Économie[^<]*<\/option><option value="[^"]+"( selected="")?>\u00a0\u00a0\u00a0/);
    assert.match(page.body, /Mon organisation n’est pas dans la liste/);
    // Steps ahead of the saved one are not reachable yet.
    const ahead = await member.get(step3);
    assert.equal(ahead.statusCode, 303);
    assert.equal(ahead.headers.location, step1);
  });

  it("refuses to skip ahead: a step posted before the previous ones leads back to the saved step and stores nothing", async () => {
    const member = await signInOverHttp(platform, "saute.etapes@insee.fr");
    const userId = await userIdOf(db(), "saute.etapes@insee.fr");
    const skipped = await member.post(step3, validStep3, { formPage: "/compte" });
    assert.equal(skipped.statusCode, 303);
    assert.equal(skipped.headers.location, step1);
    const skipped2 = await member.post(step2, { learningWishes: "x" }, { formPage: "/compte" });
    assert.equal(skipped2.headers.location, step1);
    assert.equal((await storedProfile(db(), userId)).profile, null);
  });

  it("shows anyone the programme's charter at /programme/charte with the commitments a member accepts when joining", async () => {
    const page = await httpSessionOn(platform).get("/programme/charte");
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /<h1>Charte du Programme 10\u00a0%<\/h1>/);
    for (const commitment of [
      /Une participation volontaire, avec l’accord de votre manager/,
      /Environ 10\u00a0% de votre temps de travail/,
      /deux après-midi par mois/,
      /Le code source et les données que les projets produisent sont accessibles aux autres agents publics/,
      /Bienveillance et respect dans la communauté/,
      /La confidentialité des données non publiques/,
      /Présent aux ateliers, ou l’équipe prévenue/,
      /<a href="\/donnees-personnelles">Données personnelles et cookies<\/a>/,
    ]) {
      assert.match(html, commitment);
    }
    assertFrenchSpacing(html);
  });

  it("says at the top of each step that fields are required unless marked « (facultatif) », and marks the optional ones", async () => {
    const member = await signInOverHttp(platform, "mentions.facultatif@insee.fr");
    const mention = '<p class="fr-hint-text fr-mb-3w">Sauf mention contraire, tous les champs sont obligatoires.</p>';
    const first = await member.get(step1);
    assert.ok(first.body.indexOf(mention) > first.body.indexOf("<form method=\"post\" action=\"/rejoindre/inscription/etape-1\""), "mention absente du formulaire de l’étape 1");
    assertFrenchSpacing(first.body);
    assert.match(first.body, /<label class="fr-label" for="unlistedOrganisation">Nom de votre organisation, si elle n’est pas dans la liste<span/);
    assert.equal((await member.post(step1, { ...validStep1, givenName: "Mentions", usualName: "Facultatif" })).statusCode, 303);
    const second = await member.get(step2);
    assert.ok(second.body.includes(mention), "mention absente de l’étape 2");
    assertFrenchSpacing(second.body);
    assert.match(second.body, /<label class="fr-label" for="learningWishes">Ce que j’aimerais apprendre \(facultatif\)<span/);
    assert.match(second.body, /<legend class="fr-fieldset__legend" id="proposition-legend">Proposer une compétence absente \(facultatif\)<span/);
    assert.equal((await member.post(step2, { [`niveau-${await skillIdOf(db(), "sql")}`]: "1", learningWishes: "" })).statusCode, 303);
    const third = (await member.get(step3)).body;
    assert.ok(third.includes(mention), "mention absente de l’étape 3");
    assertFrenchSpacing(third);
    for (const [id, label] of [
      ["bio", "Présentation courte"],
      ["forgeUrl", "Votre page sur une forge de code"],
      ["tchapId", "Votre identifiant Tchap"],
      ["managerName", "Prénom et nom de votre manager"],
      ["managerEmail", "Adresse électronique de votre manager"],
    ]) {
      assert.match(third, new RegExp(`<label class="fr-label" for="${id}">${label} \\(facultatif\\)`), `${id} n’est pas marqué facultatif`);
    }
    assert.match(third, /<label class="fr-label" for="availability">Votre disponibilité<span class="fr-sr-only"> \(obligatoire\)<\/span>/);
  });

  describe("step 1 refuses bad input at the field, keeps it, and stores nothing", () => {
    let member: HttpSession;
    let userId: string;
    before(async () => {
      member = await signInOverHttp(platform, "etape.une@insee.fr");
      userId = await userIdOf(db(), "etape.une@insee.fr");
    });

    const cases: { name: string; fields: Record<string, string>; field: string; message: string; kept?: string; group?: boolean }[] = [
      { name: "an empty first name", fields: { ...validStep1, givenName: "  " }, field: "givenName", message: "Indiquez votre prénom." },
      { name: "a last name of 101 characters", fields: { ...validStep1, usualName: "x".repeat(101) }, field: "usualName", message: "Ce champ ne peut pas dépasser 100 caractères.", kept: "x".repeat(101) },
      { name: "a name with a control character", fields: { ...validStep1, usualName: "Be\u0007nali" }, field: "usualName", message: "Ce champ contient des caractères non autorisés.", kept: "Benali" },
      { name: "an organisation that is not an id", fields: { ...validStep1, organisationId: "'; drop table users; --" }, field: "organisationId", message: "Choisissez une organisation de la liste, ou « Mon organisation n’est pas dans la liste »." },
      { name: "an organisation that does not exist", fields: { ...validStep1, organisationId: randomUUID() }, field: "organisationId", message: "Cette organisation n’existe pas\u00a0: choisissez-en une de la liste." },
      {
        name: "neither an organisation of the list nor its name",
        fields: { ...validStep1, organisationId: "", unlistedOrganisation: " " },
        field: "unlistedOrganisation",
        message: "Écrivez le nom de votre organisation, ou choisissez-la dans la liste.",
      },
      { name: "no job", fields: { ...validStep1, jobFamily: "" }, field: "jobFamily", message: "Choisissez votre métier.", group: true },
      { name: "an unknown job", fields: { ...validStep1, jobFamily: "astronaut" }, field: "jobFamily", message: "Choisissez votre métier.", group: true },
    ];
    for (const invalid of cases) {
      it(`refuses ${invalid.name}`, async () => {
        const before = await storedProfile(db(), userId);
        const response = await member.post(step1, invalid.fields);
        assert.ok([400, 422].includes(response.statusCode), `statut ${response.statusCode}`);
        if (invalid.group) assertGroupError(response.body, invalid.field, invalid.message);
        else assertFieldError(response.body, invalid.field, invalid.message, invalid.kept);
        assert.match(response.body, /<title>Erreur\u00a0: /);
        assertSummaryLinksFocusable(response.body);
        assertFrenchSpacing(response.body);
        // The other fields are kept too.
        if (invalid.field !== "givenName") assertFieldKept(response.body, "givenName", invalid.fields.givenName!);
        if (invalid.field !== "jobFamily") assertChecked(response.body, `jobFamily-${invalid.fields.jobFamily}`);
        assert.deepEqual(await storedProfile(db(), userId), before);
        assert.equal(before.profile, null, "aucun profil ne doit être créé par une étape refusée");
      });
    }

    it("ignores a forged user id and saves the step for the signed-in member only", async () => {
      const other = await userIdOf(db(), "thomas.leroy@ign.fr");
      const thomasBefore = await storedProfile(db(), other);
      const response = await member.post(step1, { ...validStep1, givenName: "Étape", usualName: "Une", userId: other, organisationId: insee });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, step2);
      assert.deepEqual(await storedProfile(db(), other), thomasBefore);
      const saved = await storedProfile(db(), userId);
      assert.equal(saved.account?.givenName, "Étape");
      assert.equal(saved.account?.organisationId, insee);
      assert.equal(saved.profile?.jobFamily, "data_scientist");
      assert.equal(saved.profile?.slug, "etape-une");
      assert.equal(saved.profile?.onboardingStep, 2);
      assert.equal(saved.profile?.joinedAt, null);
    });
  });

  it("gives each new profile a readable address from the name, numbered when taken", async () => {
    const homonym = await signInOverHttp(platform, "ines.benali2@insee.fr");
    const response = await homonym.post(step1, validStep1);
    assert.equal(response.statusCode, 303);
    const [row] = await db().select({ slug: profiles.slug }).from(profiles).where(eq(profiles.userId, await userIdOf(db(), "ines.benali2@insee.fr")));
    assert.equal(row?.slug, "ines-benali-2");
  });

  it("keeps the organisation a member writes when the list lacks it, shows it on the profile and lists it for the programme team", async () => {
    const unlisted = await signInOverHttp(platform, "hors.liste@insee.fr");
    const response = await unlisted.post(step1, { ...validStep1, givenName: "Hors", usualName: "Liste", organisationId: "", unlistedOrganisation: "  Insee, direction régionale des Hauts-de-France " });
    assert.equal(response.statusCode, 303);
    const [account] = await db().select({ organisationId: users.organisationId }).from(users).where(eq(users.email, "hors.liste@insee.fr"));
    assert.equal(account?.organisationId, null);
    assert.match((await unlisted.get("/annuaire/hors-liste")).body, /Data scientist — Insee, direction régionale des Hauts-de-France<\/p>/);
    assert.match((await unlisted.get(step1)).body, /id="unlistedOrganisation"[^>]*value="Insee, direction régionale des Hauts-de-France"/);

    // The closest organisation of the list and the exact one written: both kept, shown as one path.
    const service = await signInOverHttp(platform, "service.manquant@insee.fr");
    assert.equal((await service.post(step1, { ...validStep1, givenName: "Service", usualName: "Manquant", organisationId: insee, unlistedOrganisation: "INSEE, Direction régionale des HAUTS-DE-FRANCE" })).statusCode, 303);
    assert.match((await service.get("/annuaire/service-manquant")).body, /Data scientist — Ministère de l’Économie[^<]* › Insee › INSEE, Direction régionale des HAUTS-DE-FRANCE<\/p>/);

    const toCreate = (await listUnlistedOrganisations(db())).find((row) => row.name.toLowerCase().includes("hauts-de-france"));
    assert.deepEqual(toCreate && { memberCount: toCreate.memberCount, listedOrganisationIds: toCreate.listedOrganisationIds }, { memberCount: 2, listedOrganisationIds: [insee] });
  });

  describe("step 2 refuses bad input at the field, keeps it, and stores nothing", () => {
    let member: HttpSession;
    let userId: string;
    let python: string;
    let gis: string;
    before(async () => {
      member = await signInOverHttp(platform, "etape.deux@insee.fr");
      userId = await userIdOf(db(), "etape.deux@insee.fr");
      assert.equal((await member.post(step1, { ...validStep1, givenName: "Étape", usualName: "Deux" })).statusCode, 303);
      python = await skillIdOf(db(), "python");
      gis = await skillIdOf(db(), "sig");
    });

    it("shows the vocabulary by category, one row of four levels per skill", async () => {
      const page = await member.get(step2);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Étape 2 sur 3/);
      // One native <details> per category: the first open, the others closed until a level is chosen in them.
      assert.match(page.body, /<details class="fr-accordion skills-category" id="categorie-languages" open=""><summary class="fr-accordion__btn">Langages et outils<\/summary>/);
      assert.match(page.body, /<details class="fr-accordion skills-category" id="categorie-geomatics"><summary class="fr-accordion__btn">Géomatique<\/summary>/);
      for (const level of ["0", "1", "2", "3"]) assert.match(page.body, new RegExp(`id="niveau-${python}-${level}"`));
      // French order within a category: « Économétrie » first, « Séries » between « Secret » and « Sondages ».
      const statistics = page.body.slice(page.body.indexOf('id="categorie-statistics"'), page.body.indexOf('id="categorie-machine-learning"'));
      assert.deepEqual(
        [...statistics.matchAll(/-fieldset-legend">([^<]+)<\/legend>/g)].map((match) => match[1]),
        ["Économétrie", "Secret statistique et anonymisation", "Séries temporelles", "Sondages et échantillonnage", "Statistique publique"],
      );
      assertChecked(page.body, `niveau-${python}-0`);
      assert.match(page.body, /href="\/rejoindre\/inscription\/etape-1"[^>]*>Précédent</);
    });

    it("refuses level 7 at its skill and keeps every level chosen", async () => {
      const before = await storedProfile(db(), userId);
      const response = await member.post(step2, { [`niveau-${python}`]: "7", [`niveau-${gis}`]: "3", learningWishes: "Le LLM" });
      assert.equal(response.statusCode, 400);
      assertSummaryLinksFocusable(response.body);
      assertFrenchSpacing(response.body);
      assertGroupError(response.body, `niveau-${python}`, "Choisissez un niveau parmi « — », « Curieux·se », « Je connais » et « Expert·e ».");
      assertChecked(response.body, `niveau-${gis}-3`);
      assert.match(response.body, /Le LLM<\/textarea>/);
      assert.deepEqual(await storedProfile(db(), userId), before);
    });

    it("refuses wishes over 1,000 characters and a proposal without its category and level", async () => {
      const before = await storedProfile(db(), userId);
      const response = await member.post(step2, { [`niveau-${gis}`]: "2", learningWishes: "a".repeat(1001), proposedName: "Quarto", proposedCategory: "", proposedLevel: "9" });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Ce champ ne peut pas dépasser 1000 caractères\./);
      assertFieldError(response.body, "proposedCategory", "Choisissez la catégorie de la compétence que vous proposez.");
      assertSummaryLinksFocusable(response.body);
      assertGroupError(response.body, "proposedLevel", "Choisissez votre niveau pour la compétence que vous proposez.");
      assertFieldKept(response.body, "proposedName", "Quarto");
      assertChecked(response.body, `niveau-${gis}-2`);
      assert.deepEqual(await storedProfile(db(), userId), before);
      assert.equal((await db().select().from(skills).where(eq(skills.name, "Quarto"))).length, 0);
    });

    it("refuses to propose a skill the vocabulary already has, naming it and its category", async () => {
      const before = await storedProfile(db(), userId);
      const response = await member.post(step2, { [`niveau-${gis}`]: "2", proposedName: "QGIS", proposedCategory: "geomatics", proposedLevel: "2" });
      assert.equal(response.statusCode, 400);
      assertFieldError(
        response.body,
        "proposedName",
        "«\u00a0QGIS\u00a0» est déjà dans la liste, sous le nom «\u00a0Systèmes d’information géographique\u00a0» (Géomatique)\u00a0: choisissez votre niveau sur cette ligne.",
        "QGIS",
      );
      assertChecked(response.body, `niveau-${gis}-2`);
      assert.deepEqual(await storedProfile(db(), userId), before);
    });

    it("tells at once which skill to choose for a synonym of the vocabulary, before asking for a category or a level", async () => {
      const before = await storedProfile(db(), userId);
      const response = await member.post(step2, { [`niveau-${gis}`]: "2", proposedName: " dúckdb ", proposedCategory: "", proposedLevel: "" });
      assert.equal(response.statusCode, 400);
      assertFieldError(
        response.body,
        "proposedName",
        "«\u00a0dúckdb\u00a0» est déjà dans la liste, sous le nom «\u00a0Bases de données\u00a0» (Ingénierie des données)\u00a0: choisissez votre niveau sur cette ligne.",
        " dúckdb ",
      );
      assert.doesNotMatch(response.body, /Choisissez la catégorie de la compétence que vous proposez|Choisissez votre niveau pour la compétence que vous proposez/);
      assertFrenchSpacing(response.body);
      // The category of the skill to choose is shown open.
      assert.match(response.body, /<details class="fr-accordion skills-category" id="categorie-data-engineering" open="">/);
      assert.deepEqual(await storedProfile(db(), userId), before);
    });

    it("refuses a step without any skill at the group, keeping the input", async () => {
      const before = await storedProfile(db(), userId);
      const response = await member.post(step2, { [`niveau-${python}`]: "0", [`niveau-${gis}`]: "0", learningWishes: "Tout apprendre" });
      assert.equal(response.statusCode, 400);
      assertSummaryLinksFocusable(response.body);
      assertGroupError(response.body, "levels", "Choisissez votre niveau pour au moins une compétence, ou proposez-en une.");
      assert.match(response.body, /Tout apprendre<\/textarea>/);
      assert.deepEqual(await storedProfile(db(), userId), before);
      // Levels on skills that are not (or no longer) in the vocabulary do not count either.
      const unknown = await member.post(step2, { [`niveau-${randomUUID()}`]: "3", learningWishes: "" });
      assert.equal(unknown.statusCode, 422);
      assertGroupError(unknown.body, "levels", "Choisissez votre niveau pour au moins une compétence, ou proposez-en une.");
      assert.deepEqual(await storedProfile(db(), userId), before);
    });

    it("saves the levels, ignores unknown skills, and resumes at step 3", async () => {
      const response = await member.post(step2, { [`niveau-${python}`]: "3", [`niveau-${gis}`]: "1", [`niveau-${randomUUID()}`]: "3", "niveau-pas-un-id": "2", learningWishes: "Les LLM" });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, step3);
      const saved = await storedProfile(db(), userId);
      assert.deepEqual(new Map(saved.levels.map((row) => [row.skillId, row.level])), new Map([[python, 3], [gis, 1]]));
      assert.equal(saved.profile?.learningWishes, "Les LLM");
      assert.equal(saved.profile?.onboardingStep, 3);
      const resumed = await member.get("/rejoindre/inscription");
      assert.equal(resumed.headers.location, step3);
      // Going back shows what was saved.
      const back = await member.get(step2);
      assertChecked(back.body, `niveau-${python}-3`);
      assertChecked(back.body, `niveau-${gis}-1`);
      // The categories holding a chosen level are open, with their count.
      assert.match(back.body, /<details class="fr-accordion skills-category" id="categorie-geomatics" open=""><summary class="fr-accordion__btn">Géomatique \(1 choisie\)<\/summary>/);
      assert.match(back.body, /<details class="fr-accordion skills-category" id="categorie-nlp"><summary/);
    });
  });

  describe("step 3 refuses bad input at the field, keeps it, and stores nothing", () => {
    let member: HttpSession;
    let userId: string;
    before(async () => {
      member = await signInOverHttp(platform, "etape.trois@insee.fr");
      userId = await userIdOf(db(), "etape.trois@insee.fr");
      assert.equal((await member.post(step1, { ...validStep1, givenName: "Étape", usualName: "Trois" })).statusCode, 303);
      assert.equal((await member.post(step2, { [`niveau-${await skillIdOf(db(), "python")}`]: "2", learningWishes: "" })).statusCode, 303);
    });

    const cases: { name: string; fields: Record<string, string>; field: string; message: string; kept?: string; kind?: "group" | "checkbox" }[] = [
      { name: "no availability", fields: { ...validStep3, availability: "" }, field: "availability", message: "Choisissez votre disponibilité." },
      { name: "a bio over 600 characters", fields: { ...validStep3, bio: "é".repeat(601) }, field: "bio", message: "Ce champ ne peut pas dépasser 600 caractères." },
      { name: "a forge address in http", fields: { ...validStep3, forgeUrl: "http://github.com/moi" }, field: "forgeUrl", message: forgeUrlMessage, kept: "http://github.com/moi" },
      { name: "a forge address in ftp", fields: { ...validStep3, forgeUrl: "ftp://github.com/moi" }, field: "forgeUrl", message: forgeUrlMessage, kept: "ftp://github.com/moi" },
      { name: "a forge address that is no address", fields: { ...validStep3, forgeUrl: "mon github" }, field: "forgeUrl", message: forgeUrlMessage, kept: "mon github" },
      { name: "a javascript: forge address", fields: { ...validStep3, forgeUrl: "javascript:alert(1)" }, field: "forgeUrl", message: forgeUrlMessage, kept: "javascript:alert(1)" },
      { name: "a Tchap id without its server", fields: { ...validStep3, tchapId: "@ines" }, field: "tchapId", message: "Indiquez votre identifiant Tchap sous la forme @nom:serveur, par exemple @prenom.nom-insee.fr:agent.finances.tchap.gouv.fr.", kept: "@ines" },
      { name: "a manager address that is not one", fields: { ...validStep3, managerEmail: "chef@" }, field: "managerEmail", message: "Indiquez une adresse électronique valide, par exemple prenom.nom@ministere.gouv.fr.", kept: "chef@" },
      { name: "an unknown visibility", fields: { ...validStep3, visibility: "everyone" }, field: "visibility", message: "Choisissez qui peut voir votre profil.", kind: "group" },
      { name: "the charter not accepted", fields: { ...validStep3, charter: "" }, field: "charter", message: "Acceptez la charte du programme pour rejoindre la communauté.", kind: "checkbox" },
    ];
    for (const invalid of cases) {
      it(`refuses ${invalid.name}`, async () => {
        const before = await storedProfile(db(), userId);
        const response = await member.post(step3, { ...invalid.fields, managerName: "Chef <b>Service</b>" });
        assert.equal(response.statusCode, 400);
        if (invalid.kind === "group") assertGroupError(response.body, invalid.field, invalid.message);
        else if (invalid.kind === "checkbox") assertCheckboxError(response.body, invalid.field, invalid.message);
        else assertFieldError(response.body, invalid.field, invalid.message, invalid.kept);
        assertSummaryLinksFocusable(response.body);
        assertFrenchSpacing(response.body);
        assertFieldKept(response.body, "managerName", "Chef <b>Service</b>");
        assert.ok(!response.body.includes("<b>Service</b>"), "la saisie doit être échappée");
        if (invalid.field !== "visibility") assertChecked(response.body, "visibility-members");
        if (invalid.field !== "charter") assertChecked(response.body, "charter");
        assert.deepEqual(await storedProfile(db(), userId), before);
      });
    }

    it("links to the programme's charter in a new window announced in the link's title", async () => {
      const page = await member.get(step3);
      assert.equal(page.statusCode, 200);
      assert.match(
        page.body,
        /<a class="fr-link" href="\/programme\/charte" target="_blank" rel="noopener" title="Lire la charte du programme 10\u00a0% – nouvelle fenêtre">Lire la charte du programme 10\u00a0%<\/a>/,
      );
    });

    it("joins the member when the charter is accepted and lands on the profile with a welcome", async () => {
      const response = await member.post(step3, {
        ...validStep3,
        bio: "Statisticienne.",
        forgeUrl: "github.com/etape-trois",
        tchapId: "@Etape.Trois-insee.fr:agent.finances.tchap.gouv.fr",
        managerName: "Cheffe de service",
        managerEmail: "Cheffe.Service@insee.fr",
        visibility: "programme_team",
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, "/annuaire/etape-trois?bienvenue=1");
      const saved = await storedProfile(db(), userId);
      assert.ok(saved.profile?.joinedAt instanceof Date);
      assert.ok(saved.profile?.charterAcceptedAt instanceof Date);
      assert.equal(saved.profile?.onboardingStep, 4);
      assert.equal(saved.profile?.forgeUrl, "https://github.com/etape-trois", "https:// is added to an address typed without it");
      assert.equal(saved.profile?.tchapId, "@etape.trois-insee.fr:agent.finances.tchap.gouv.fr");
      assert.equal(saved.profile?.managerEmail, "cheffe.service@insee.fr");
      assert.equal(saved.profile?.visibility, "programme_team");
      const profile = await member.get(response.headers.location!);
      assert.equal(profile.statusCode, 200);
      assert.match(profile.body, /Bienvenue dans la communauté du Programme 10\u00a0%\u00a0!/);
      assertFrenchSpacing(profile.body);
      // Once joined, the wizard leads to the profile and its steps to the edit page.
      assert.equal((await member.get("/rejoindre/inscription")).headers.location, "/annuaire/etape-trois");
      assert.equal((await member.get(step1)).headers.location, "/annuaire/etape-trois/modifier");
      assert.equal((await member.post(step3, validStep3, { formPage: "/annuaire/etape-trois" })).headers.location, "/annuaire/etape-trois/modifier");
    });
  });
});

function assertFieldKept(html: string, id: string, value: string) {
  const escaped = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  assert.ok(html.includes(`id="${id}"`) && new RegExp(`id="${id}"[^>]*value="${escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`).test(html), `saisie non conservée dans ${id}`);
}
