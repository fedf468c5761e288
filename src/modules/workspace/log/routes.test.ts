import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { eventProjects, eventRegistrations, events, workspaceLogEntries } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission, csrfTokenIn } from "../../../../tests/support/http.ts";
import { assertNoMailQueued, markMailQueue, queuedMails } from "../../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform, waitForMail } from "../../../../tests/support/test-platform.ts";
import { createWorkspaceSeason, joinTeam, type SignedInPerson, signedInPerson } from "../workspace-test-support.ts";
import { attendanceOfLastWorkshops, findLastLogEntry, listWorkshopOptions } from "./log-repository.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-05-10T10:00:00Z") };
const db = () => platform.database.db;
const page = "/projets/cartiflette/espace/journal?saison=2031";
const coachEmail = "marc.petit@numerique.gouv.fr";
const programmeTeamEmail = "camille.martin@numerique.gouv.fr";

async function createEvent(input: { slug: string; title: string; startsAt: string; kind?: string; seasonId?: string }): Promise<string> {
  const startsAt = new Date(input.startsAt);
  const [created] = await db()
    .insert(events)
    .values({ slug: input.slug, kind: input.kind ?? "atelier", title: input.title, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), seasonId: input.seasonId ?? null })
    .returning({ id: events.id });
  return created!.id;
}

describe("« Journal de bord » of a project's workspace, with the team's météo", () => {
  let seasonId: string;
  let projectId: string;
  let otherProjectId: string;
  let lead: SignedInPerson;
  let contributor: SignedInPerson;
  let outsider: SignedInPerson;
  let coach: SignedInPerson;
  let workshopId: string;
  let generalWorkshopId: string;

  const entries = () => db().select().from(workspaceLogEntries).where(and(eq(workspaceLogEntries.projectId, projectId), eq(workspaceLogEntries.seasonId, seasonId)));

  before(async () => {
    platform = await startTestPlatform({ clock });
    const created = await createWorkspaceSeason(db(), ["cartiflette", "datanomyme"]);
    seasonId = created.seasonId;
    projectId = created.projectIds.cartiflette!;
    otherProjectId = created.projectIds.datanomyme!;
    lead = await signedInPerson(platform, "journal.porteuse@insee.fr", { givenName: "Léa", usualName: "Porteuse" });
    contributor = await signedInPerson(platform, "journal.contributeur@insee.fr", { givenName: "Théo", usualName: "Contributeur" });
    outsider = await signedInPerson(platform, "journal.dehors@insee.fr");
    coach = await signedInPerson(platform, coachEmail);
    await joinTeam(db(), { seasonId, projectId, userId: lead.id, role: "lead" });
    await joinTeam(db(), { seasonId, projectId, userId: contributor.id, role: "contributor" });
    await joinTeam(db(), { seasonId, projectId, userId: coach.id, role: "coach" });
    // The project's workshop of 6 May: the lead was checked in, the contributor registered but did not come.
    workshopId = await createEvent({ slug: "atelier-cartiflette-2031-05-06", title: "Atelier Cartiflette de mai", startsAt: "2031-05-06T12:00:00Z", seasonId });
    await db().insert(eventProjects).values({ eventId: workshopId, projectId });
    await db()
      .insert(eventRegistrations)
      .values([
        { eventId: workshopId, userId: lead.id, mode: "in_person", status: "confirmed", checkInToken: "journal-jeton-porteuse", attendedAt: new Date("2031-05-06T12:05:00Z") },
        { eventId: workshopId, userId: contributor.id, mode: "remote", status: "confirmed", checkInToken: "journal-jeton-contributeur" },
        { eventId: workshopId, userId: coach.id, mode: "in_person", status: "confirmed", checkInToken: "journal-jeton-coach", attendedAt: new Date("2031-05-06T12:10:00Z") },
      ]);
    // A workshop of the programme linked to no project, and a project workshop still to come.
    generalWorkshopId = await createEvent({ slug: "atelier-general-2031-04-15", title: "Atelier de tous les projets", startsAt: "2031-04-15T12:00:00Z" });
    const future = await createEvent({ slug: "atelier-cartiflette-2031-06-03", title: "Atelier Cartiflette de juin", startsAt: "2031-06-03T12:00:00Z", seasonId });
    await db().insert(eventProjects).values({ eventId: future, projectId });
  });
  after(async () => {
    await platform.stop();
  });

  it("refuses a member outside the team (403) and a coach who tries to write (403), storing nothing", async () => {
    assertRefusedByPermission(await outsider.http.get(page), 403);
    const fields = { happenedOn: "2031-05-06", done: "Un atelier", weather: "on_track" };
    for (const session of [outsider.http, coach.http]) {
      const csrf = csrfTokenIn((await session.get("/contact")).body);
      assertRefusedByPermission(await session.post(page, fields, { csrf }), 403);
    }
    assert.deepEqual(await entries(), []);
    const read = await coach.http.get(page);
    assert.equal(read.statusCode, 200);
    assert.match(read.body, /Le journal de bord est vide\./);
    assert.doesNotMatch(read.body, /Nouvelle entrée/);
  });

  it("offers the project's workshops that took place, and refuses bad input in French, keeping it (400)", async () => {
    const form = await lead.http.get(page);
    assert.match(form.body, new RegExp(`<option value="${workshopId}">Atelier Cartiflette de mai \\(6 mai 2031\\)</option>`));
    assert.doesNotMatch(form.body, /Atelier Cartiflette de juin|Atelier de tous les projets/);

    const empty = await lead.http.post(page, { happenedOn: "", done: " ", weather: "" }, { formPage: page });
    assert.equal(empty.statusCode, 400);
    assertFieldError(empty.body, "happenedOn", "Indiquez la date de l’atelier.");
    assertFieldError(empty.body, "done", "Indiquez ce que l’équipe a fait.");
    assert.match(empty.body, /<p class="fr-message fr-message--error">Choisissez la météo de l’équipe\.<\/p>/);

    const watch = await lead.http.post(page, { happenedOn: "2031-05-06", eventId: generalWorkshopId, done: "Revue des données", weather: "watch", weatherNote: "" }, { formPage: page });
    assert.equal(watch.statusCode, 400);
    assertFieldError(watch.body, "weatherNote", "Dites en une ligne ce qui est à surveiller ou ce qui bloque.");
    assertFieldError(watch.body, "eventId", "Choisissez un atelier de la liste.");
    assert.match(watch.body, /<textarea[^>]*id="done"[^>]*>Revue des données<\/textarea>/);
    assert.match(watch.body, /<input(?=[^>]*id="weather-watch")(?=[^>]*checked="")[^>]*>/);

    const future = await lead.http.post(page, { happenedOn: "2031-05-11", done: "Revue", weather: "on_track" }, { formPage: page });
    assert.equal(future.statusCode, 400);
    assertFieldError(future.body, "happenedOn", "La date de l’atelier ne peut pas être dans le futur.", "2031-05-11");
    const early = await lead.http.post(page, { happenedOn: "2031-01-04", done: "Revue", weather: "on_track" }, { formPage: page });
    assert.equal(early.statusCode, 400);
    assertFieldError(early.body, "happenedOn", "La date de l’atelier doit être dans la saison, qui commence le 5 janvier 2031.", "2031-01-04");
    assert.deepEqual(await entries(), []);
  });

  it("writes an entry after the workshop: who was there comes from its check-in, the others of the team are absent; no mail when on track", async () => {
    const mark = await markMailQueue(platform);
    const written = await lead.http.post(
      page,
      { happenedOn: "2031-05-06", eventId: workshopId, done: "Prise en main de l’API", decisions: "On publie en Parquet", nextSteps: "Écrire la documentation", blockers: "", weather: "on_track", weatherNote: "" },
      { formPage: page },
    );
    assert.equal(written.statusCode, 303);
    assert.equal(written.headers.location, "/projets/cartiflette/espace/journal?saison=2031&enregistre=1");
    await assertNoMailQueued(platform, undefined, { since: mark });

    const shown = await contributor.http.get(`${page}&enregistre=1`);
    assert.match(shown.body, /L’entrée est ajoutée au journal de bord\./);
    assert.match(shown.body, /6 mai 2031 — Atelier Cartiflette de mai/);
    assert.match(shown.body, /Présents à l’atelier\u00a0: Léa Porteuse\. Absents\u00a0: Théo Contributeur\./);
    assert.match(shown.body, /On publie en Parquet/);
    assert.match(shown.body, /En bonne voie/);
    assertFrenchSpacing(shown.body);
    const [stored] = await entries();
    assert.deepEqual([stored!.eventId, stored!.happenedOn, stored!.weather, stored!.authorId], [workshopId, "2031-05-06", "on_track", lead.id]);
  });

  it("« Bloqué » mails the project's coach and the programme team with the project, the line and the link to the log", async () => {
    const mark = await markMailQueue(platform);
    const written = await contributor.http.post(page, { happenedOn: "2031-05-09", done: "Tentative d’accès aux données", weather: "blocked", weatherNote: "Pas d’accès au serveur de données depuis trois semaines" }, { formPage: page });
    assert.equal(written.statusCode, 303);
    for (const to of [coachEmail, programmeTeamEmail]) {
      const [mail, ...others] = await queuedMails(platform, to, { since: mark });
      assert.equal(others.length, 0, `un seul courriel pour ${to}`);
      assert.equal(mail!.subject, "L’équipe du projet Cartiflette se dit bloquée");
      assert.match(mail!.text, /Pas d’accès au serveur de données depuis trois semaines/);
      assert.match(mail!.text, /après l’atelier du 9 mai 2031/);
      assert.ok(mail!.text.includes(`${platform.config.PUBLIC_URL}/projets/cartiflette/espace/journal?saison=2031`), mail!.text);
    }
    await assertNoMailQueued(platform, lead.email, { since: mark });
    await assertNoMailQueued(platform, contributor.email, { since: mark });
    assert.match((await waitForMail(platform, coachEmail, { matching: /se dit bloquée/ })).text, /Le journal de bord/);

    const shown = await lead.http.get(page);
    assert.ok(shown.body.indexOf("9 mai 2031") < shown.body.indexOf("6 mai 2031 — Atelier Cartiflette de mai"), "la plus récente d’abord");
    assert.match(shown.body, /Météo\u00a0: Pas d’accès au serveur de données depuis trois semaines/);
  });

  it("gives the last entry's météo and the attendance of the last workshops for the overview and the portfolio", async () => {
    assert.deepEqual(await findLastLogEntry(db(), projectId, seasonId), { happenedOn: "2031-05-09", weather: "blocked", weatherNote: "Pas d’accès au serveur de données depuis trois semaines" });
    assert.equal(await findLastLogEntry(db(), otherProjectId, seasonId), null);
    assert.deepEqual(await attendanceOfLastWorkshops(db(), projectId, seasonId, 3), [{ happenedOn: "2031-05-06", eventId: workshopId, eventTitle: "Atelier Cartiflette de mai", attended: 1, teamSize: 2 }]);
    // A project without linked workshops is offered the season's past « atelier » events.
    const offered = await listWorkshopOptions(db(), otherProjectId, { id: seasonId, startsOn: "2031-01-05", endsOn: "2031-12-15" }, clock.now());
    assert.deepEqual(
      offered.map((workshop) => workshop.title),
      ["Atelier Cartiflette de mai", "Atelier de tous les projets"],
    );
  });
});
