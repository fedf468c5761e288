import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { agreements, agreementThirdSignatories, eventRegistrations, events, projects, timeEntries } from "../../../db/schema/index.ts";
import { organisationLookup } from "../../organisations/api.ts";
import { assertFieldError, escapeHtml } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing, visibleText } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission, csrfTokenIn } from "../../../../tests/support/http.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createTenPercentSeason, insertAgreement, type SignedInPerson, signedInPerson } from "../ten-percent-test-support.ts";
import { seasonTimeTotals } from "./season-time-totals.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-05-20T10:00:00Z") };
const db = () => platform.database.db;

describe("the programme team's follow-up of the agreements", () => {
  let programme: SignedInPerson;
  let member: SignedInPerson;
  let seasonId: string;
  let insee: { id: string; ministryId: string; ministryName: string };
  let ign: { id: string; ministryId: string; ministryName: string };
  let aliceAgreement: string;

  before(async () => {
    platform = await startTestPlatform({ clock });
    seasonId = await createTenPercentSeason(db());
    await createTenPercentSeason(db(), "2032");
    const hierarchy = await organisationLookup.listHierarchy(db());
    const find = (acronym: string) => {
      const organisation = hierarchy.find((candidate) => candidate.acronym?.toUpperCase() === acronym)!;
      const ministry = hierarchy.find((candidate) => candidate.id === organisation.ministryId)!;
      return { id: organisation.id, ministryId: ministry.id, ministryName: ministry.name };
    };
    insee = find("INSEE");
    ign = find("IGN");
    assert.notEqual(insee.ministryId, ign.ministryId);
    programme = await signedInPerson(platform, "camille.martin@numerique.gouv.fr");
    member = await signedInPerson(platform, "ines.benali@insee.fr");
    const alice = await signedInPerson(platform, "alice.admin@insee.fr", { organisationId: insee.id });
    const bruno = await signedInPerson(platform, "bruno.admin@ign.fr", { organisationId: ign.id });
    const chloe = await signedInPerson(platform, "chloe.admin@insee.fr", { organisationId: insee.id });
    const emile = await signedInPerson(platform, "emile.admin@ign.fr", { organisationId: ign.id });
    const [cartiflette] = await db().insert(projects).values({ slug: "cartiflette-admin", title: "Cartiflette" }).returning({ id: projects.id });
    aliceAgreement = await insertAgreement(db(), { userId: alice.id, seasonId, memberName: "Alice Admin", managerName: "Paul Manager", managerEmail: "paul.manager@insee.fr" });
    await insertAgreement(db(), { userId: bruno.id, seasonId, memberName: "Bruno Admin", managerEmail: "marie.cheffe@ign.fr", managerName: "Marie Cheffe" });
    await insertAgreement(db(), { userId: chloe.id, seasonId, status: "sent", memberName: "Chloé Attente" });
    const emileAgreement = await insertAgreement(db(), { userId: emile.id, seasonId, memberName: "Émile Fini", managerEmail: "marie.cheffe@ign.fr" });
    await db().update(agreements).set({ status: "ended", endedOn: "2031-03-31", endedBy: "member" }).where(eq(agreements.id, emileAgreement));
    const [workshop] = await db()
      .insert(events)
      .values({ slug: "atelier-admin-2031-04-08", kind: "atelier", title: "Atelier d’avril", startsAt: new Date("2031-04-08T07:00:00Z"), endsAt: new Date("2031-04-08T15:00:00Z") })
      .returning({ id: events.id });
    await db().insert(eventRegistrations).values({ eventId: workshop!.id, userId: alice.id, mode: "in_person", status: "confirmed", checkInToken: "admin-alice", attendedAt: new Date("2031-04-08T07:05:00Z") });
    await db().insert(timeEntries).values([
      { userId: alice.id, workedOn: "2031-04-10", halfDays: 2, projectId: cartiflette!.id, description: "Cartes" },
      { userId: alice.id, workedOn: "2031-05-02", halfDays: 1, description: "Lecture" },
      { userId: bruno.id, workedOn: "2031-04-11", halfDays: 1, projectId: cartiflette!.id, description: "Tests" },
      { userId: chloe.id, workedOn: "2031-04-11", halfDays: 2, projectId: cartiflette!.id, description: "En attente : pas compté" },
      { userId: emile.id, workedOn: "2031-02-11", halfDays: 1, projectId: cartiflette!.id, description: "Avant la fin" },
      { userId: emile.id, workedOn: "2031-04-15", halfDays: 2, projectId: cartiflette!.id, description: "Après la fin : pas compté" },
    ]);
  });
  after(async () => {
    await platform.stop();
  });

  it("refuses every page and form to a member (403)", async () => {
    for (const path of ["/admin/conventions", "/admin/conventions/temps", "/admin/conventions/temps.csv", "/admin/conventions/signataires"]) assertRefusedByPermission(await member.http.get(path), 403);
    const csrf = csrfTokenIn((await member.http.get("/contact")).body);
    assertRefusedByPermission(await member.http.post("/admin/conventions/signataires", { ministryId: insee.ministryId, kind: "hr", name: "RH", email: "rh@insee.fr" }, { csrf }), 403);
    assertRefusedByPermission(await member.http.post("/admin/conventions/signataires/supprimer", { ministryId: insee.ministryId }, { csrf }), 403);
    assert.equal((await db().select().from(agreementThirdSignatories)).length, 0);
  });

  it("lists the season's agreements with ministry, manager, status and used / budget, filtered by status", async () => {
    const response = await programme.http.get("/admin/conventions?saison=2031");
    assert.equal(response.statusCode, 200);
    const text = visibleText(response.body);
    assert.match(text, new RegExp(`Alice Admin ${insee.ministryName} Paul Manager paul\\.manager@insee\\.fr Acceptée 5\u00a0/\u00a024`));
    assert.match(text, /Chloé Attente .* En attente de signature/);
    assert.match(text, /Convention d’Alice Admin Temps d’Alice Admin/, "« de » elided before a vowel");
    assert.match(text, /Convention de Bruno Admin/);
    assert.match(text, /Émile Fini .* Terminée 1\u00a0\/\u00a06/, "ended on 31 March: January to March");
    assert.match(response.body, new RegExp(`href="/conventions/${aliceAgreement}"`));
    assertFrenchSpacing(response.body);
    const filtered = visibleText((await programme.http.get("/admin/conventions?saison=2031&etat=sent")).body);
    assert.match(filtered, /Chloé Attente/);
    assert.doesNotMatch(filtered, /Alice Admin/);
    assert.match(visibleText((await programme.http.get("/admin/conventions?saison=2032")).body), /Aucune convention dans cette saison/);
    assert.equal((await programme.http.get("/admin/conventions?saison=1999")).statusCode, 404);
    assert.equal((await programme.http.get("/admin/conventions?saison=2031&etat=n-importe-quoi")).statusCode, 200);
  });

  it("totals the half-days given under an agreement by ministry and by project, in bulk, with the CSV", async () => {
    const totals = await seasonTimeTotals(db(), seasonId);
    // Alice: workshop of a day (2) + Cartiflette (2) + no project (1) = 5; Bruno: 1; Émile: 1 before his end; Chloé (pending): not counted.
    assert.equal(totals.halfDays, 7);
    assert.equal(totals.members, 3);
    assert.deepEqual(
      totals.byMinistry.map((row) => [row.name, row.halfDays, row.members]),
      [
        [insee.ministryName, 5, 1],
        [ign.ministryName, 2, 2],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
    assert.deepEqual(
      totals.byProject.map((row) => [row.title, row.halfDays, row.members]),
      [
        ["Cartiflette", 4, 3],
        ["Événements du programme", 2, 1],
        ["Sans projet", 1, 1],
      ],
    );
    const page = await programme.http.get("/admin/conventions/temps?saison=2031");
    assert.equal(page.statusCode, 200);
    assert.match(visibleText(page.body), /7\u00a0demi-journées données par 3\u00a0membres sous convention/);
    assertFrenchSpacing(page.body);
    const csv = await programme.http.get("/admin/conventions/temps.csv?saison=2031");
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers["content-type"]), /text\/csv/);
    assert.match(csv.body, /Projet;Cartiflette;4;3/);
    assert.match(csv.body, new RegExp(`Ministère;${insee.ministryName.replace(/[()]/g, ".")};5;1`));
    assert.match(csv.body, /Total;Saison 2031;7;3/);
  });

  it("sets a ministry's third signatory (form errors kept), replaces it, and removes it", async () => {
    const form = "/admin/conventions/signataires";
    const refused = await programme.http.post(form, { ministryId: insee.ministryId, kind: "boss", name: "", email: "pas-une-adresse" });
    assert.equal(refused.statusCode, 400);
    assertFieldError(refused.body, "name", "Indiquez le nom du ou de la signataire.");
    assertFieldError(refused.body, "email", "Indiquez une adresse électronique valide, au format prenom.nom@ministere.gouv.fr.", "pas-une-adresse");
    assert.match(visibleText(refused.body), /Choisissez le rôle du ou de la signataire/);
    const personal = await programme.http.post(form, { ministryId: insee.ministryId, kind: "hr", name: "Rose Humaine", email: "rose.humaine@gmail.com" });
    assert.equal(personal.statusCode, 400, "a personal address is refused: a public body's only");
    assertFieldError(personal.body, "email", "Indiquez une adresse professionnelle d’un organisme public.", "rose.humaine@gmail.com");
    assertFieldError((await programme.http.post(form, { ministryId: insee.ministryId, kind: "boss", name: "Rose", email: "rose@gmail.com" })).body, "email", "Indiquez une adresse professionnelle d’un organisme public.", "rose@gmail.com");
    assert.equal((await db().select().from(agreementThirdSignatories)).length, 0);
    assert.equal((await programme.http.post(form, { ministryId: insee.id === insee.ministryId ? "00000000-0000-4000-8000-000000000000" : insee.id, kind: "hr", name: "RH", email: "rh@insee.fr" })).statusCode, 400, "not a ministry");

    const saved = await programme.http.post(form, { ministryId: insee.ministryId, kind: "hr", name: "Rose Humaine", email: "Rose.Humaine@finances.gouv.fr" });
    assert.equal(saved.statusCode, 303);
    const replaced = await programme.http.post(form, { ministryId: insee.ministryId, kind: "amd", name: "Amandine Données", email: "amd@finances.gouv.fr" });
    assert.equal(replaced.statusCode, 303);
    const rows = await db().select().from(agreementThirdSignatories);
    assert.deepEqual(
      rows.map((row) => [row.ministryId, row.kind, row.name, row.email]),
      [[insee.ministryId, "amd", "Amandine Données", "amd@finances.gouv.fr"]],
    );
    const list = await programme.http.get(`${form}?enregistre=1`);
    assert.match(visibleText(list.body), new RegExp(`${insee.ministryName.replace(/[()]/g, ".")} Administrateur ou administratrice ministériel·le des données Amandine Données`));
    assertFrenchSpacing(list.body);
    assert.ok(list.body.includes(`Retirer<span class="fr-sr-only"> le ou la signataire de ${escapeHtml(insee.ministryName)}</span>`), "the button names its ministry for screen readers");

    assert.equal((await programme.http.post(`${form}/supprimer`, { ministryId: insee.ministryId }, { formPage: form })).statusCode, 303);
    assert.equal((await db().select().from(agreementThirdSignatories)).length, 0);
    assert.equal((await programme.http.post(`${form}/supprimer`, { ministryId: insee.ministryId }, { formPage: form })).statusCode, 404);
    assert.equal((await programme.http.post(`${form}/supprimer`, { ministryId: "------------------------------------" }, { formPage: form })).statusCode, 404);
  });
});
