import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { profiles, users } from "../../db/schema/index.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { assertChecked, assertFrenchSpacing, assertGroupError, assertSummaryLinksFocusable, skillIdOf, storedProfile, userIdOf } from "./people-test-support.ts";

let platform: TestPlatform;
const db = () => platform.database.db;

/** Léa Chevalier chose « Visible de l’équipe du programme seulement » in the demo. */
const hiddenEmail = "lea.chevalier@santepubliquefrance.fr";

/** Demo projects' titles are imported content, shown as they are. */
const projectTitles = ["Transformers : Une IA open-source pour l’analyse de texte par les administrations", "Créer des applications et des documents conformes au design system de l'Etat avec R : gouvdown et shinygouv"];
const assertTypography = (html: string) => assertFrenchSpacing(html, projectTitles);

const presentation = { section: "3", availability: "one_half_day_per_month", bio: "Data scientist à l’Insee.", forgeUrl: "", tchapId: "", managerName: "Olivier Dumas", managerEmail: "olivier.dumas@insee.fr", visibility: "members" };

describe("profiles in the directory", () => {
  let ines: HttpSession;
  let thomas: HttpSession;
  let team: HttpSession;

  before(async () => {
    platform = await startTestPlatform();
    ines = await signInOverHttp(platform, "ines.benali@insee.fr");
    thomas = await signInOverHttp(platform, "thomas.leroy@ign.fr");
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
  });
  after(async () => {
    await platform.stop();
  });

  describe("the profile page", () => {
    it("sends an anonymous visitor to sign in", async () => {
      const response = await httpSessionOn(platform).get("/annuaire/ines-benali");
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, "/connexion?retour=%2Fannuaire%2Fines-benali");
    });

    it("shows a member the organisation path, job, skills by level with links, participations and e-mail, not the manager", async () => {
      const response = await thomas.get("/annuaire/ines-benali");
      assert.equal(response.statusCode, 200);
      const html = response.body;
      assert.match(html, /<h1[^>]*>Inès Benali<\/h1>/);
      assert.match(html, /Data scientist — Ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique › Insee/);
      const expert = html.indexOf(">Expert·e</h3>");
      const knows = html.indexOf(">Je connais</h3>");
      const curious = html.indexOf(">Curieux·se</h3>");
      assert.ok(expert > 0 && knows > expert && curious > knows, "niveaux dans l’ordre Expert·e, Je connais, Curieux·se");
      const python = html.indexOf('href="/annuaire/competences/python"');
      assert.ok(python > expert && python < knows, "Python est une compétence experte d’Inès");
      assert.match(html, /<a class="fr-tag" href="\/annuaire\/competences\/python">Python<\/a>/);
      assert.match(html, /Saison 2023\u00a0: <a href="\/projets\/transformers">Transformers : Une IA open-source pour l’analyse de texte par les administrations<\/a> \(Porteuse du projet\)/);
      assert.match(html, /Saison 2022\u00a0: <a href="\/projets\/annotation">Pseudonymisation de documents textuels<\/a>/);
      assert.match(html, /href="mailto:ines.benali@insee.fr"/);
      assert.match(html, /Mettre en production des modèles/);
      assert.match(html, /2 demi-journées par mois \(10\u00a0%\)/);
      assertTypography(html);
      assert.doesNotMatch(html, /olivier\.dumas@insee\.fr/);
      assert.doesNotMatch(html, /Olivier Dumas/);
      assert.doesNotMatch(html, /Modifier ce profil|Modifier mon profil/);
    });

    it("shows the manager to the owner and to the programme team", async () => {
      for (const viewer of [ines, team]) {
        const html = (await viewer.get("/annuaire/ines-benali")).body;
        assert.match(html, /Olivier Dumas/);
        assert.match(html, /olivier\.dumas@insee\.fr/);
        assertTypography(html);
      }
      assert.match((await ines.get("/annuaire/ines-benali")).body, /Modifier mon profil/);
      assert.match((await team.get("/annuaire/ines-benali")).body, /Modifier ce profil/);
    });

    it("answers 404 to another member for a profile kept for the programme team, 200 to the team and to its owner", async () => {
      const hidden = await storedProfile(db(), await userIdOf(db(), hiddenEmail));
      const path = `/annuaire/${hidden.profile!.slug as string}`;
      const byMember = await thomas.get(path);
      assert.equal(byMember.statusCode, 404);
      assert.doesNotMatch(byMember.body, /Chevalier/);
      const byId = await thomas.get(`/annuaire/${await userIdOf(db(), hiddenEmail)}`);
      assert.equal(byId.statusCode, 404);
      assert.doesNotMatch(byId.body, /Chevalier/);
      const byTeam = await team.get(path);
      assert.equal(byTeam.statusCode, 200);
      assert.match(byTeam.body, /Léa Chevalier/);
      assert.match(byTeam.body, /Profil visible de l’équipe du programme seulement/);
      const owner = await signInOverHttp(platform, hiddenEmail);
      assert.equal((await owner.get(path)).statusCode, 200);
    });

    it("answers 404 to another member for a profile still in the wizard, and for an unknown address", async () => {
      const newcomer = await signInOverHttp(platform, "en.cours@insee.fr");
      assert.equal((await newcomer.post("/rejoindre/inscription/etape-1", { givenName: "En", usualName: "Cours", organisationId: "", unlistedOrganisation: "Insee Occitanie", jobFamily: "other" })).statusCode, 303);
      assert.equal((await thomas.get("/annuaire/en-cours")).statusCode, 404);
      assert.equal((await team.get("/annuaire/en-cours")).statusCode, 200);
      const own = await newcomer.get("/annuaire/en-cours");
      assert.equal(own.statusCode, 200);
      assert.match(own.body, /Votre inscription n’est pas terminée/);
      assertTypography(own.body);
      assert.equal((await thomas.get("/annuaire/personne-inconnue")).statusCode, 404);
      assert.equal((await thomas.get(`/annuaire/${"x".repeat(500)}`)).statusCode, 404);
      for (const hostile of ["%C3%A9%F0%9F%98%80", "Ines-Benali", "..%2F..%2Fcompte"]) {
        assert.equal((await thomas.get(`/annuaire/${hostile}`)).statusCode, 404, hostile);
        assert.equal((await thomas.get(`/annuaire/${hostile}/modifier`)).statusCode, 404, `${hostile}/modifier`);
      }
      for (const withNul of ["%00", "a%00b"]) {
        assert.equal((await thomas.get(`/annuaire/${withNul}`)).statusCode, 400, withNul);
      }
    });

    it("leads from an account id to the readable address", async () => {
      const response = await thomas.get(`/annuaire/${await userIdOf(db(), "ines.benali@insee.fr")}`);
      assert.equal(response.statusCode, 301);
      assert.equal(response.headers.location, "/annuaire/ines-benali");
    });

    it("shows a proposed skill, marked « proposée », to its proposer and the team only", async () => {
      assert.match((await thomas.get("/annuaire/thomas-leroy")).body, /Lidar \(proposée\)/);
      assert.match((await team.get("/annuaire/thomas-leroy")).body, /Lidar \(proposée\)/);
      assert.doesNotMatch((await ines.get("/annuaire/thomas-leroy")).body, /Lidar/);
    });
  });

  describe("editing a profile", () => {
    it("sends an anonymous visitor to sign in and refuses an anonymous form with a 401", async () => {
      const anonymous = httpSessionOn(platform);
      assert.equal((await anonymous.get("/annuaire/ines-benali/modifier")).statusCode, 303);
      assert.equal((await anonymous.post("/annuaire/ines-benali/modifier", presentation, { formPage: "/connexion" })).statusCode, 401);
    });

    it("refuses another member with a 403 and changes nothing", async () => {
      const inesId = await userIdOf(db(), "ines.benali@insee.fr");
      const before = await storedProfile(db(), inesId);
      assert.equal((await thomas.get("/annuaire/ines-benali/modifier")).statusCode, 403);
      const posted = await thomas.post("/annuaire/ines-benali/modifier", { ...presentation, bio: "Piraté" }, { formPage: "/annuaire/thomas-leroy/modifier" });
      assert.equal(posted.statusCode, 403);
      assert.deepEqual(await storedProfile(db(), inesId), before);
    });

    it("answers 404 to a member who tries to edit a profile hidden from them", async () => {
      const hidden = await storedProfile(db(), await userIdOf(db(), hiddenEmail));
      assert.equal((await thomas.get(`/annuaire/${hidden.profile!.slug as string}/modifier`)).statusCode, 404);
    });

    it("shows the owner the wizard's three sections with what is stored", async () => {
      const response = await ines.get("/annuaire/ines-benali/modifier");
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<h1>Modifier mon profil<\/h1>/);
      for (const title of ["Votre organisation et votre métier", "Vos compétences et envies", "Vous présenter"]) assert.match(response.body, new RegExp(`<h2 id="[a-z-]+">${title}</h2>`));
      assertChecked(response.body, "jobFamily-data_scientist");
      assertChecked(response.body, `niveau-${await skillIdOf(db(), "python")}-3`);
      assertChecked(response.body, "visibility-members");
      assert.doesNotMatch(response.body, /name="charter"/, "la charte est déjà acceptée");
      assertTypography(response.body);
      assert.equal(response.body.split("Sauf mention contraire, tous les champs sont obligatoires.").length - 1, 3, "une mention par formulaire");
    });

    it("refuses a bad level at its skill, keeping the section's input and the other sections as stored", async () => {
      const inesId = await userIdOf(db(), "ines.benali@insee.fr");
      const before = await storedProfile(db(), inesId);
      const python = await skillIdOf(db(), "python");
      const sql = await skillIdOf(db(), "sql");
      const response = await ines.post("/annuaire/ines-benali/modifier", { section: "2", [`niveau-${python}`]: "-1", [`niveau-${sql}`]: "3", learningWishes: "" });
      assert.equal(response.statusCode, 400);
      assertSummaryLinksFocusable(response.body);
      assertTypography(response.body);
      assertGroupError(response.body, `niveau-${python}`, "Choisissez un niveau parmi « — », « Curieux·se », « Je connais » et « Expert·e ».");
      assertChecked(response.body, `niveau-${sql}-3`);
      assertChecked(response.body, "jobFamily-data_scientist");
      assert.deepEqual(await storedProfile(db(), inesId), before);
    });

    it("saves one section for its owner and leaves the others as they were", async () => {
      const inesId = await userIdOf(db(), "ines.benali@insee.fr");
      const before = await storedProfile(db(), inesId);
      const response = await ines.post("/annuaire/ines-benali/modifier", presentation);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, "/annuaire/ines-benali?enregistre=1");
      const after = await storedProfile(db(), inesId);
      assert.equal(after.profile?.availability, "one_half_day_per_month");
      assert.equal(after.profile?.bio, "Data scientist à l’Insee.");
      assert.deepEqual(after.levels, before.levels);
      assert.deepEqual(after.profile?.joinedAt, before.profile?.joinedAt);
      const saved = (await ines.get(response.headers.location!)).body;
      assert.match(saved, /Le profil est enregistré\./);
      assertTypography(saved);
    });

    it("lets the programme team edit another member's profile, names included", async () => {
      const response = await team.post("/annuaire/thomas-leroy/modifier", {
        section: "1",
        givenName: "Thomas",
        usualName: "Le Roy",
        organisationId: "",
        unlistedOrganisation: "École nationale des sciences géographiques",
        jobFamily: "data_engineer",
      });
      assert.equal(response.statusCode, 303);
      const [account] = await db().select({ usualName: users.usualName, organisationId: users.organisationId }).from(users).where(eq(users.email, "thomas.leroy@ign.fr"));
      assert.equal(account?.usualName, "Le Roy");
      assert.equal(account?.organisationId, null);
      // The address stays: links to it keep working.
      const [profile] = await db().select({ slug: profiles.slug, unlistedOrganisation: profiles.unlistedOrganisation }).from(profiles).where(eq(profiles.userId, await userIdOf(db(), "thomas.leroy@ign.fr")));
      assert.equal(profile?.slug, "thomas-leroy");
      assert.equal(profile?.unlistedOrganisation, "École nationale des sciences géographiques");
      assert.match((await ines.get("/annuaire/thomas-leroy")).body, /Data engineer — École nationale des sciences géographiques<\/p>/);
    });

    it("sends a member who has not finished joining back to the wizard", async () => {
      const newcomer = await signInOverHttp(platform, "pas.fini@insee.fr");
      assert.equal((await newcomer.post("/rejoindre/inscription/etape-1", { givenName: "Pas", usualName: "Fini", organisationId: "", unlistedOrganisation: "Insee Occitanie", jobFamily: "other" })).statusCode, 303);
      const response = await newcomer.get("/annuaire/pas-fini/modifier");
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, "/rejoindre/inscription/etape-2");
    });
  });
});
