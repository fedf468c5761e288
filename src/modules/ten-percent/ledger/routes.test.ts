import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { eventRegistrations, events, projects, teamMembers, timeEntries } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing, visibleText } from "../../../../tests/support/french-typography.ts";
import { csrfTokenIn } from "../../../../tests/support/http.ts";
import { httpSessionOn } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createTenPercentSeason, insertAgreement, type SignedInPerson, signedInPerson } from "../ten-percent-test-support.ts";

// 20 May 2031, in the 2031 season: May is open, April closed on 10 May.
let now = new Date("2031-05-20T10:00:00Z");
const clock = { now: () => now };
let platform: TestPlatform;
const db = () => platform.database.db;
const page = "/mon-10-pourcent/temps";

function linesOf(userId: string) {
  return db().select().from(timeEntries).where(eq(timeEntries.userId, userId));
}

/** The row of the month table whose heading is `month` (« Mai 2031 »). */
function monthRow(html: string, month: string): string {
  const at = html.indexOf(`<th scope="row">${month}</th>`);
  assert.ok(at >= 0, `pas de ligne ${month}`);
  return html.slice(at, html.indexOf("</tr>", at));
}

describe("« Mon temps »: the member's ledger, declared work and the budget of their agreement", () => {
  let member: SignedInPerson;
  let other: SignedInPerson;
  let projectId: string;

  before(async () => {
    platform = await startTestPlatform({ clock });
    const seasonId = await createTenPercentSeason(db());
    member = await signedInPerson(platform, "temps.membre@insee.fr", { givenName: "Inès", usualName: "Membre" });
    other = await signedInPerson(platform, "temps.autre@ign.fr");
    const [project] = await db().insert(projects).values({ slug: "temps-cartiflette", title: "Cartiflette" }).returning({ id: projects.id });
    projectId = project!.id;
    await db().insert(projects).values({ slug: "temps-datanomyme", title: "Datanomyme" });
    await db().insert(teamMembers).values({ seasonId, projectId, userId: member.id, role: "contributor", source: "named" });
    await insertAgreement(db(), { userId: member.id, seasonId, memberEmail: member.email });
    // A three-hour workshop of 6 May the member was checked in at: one half-day.
    const [workshop] = await db()
      .insert(events)
      .values({ slug: "atelier-de-mai", kind: "atelier", title: "Atelier de mai", startsAt: new Date("2031-05-06T12:00:00Z"), endsAt: new Date("2031-05-06T15:00:00Z"), inPersonCapacity: 20 })
      .returning({ id: events.id });
    await db().insert(eventRegistrations).values({ eventId: workshop!.id, userId: member.id, mode: "in_person", status: "confirmed", checkInToken: "temps-jeton-membre", attendedAt: new Date("2031-05-06T12:05:00Z") });
  });
  after(async () => {
    await platform.stop();
  });

  it("asks a visitor to sign in, and answers 404 for an unknown season", async () => {
    const anonymous = await httpSessionOn(platform).get(page);
    assert.ok([302, 303].includes(anonymous.statusCode), String(anonymous.statusCode));
    assert.match(anonymous.headers.location as string, /^\/connexion/);
    assert.equal((await member.http.get(`${page}?saison=1999`)).statusCode, 404);
  });

  it("says when there is no agreement, with a link to prepare it, and still shows the ledger", async () => {
    const response = await other.http.get(page);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Pas de convention 10\u00a0% pour cette saison/);
    assert.match(response.body, /href="\/mon-10-pourcent\/convention"/);
    assert.match(response.body, /Aucun événement émargé cette saison\./);
    assert.match(response.body, /Déclarer du temps/);
  });

  it("shows the workshop checked in against the budget, with the season's total and each month's state", async () => {
    const response = await member.http.get(page);
    assert.equal(response.statusCode, 200);
    assertFrenchSpacing(response.body);
    assert.match(response.body, /Acceptée|acceptée/);
    assert.match(response.body, /Utilisé sur la saison\u00a0: 1\u00a0demi-journée sur un budget de 24\u00a0demi-journées\./);
    assert.match(response.body, /<a href="\/evenements\/atelier-de-mai">Atelier de mai<\/a>/);
    assert.match(response.body, /relevé à l’émargement/);
    assert.match(monthRow(response.body, "Mai 2031"), /<td>1\u00a0demi-journée<\/td><td>0\u00a0demi-journée<\/td><td>1\u00a0demi-journée<\/td><td>2\u00a0demi-journées<\/td><td>ouvert<\/td>/);
    assert.match(monthRow(response.body, "Avril 2031"), /<td>clos<\/td>/);
    assert.ok(!response.body.includes('<th scope="row">Juin 2031</th>'), "months to come are not listed with « 0 demi-journée »");
    assert.match(visibleText(response.body), /Les mois à venir apparaîtront au fil de la saison\./);
    assert.match(response.body, /<caption>Temps par mois, saison 2031<\/caption>/, "« saison » in lower case mid-sentence");
    assert.ok(response.body.indexOf('id="declarer"') < response.body.indexOf("<caption>Temps par mois"), "the declaration form comes before the month table");
    assert.match(visibleText(response.body), /Accueil Mon compte Mon 10\u00a0% Mon temps/, "breadcrumb through « Mon 10 % »");
    assert.match(response.body, /Date du travail/);
    assert.doesNotMatch(response.body, /Au format jj\/mm\/aaaa/, "a date picker needs no format hint");
    assert.match(response.body, /<option value="[0-9a-f-]{36}">Cartiflette<\/option>/);
    assert.doesNotMatch(response.body, /Datanomyme/, "only the projects of the member's teams");
    assert.match(response.body, /<option value="sans-projet">Sans projet précis<\/option>/);
  });

  it("refuses a bad declaration in French next to each field, keeping the input and storing nothing (400)", async () => {
    const empty = await member.http.post(page, { workedOn: "", length: "", projectId: "", description: "  " }, { formPage: page });
    assert.equal(empty.statusCode, 400);
    assertFieldError(empty.body, "workedOn", "Indiquez la date.");
    assertFieldError(empty.body, "projectId", "Choisissez un projet de la liste, ou «\u00a0Sans projet précis\u00a0».");
    assertFieldError(empty.body, "description", "Indiquez ce que vous avez fait, en une ligne.");
    assert.match(empty.body, /Choisissez une demi-journée ou une journée\./);

    const cases: [Record<string, string>, string, string][] = [
      [{ workedOn: "2031-05-21" }, "workedOn", "La date ne peut pas être dans le futur."],
      [{ workedOn: "2031-02-30" }, "workedOn", "Indiquez une date valide, au format jj/mm/aaaa."],
      [{ workedOn: "2031-04-20" }, "workedOn", "Ce mois est clos\u00a0: il n’est plus possible d’y déclarer du temps."],
      [{ description: "Une ligne\npuis une autre" }, "description", "Écrivez une seule ligne, sans retour à la ligne."],
      [{ description: "x".repeat(201) }, "description", "Ce champ ne peut pas dépasser 200 caractères."],
      [{ projectId: "00000000-0000-4000-8000-000000000000" }, "projectId", "Choisissez un projet de la liste, ou «\u00a0Sans projet précis\u00a0»."],
    ];
    for (const [change, field, message] of cases) {
      const response = await member.http.post(page, { workedOn: "2031-05-12", length: "demi-journee", projectId, description: "Revue du schéma", ...change }, { formPage: page });
      assert.equal(response.statusCode, 400, message);
      assertFieldError(response.body, field, message);
    }
    const kept = await member.http.post(page, { workedOn: "2031-05-21", length: "journee", projectId, description: "Revue du schéma" }, { formPage: page });
    assertFieldError(kept.body, "workedOn", "La date ne peut pas être dans le futur.", "2031-05-21");
    assert.match(kept.body, /<input(?=[^>]*id="length-journee")(?=[^>]*checked="")[^>]*>/);
    assert.match(kept.body, /value="Revue du schéma"/);
    assert.deepEqual(await linesOf(member.id), []);
  });

  it("declares a half-day: the month reaches its budget and the page says it, a ceiling and not a target", async () => {
    const response = await member.http.post(page, { workedOn: "2031-05-12", length: "demi-journee", projectId, description: "Revue du schéma de données" }, { formPage: page });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `${page}?saison=2031&fait=declaree`);
    const [line] = await linesOf(member.id);
    assert.deepEqual({ workedOn: line!.workedOn, halfDays: line!.halfDays, projectId: line!.projectId, description: line!.description }, { workedOn: "2031-05-12", halfDays: 1, projectId, description: "Revue du schéma de données" });

    const ledger = await member.http.get(response.headers.location as string);
    assert.match(ledger.body, /Votre temps est ajouté au registre\./);
    assert.match(monthRow(ledger.body, "Mai 2031"), /<td>1\u00a0demi-journée<\/td><td>1\u00a0demi-journée<\/td><td>2\u00a0demi-journées<\/td><td>2\u00a0demi-journées<\/td>/);
    assert.match(ledger.body, /Vous avez atteint le budget de mai 2031/);
    assert.match(ledger.body, /plafond convenu avec votre manager, pas un objectif/);
    assert.match(ledger.body, /<td>12 mai 2031<\/td><td>Demi-journée<\/td><td>Cartiflette<\/td><td>Revue du schéma de données<\/td>/);
    assert.match(ledger.body, new RegExp(`href="${page}/${line!.id}/modifier"`));
    assert.match(ledger.body, new RegExp(`action="${page}/${line!.id}/supprimer"`));
  });

  it("warns before going over the month's budget and stores the line only with the manager's agreement confirmed", async () => {
    const fields = { workedOn: "2031-05-19", length: "journee", projectId: "sans-projet", description: "Atelier de cadrage" };
    const warned = await member.http.post(page, fields, { formPage: page });
    assert.equal(warned.statusCode, 409);
    assertFrenchSpacing(warned.body);
    assert.match(warned.body, /Cette déclaration dépasse le budget de mai 2031/);
    assert.match(warned.body, /Vous avez déjà utilisé 2\u00a0demi-journées sur 2\u00a0demi-journées ce mois-là/);
    assert.match(warned.body, /J’ai l’accord de mon ou ma manager pour dépasser le budget de mai 2031\./);
    assert.match(warned.body, /Cochez la case pour confirmer que votre manager est d’accord pour dépasser le budget de mai 2031\./);
    assert.match(warned.body, /value="Atelier de cadrage"/);
    assert.equal((await linesOf(member.id)).length, 1);

    const confirmed = await member.http.post(page, { ...fields, depasserBudget: "oui" }, { formPage: page });
    assert.equal(confirmed.statusCode, 303);
    assert.equal((await linesOf(member.id)).length, 2);
    const ledger = await member.http.get(page);
    const may = monthRow(ledger.body, "Mai 2031");
    assert.match(may, /<td>4\u00a0demi-journées<p class="fr-badge[^"]*">2\u00a0demi-journées au-delà du budget<\/p><\/td>/, "the month over budget is said in words");
    assert.match(ledger.body, /Vous avez dépassé le budget de mai 2031/);
    assert.match(ledger.body, /<td>19 mai 2031<\/td><td>Journée<\/td><td>Sans projet précis<\/td>/);
  });

  it("lets the member correct and delete their own lines; another member gets 404, as for an unknown line", async () => {
    const [first] = (await linesOf(member.id)).filter((line) => line.workedOn === "2031-05-12");
    const edit = `${page}/${first!.id}/modifier`;
    const form = await member.http.get(edit);
    assert.equal(form.statusCode, 200);
    assertFrenchSpacing(form.body);
    assert.match(form.body, /value="Revue du schéma de données"/);
    assert.match(form.body, /value="2031-05-12"/);

    for (const path of [edit, `${page}/00000000-0000-4000-8000-000000000000/modifier`, `${page}/pas-un-identifiant/modifier`]) assert.equal((await other.http.get(path)).statusCode, 404, path);
    const csrf = csrfTokenIn((await other.http.get(page)).body);
    assert.equal((await other.http.post(edit, { workedOn: "2031-05-12", length: "journee", projectId: "sans-projet", description: "Pris" }, { csrf })).statusCode, 404);
    assert.equal((await other.http.post(`${page}/${first!.id}/supprimer`, {}, { csrf })).statusCode, 404);

    // Still over budget (the other line of the month is a day): the correction asks the same confirmation.
    const over = await member.http.post(edit, { workedOn: "2031-05-12", length: "journee", projectId, description: "Revue du schéma, suite" }, { formPage: edit });
    assert.equal(over.statusCode, 409);
    assert.match(over.body, /J’ai l’accord de mon ou ma manager/);
    const corrected = await member.http.post(edit, { workedOn: "2031-05-12", length: "demi-journee", projectId, description: "Revue du schéma, suite", depasserBudget: "oui" }, { formPage: edit });
    assert.equal(corrected.statusCode, 303);
    assert.equal(corrected.headers.location, `${page}?saison=2031&fait=modifiee`);
    const [after] = (await linesOf(member.id)).filter((line) => line.id === first!.id);
    assert.equal(after!.description, "Revue du schéma, suite");

    const [day] = (await linesOf(member.id)).filter((line) => line.workedOn === "2031-05-19");
    const deleted = await member.http.post(`${page}/${day!.id}/supprimer`, {}, { formPage: page });
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, `${page}?saison=2031&fait=supprimee`);
    assert.deepEqual((await linesOf(member.id)).map((line) => line.id), [first!.id]);
  });

  it("refuses to move a line into a closed month, then, once its own month is closed, to change or delete it (409)", async () => {
    const [line] = await linesOf(member.id);
    const edit = `${page}/${line!.id}/modifier`;
    now = new Date("2031-06-05T10:00:00Z");
    const moved = await member.http.post(edit, { workedOn: "2031-04-28", length: "demi-journee", projectId, description: "Revue" }, { formPage: edit });
    assert.equal(moved.statusCode, 400);
    assertFieldError(moved.body, "workedOn", "Ce mois est clos\u00a0: il n’est plus possible d’y déclarer du temps.", "2031-04-28");

    now = new Date("2031-06-11T10:00:00Z");
    const closedForm = await member.http.get(edit);
    assert.equal(closedForm.statusCode, 409);
    assertFrenchSpacing(closedForm.body);
    assert.match(closedForm.body, /Le mois de mai 2031 est clos\u00a0: ses lignes ne peuvent plus être modifiées ni supprimées\./);
    const csrf = csrfTokenIn((await member.http.get(page)).body);
    assert.equal((await member.http.post(edit, { workedOn: "2031-05-12", length: "demi-journee", projectId, description: "Trop tard" }, { csrf })).statusCode, 409);
    assert.equal((await member.http.post(`${page}/${line!.id}/supprimer`, {}, { csrf })).statusCode, 409);
    const [unchanged] = await linesOf(member.id);
    assert.equal(unchanged!.description, "Revue du schéma, suite");

    // « de » elided before a month that starts with a vowel.
    const [april] = await db().insert(timeEntries).values({ userId: member.id, workedOn: "2031-04-15", halfDays: 1, description: "Ligne d’avril" }).returning({ id: timeEntries.id });
    assert.match((await member.http.get(`${page}/${april!.id}/modifier`)).body, /Le mois d’avril 2031 est clos/);
    await db().delete(timeEntries).where(eq(timeEntries.id, april!.id));

    const ledger = await member.http.get(page);
    assert.match(monthRow(ledger.body, "Mai 2031"), /<td>clos<\/td>/);
    assert.match(ledger.body, /<td>Mois clos<\/td>/);
    assert.doesNotMatch(ledger.body, new RegExp(`${line!.id}/modifier`));
  });
});
