import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { eventRegistrations, events, participations, projects, users } from "../../db/schema/index.ts";
import { assertFieldError, escapeHtml, fieldGroup } from "../../../tests/support/form-assertions.ts";
import { assertParisTimes, parseCalendar } from "../../../tests/support/ical.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { assertFrenchSpacing } from "../../../tests/support/french-typography.ts";
import { checkInUrl } from "./qr/check-in-qr.ts";
import { defaultQuestions } from "./domain/event-kinds.ts";
import { attachmentsOf, createMembersWithSessions, createTestEvent, decodeQrPng, movableClock, queuedMails, type TestMember, waitForMails } from "./registration-test-support.ts";
import type { EventRecord } from "./repository.ts";

const clock = movableClock("2027-02-15T10:00:00Z");
let platform: TestPlatform;

/** The group of a radio fieldset (`mode-fieldset`, `q-lunch-fieldset`) is in error with `message`. */
function assertFieldsetError(html: string, name: string, message: string) {
  const start = html.indexOf(`id="${name}-fieldset"`);
  assert.ok(start >= 0, `pas de groupe ${name}`);
  const fieldset = html.slice(html.lastIndexOf("<fieldset", start), html.indexOf("</fieldset>", start));
  assert.match(fieldset, /fr-fieldset--error/, fieldset);
  assert.ok(fieldset.includes(`<p class="fr-message fr-message--error">${escapeHtml(message)}</p>`), `message « ${message} » absent de ${name} : ${fieldset}`);
  assert.match(fieldset, new RegExp(`aria-labelledby="${name}-fieldset-legend ${name}-fieldset-messages"`));
}

async function registrationOf(eventId: string, userId: string) {
  const rows = await platform.database.db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)));
  return rows.filter((row) => row.status !== "cancelled")[0] ?? null;
}

const lunchQuestion = { key: "lunch", label: "Resterez-vous déjeuner\u00a0?", kind: "choice", required: true, options: ["Oui", "Non"] };

describe("registering for an event", () => {
  let members: TestMember[];

  before(async () => {
    platform = await startTestPlatform({ clock });
    members = await createMembersWithSessions(platform, 8, { prefix: "inscrit", now: clock.now() });
  });
  after(async () => {
    await platform.stop();
  });

  describe("the member's form", () => {
    let event: EventRecord;
    before(async () => {
      event = await createTestEvent(platform, { inPersonCapacity: 2, questions: [{ key: "accessibility", label: "Avez-vous des besoins d’accessibilité\u00a0?", kind: "text", required: false }, lunchQuestion] });
    });

    it("sends an anonymous visitor of a members' event to the sign-in page, and refuses the POST with a 401", async () => {
      const page = await httpSessionOn(platform).get(`/evenements/${event.slug}/inscription`);
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, `/connexion?retour=${encodeURIComponent(`/evenements/${event.slug}/inscription`)}`);
      const posted = await httpSessionOn(platform).post(`/evenements/${event.slug}/inscription`, { mode: "in_person" }, { formPage: "/connexion" });
      assert.equal(posted.statusCode, 401);
    });

    it("refuses a registration without the form's CSRF token", async () => {
      const posted = await members[0]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person", "q-lunch": "Oui" }, { csrf: null });
      assert.equal(posted.statusCode, 403);
      assert.equal(await registrationOf(event.id, members[0]!.id), null);
    });

    it("answers 404 to an unknown event", async () => {
      assert.equal((await members[0]!.session.get("/evenements/n-existe-pas/inscription")).statusCode, 404);
    });

    it("shows the offered modes with the places left and the event's questions", async () => {
      const page = await members[0]!.session.get(`/evenements/${event.slug}/inscription`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>S’inscrire à «\u00a0Atelier données ouvertes/);
      assert.match(page.body, /mardi 9 mars 2027, 14\u00a0h – 17\u00a0h\u00a030/);
      assert.match(page.body, /id="mode-in_person"/);
      assert.match(page.body, /id="mode-remote"/);
      assert.match(page.body, /2\u00a0places restantes sur 2/);
      assert.match(page.body, /100\u00a0places restantes sur 100/);
      assert.match(page.body, /Resterez-vous déjeuner\u00a0\?/);
      assert.match(page.body, /Avez-vous des besoins d’accessibilité\u00a0\? \(facultatif\)/);
      assert.match(page.body, /Inscriptions ouvertes jusqu’au 8 mars 2027 à\u00a018\u00a0h\./);
      assertFrenchSpacing(page.body);
    });

    it("refuses a form without mode and without the required answer at the fields, keeping what was typed, never a 500", async () => {
      const posted = await members[0]!.session.post(`/evenements/${event.slug}/inscription`, { "q-accessibility": "Fauteuil roulant" });
      assert.equal(posted.statusCode, 400);
      assert.match(posted.body, /<title>Erreur — S’inscrire/);
      assertFieldsetError(posted.body, "mode", "Choisissez sur place ou à distance.");
      assertFieldsetError(posted.body, "q-lunch", "Répondez à la question «\u00a0Resterez-vous déjeuner\u00a0».");
      assert.match(posted.body, /<textarea[^>]*id="q-accessibility"[^>]*>Fauteuil roulant<\/textarea>/);
      // The summary comes first under the title, its links to what takes focus: each group's first radio button.
      const summary = posted.body.indexOf("Le formulaire contient");
      assert.ok(summary > posted.body.indexOf("<h1>") && summary < posted.body.indexOf("mardi 9 mars 2027"), "le récapitulatif des erreurs ne suit pas le titre");
      assert.match(posted.body, /href="#mode-in_person"/);
      assert.match(posted.body, /href="#question-2-option-1"/);
      assert.match(posted.body, /<input type="radio" id="question-2-option-1" name="q-lunch" value="Oui"\/>/);

      const wrong = await members[0]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "en_orbite", "q-lunch": "Peut-être", "q-accessibility": ["a", "b"] });
      assert.equal(wrong.statusCode, 400);
      assertFieldsetError(wrong.body, "mode", "Choisissez une des façons de participer proposées.");
      assertFieldsetError(wrong.body, "q-lunch", "Choisissez une des réponses proposées.");
      const nul = await members[0]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person", "q-lunch": "Oui", "q-accessibility": "a\u0000b" });
      // A NUL byte is refused for every form in one place, before the route (ADR 0027).
      assert.equal(nul.statusCode, 400);
      assert.match(nul.body, /caractère nul/);
      assert.equal(await registrationOf(event.id, members[0]!.id), null);
    });

    it("answers odd input (JSON, nested values, long texts, strange addresses) with a 4xx page, never a 500", async () => {
      const session = members[0]!.session;
      const form = await session.get(`/evenements/${event.slug}/inscription`);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const cookie = [...session.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      // A JSON body is not a form: 415 (ADR 0027); a form with a too-long answer: 400 at the field.
      const json = await platform.app.inject({ method: "POST", url: `/evenements/${event.slug}/inscription`, payload: { _csrf: csrf, mode: { in_person: true }, "q-lunch": ["Oui", "Non"] }, headers: { cookie }, remoteAddress: "198.18.250.1" });
      assert.equal(json.statusCode, 415, json.body.slice(0, 200));
      const long = await platform.app.inject({ method: "POST", url: `/evenements/${event.slug}/inscription`, payload: new URLSearchParams({ _csrf: csrf, mode: "in_person", "q-lunch": "Oui", "q-accessibility": "x".repeat(5000) }).toString(), headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, remoteAddress: "198.18.250.1" });
      assert.equal(long.statusCode, 400, long.body.slice(0, 200));
      for (const url of [`/evenements/${"x".repeat(400)}/inscription`, "/evenements/%00/inscription", "/evenements/inscription/confirmer/pas-un-jeton", `/evenements/inscription/confirmer/${"a".repeat(43)}`, "/evenements/inscription/confirmer/%E2%80%A8"]) {
        const response = await session.get(url);
        assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${url} : ${response.statusCode}`);
      }
      assert.equal(await registrationOf(event.id, members[0]!.id), null);
    });

    it("registers a member in person: confirmed, redirected to the event, mailed the invitation (ICS) and the QR code", async () => {
      const member = members[0]!;
      const posted = await member.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person", "q-lunch": "Oui", "q-accessibility": "Fauteuil roulant" });
      assert.equal(posted.statusCode, 303, posted.body);
      assert.equal(posted.headers.location, `/evenements/${event.slug}?inscription=enregistree#inscription`);
      const registration = await registrationOf(event.id, member.id);
      assert.equal(registration?.status, "confirmed");
      assert.equal(registration?.mode, "in_person");
      assert.deepEqual(registration?.answers, { lunch: "Oui", accessibility: "Fauteuil roulant" });

      const [mail] = await waitForMails(platform, member.email, "Inscription confirmée");
      assert.equal(mail!.subject, `Inscription confirmée\u00a0: ${event.title}`);
      assert.match(mail!.text, /Bonjour Membre1,/);
      assert.match(mail!.text, /Quand\u00a0: mardi 9 mars 2027, 14\u00a0h – 17\u00a0h\u00a030/);
      assert.match(mail!.text, /Où\u00a0: Salle Ségur, 20 avenue de Ségur, 75007 Paris/);
      assert.match(mail!.text, /http:\/\/localhost:3000\/compte\/evenements/);
      const qrUrl = checkInUrl("http://localhost:3000", registration!.checkInToken);
      assert.ok(mail!.text.includes(qrUrl), "l’adresse du code QR manque dans le texte");

      const calendar = parseCalendar(mail!.calendar!);
      assert.equal(calendar.method, "REQUEST");
      assert.deepEqual(calendar.timezones, ["Europe/Paris"]);
      const [entry] = calendar.entries;
      assertParisTimes(entry!, { start: event.startsAt, end: event.endsAt, wallTime: "2027-03-09T14:00:00" });
      assert.match(entry!.location ?? "", /Salle Ségur, 20 avenue de Ségur, 75007 Paris/);
      assert.match(entry!.description ?? "", /https:\/\/webinaire\.numerique\.gouv\.fr\/atelier-donnees/);
      assert.match(mail!.calendar!, /ATTENDEE[^:]*:MAILTO:inscr(\r\n )?it\.001@inscriptions\.gouv\.fr/);

      const [qr] = attachmentsOf(mail!);
      assert.equal(qr?.contentType, "image/png");
      assert.ok(qr?.cid);
      assert.equal(decodeQrPng(qr.content), qrUrl);
      assert.ok(mail!.html?.includes(`src="cid:${qr.cid}"`), "l’image du code QR n’est pas dans le HTML");
      assert.match(mail!.html ?? "", /alt="Code QR d’accueil pour/);
    });

    it("refuses a second registration of the same member at the mode field, and shows it instead of the form", async () => {
      const member = members[0]!;
      const again = await member.session.post(`/evenements/${event.slug}/inscription`, { mode: "remote", "q-lunch": "Non" });
      assert.equal(again.statusCode, 422);
      assertFieldsetError(again.body, "mode", "Vous êtes déjà inscrit·e à cet événement.");
      const page = await member.session.get(`/evenements/${event.slug}/inscription`);
      assert.match(page.body, /Vous êtes déjà inscrit·e/);
      assert.match(page.body, /Vous êtes inscrit·e \(sur place\)\./);
      assert.doesNotMatch(page.body, /<form method="post" action="\/evenements\/[^"]+\/inscription"/);
    });

    it("puts the next registrant on the waitlist once the mode is full, with the waitlist mail and no invitation", async () => {
      assert.equal((await members[1]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person", "q-lunch": "Non" })).statusCode, 303);
      const page = await members[2]!.session.get(`/evenements/${event.slug}/inscription`);
      assert.match(page.body, /Complet\. Vous serez inscrit·e sur la liste d’attente, dans l’ordre d’arrivée\./);
      assert.equal((await members[2]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person", "q-lunch": "Oui" })).statusCode, 303);
      assert.equal((await members[3]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person", "q-lunch": "Oui" })).statusCode, 303);
      assert.equal((await registrationOf(event.id, members[2]!.id))?.status, "waitlisted");
      const [mail] = await waitForMails(platform, members[3]!.email, "Liste d’attente");
      assert.match(mail!.text, /complet sur place\u00a0: vous êtes en 2e position sur la liste d’attente\./);
      assert.equal(mail!.calendar, null);
      assert.deepEqual(attachmentsOf(mail!), []);
      const mine = await members[3]!.session.get("/compte/evenements");
      assert.match(mine.body, /Vous êtes en 2<sup>e<\/sup> position sur la liste d’attente \(sur place\)\./);
    });

    it("cancels a confirmed registration: the first waiting person gets the seat and the mail, the canceller the CANCEL object", async () => {
      const canceller = members[1]!;
      const page = await canceller.session.get(`/evenements/${event.slug}/desinscription`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Confirmer l’annulation/);
      const posted = await canceller.session.post(`/evenements/${event.slug}/desinscription`, {});
      assert.equal(posted.statusCode, 303);
      assert.equal(posted.headers.location, `/evenements/${event.slug}?inscription=annulee#inscription`);
      assert.equal(await registrationOf(event.id, canceller.id), null);
      assert.equal((await registrationOf(event.id, members[2]!.id))?.status, "confirmed");
      assert.equal((await registrationOf(event.id, members[3]!.id))?.status, "waitlisted");

      const [promoted] = await waitForMails(platform, members[2]!.email, "Une place s’est libérée");
      assert.match(promoted!.subject, /^Une place s’est libérée\u00a0: votre inscription est confirmée/);
      assert.equal(parseCalendar(promoted!.calendar!).method, "REQUEST");
      const promotedRegistration = await registrationOf(event.id, members[2]!.id);
      assert.equal(decodeQrPng(attachmentsOf(promoted!)[0]!.content), checkInUrl("http://localhost:3000", promotedRegistration!.checkInToken));

      const [cancelled] = await waitForMails(platform, canceller.email, "Inscription annulée");
      const calendar = parseCalendar(cancelled!.calendar!);
      assert.equal(calendar.method, "CANCEL");
      assert.equal(calendar.entries[0]!.status, "CANCELLED");
      assert.equal((await members[3]!.session.get("/compte/evenements")).body.includes("Vous êtes en première position sur la liste d’attente (sur place)."), true);
    });

    it("cancels only one's own registration: someone not registered is told so, with a 422", async () => {
      const posted = await members[5]!.session.post(`/evenements/${event.slug}/desinscription`, {});
      assert.equal(posted.statusCode, 422);
      assert.match(posted.body, /Vous n’êtes pas inscrit·e à cet événement\./);
    });

    it("refuses a cancellation once cancellation has closed, in French", async () => {
      clock.set("2027-03-09T08:00:00Z");
      try {
        const posted = await members[0]!.session.post(`/evenements/${event.slug}/desinscription`, {}, { formPage: "/compte/evenements" });
        assert.equal(posted.statusCode, 422);
        assert.match(posted.body, /Les annulations sont closes depuis le 9 mars 2027 à\u00a09\u00a0h\./);
        assert.equal((await registrationOf(event.id, members[0]!.id))?.status, "confirmed");
      } finally {
        clock.set("2027-02-15T10:00:00Z");
      }
    });
  });

  describe("the registration window", () => {
    it("accepts a registration 1 s before closing and refuses it at the mode field 1 s after, keeping the input", async () => {
      const event = await createTestEvent(platform, { questions: [] });
      clock.set("2027-03-08T16:59:59Z");
      try {
        const posted = await members[4]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "remote" });
        assert.equal(posted.statusCode, 303);
        clock.set("2027-03-08T17:00:01Z");
        const late = await members[5]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "remote" }, { formPage: "/compte/evenements" });
        assert.equal(late.statusCode, 422);
        assertFieldsetError(late.body, "mode", "Les inscriptions sont closes.");
        assert.match(late.body, /id="mode-remote" name="mode" checked="" value="remote"/);
        const page = await members[5]!.session.get(`/evenements/${event.slug}/inscription`);
        assert.match(page.body, /Inscriptions fermées/);
        assert.match(page.body, /Les inscriptions sont closes\./);
      } finally {
        clock.set("2027-02-15T10:00:00Z");
      }
    });

    it("does not open before its opening time", async () => {
      const event = await createTestEvent(platform, { registrationOpensAt: new Date("2027-02-20T08:00:00Z") });
      const page = await members[4]!.session.get(`/evenements/${event.slug}/inscription`);
      assert.match(page.body, /Les inscriptions ne sont pas encore ouvertes\u00a0: elles ouvriront le 20 février 2027 à\u00a09\u00a0h\./);
      const posted = await members[4]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "remote" }, { formPage: "/compte/evenements" });
      assert.equal(posted.statusCode, 422);
      assertFieldsetError(posted.body, "mode", "Les inscriptions ne sont pas encore ouvertes.");
    });
  });

  describe("the form's questions and ids", () => {
    /** The form's ids and the labels' targets. */
    function formIds(html: string): { ids: string[]; targets: string[] } {
      const form = html.slice(html.indexOf("<h1>"), html.indexOf("</form>"));
      return { ids: [...form.matchAll(/ id="([^"]*)"/g)].map((match) => match[1]!), targets: [...form.matchAll(/ for="([^"]*)"/g)].map((match) => match[1]!) };
    }

    it("names radio buttons by position, never by the team's options (spaces, apostrophes, quotes): valid, unique ids that the labels and the error summary point to", async () => {
      const event = await createTestEvent(platform, {
        remoteCapacity: null,
        questions: [
          { key: "niveau-python", label: "Votre niveau en Python\u00a0?", kind: "choice", required: true, options: ["Débutant·e", "À l’aise", 'Très "expert" <b>'] },
          { key: "niveau-python-1", label: "Une remarque\u00a0?", kind: "text", required: false },
        ],
      });
      const url = `/evenements/${event.slug}/inscription`;
      const posted = await members[4]!.session.post(url, {});
      assert.equal(posted.statusCode, 400);
      const { ids, targets } = formIds(posted.body);
      for (const id of ids) assert.match(id, /^[A-Za-z][\w-]*$/, `id non valable : ${id}`);
      assert.equal(new Set(ids).size, ids.length, `ids en double : ${ids.join(" ")}`);
      for (const target of targets) assert.ok(ids.includes(target), `étiquette vers un id absent : ${target}`);
      assert.match(posted.body, /<input type="radio" id="question-1-option-2" name="q-niveau-python" value="À l’aise"\/>/);
      assert.match(posted.body, /<textarea[^>]*id="q-niveau-python-1"/);
      // The single mode is preselected; the summary links the question's first radio button, which takes focus.
      assert.match(posted.body, /href="#question-1-option-1"/);
      assert.doesNotMatch(posted.body, /href="#[^"]*-fieldset"/);

      assert.equal((await members[4]!.session.post(url, { mode: "in_person", "q-niveau-python": "À l’aise" })).statusCode, 303);
      assert.deepEqual((await registrationOf(event.id, members[4]!.id))?.answers, { "niveau-python": "À l’aise" });
    });

    it("asks nothing about the building of a remote-only event: no diet, the organisation without the reception, accessibility worded for a distance", async () => {
      const event = await createTestEvent(platform, { audience: "public", inPersonCapacity: null, placeName: null, placeAddress: null, placeAccess: null, questions: defaultQuestions });
      const page = await httpSessionOn(platform).get(`/evenements/${event.slug}/inscription`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /régime alimentaire/);
      assert.doesNotMatch(page.body, /accueil du bâtiment/);
      assert.match(page.body, /Votre administration ou votre structure\.<\/span>/);
      assert.match(page.body, /besoins d’accessibilité\u00a0\? \(facultatif\)<span class="fr-hint-text">Sous-titrage, interprétation en langue des signes/);
      assertFrenchSpacing(page.body);

      const member = members[5]!;
      const membersEvent = await createTestEvent(platform, { inPersonCapacity: null, questions: defaultQuestions });
      assert.equal((await member.session.post(`/evenements/${membersEvent.slug}/inscription`, { mode: "remote", "q-diet": "Végétarien", "q-accessibility": "Sous-titres" })).statusCode, 303);
      assert.deepEqual((await registrationOf(membersEvent.id, member.id))?.answers, { accessibility: "Sous-titres" });
    });

    it("asks the diet of a hybrid event only of people coming in person, and the organisation for the reception", async () => {
      const event = await createTestEvent(platform, { audience: "public", questions: [...defaultQuestions.slice(0, 1), { ...defaultQuestions[1]!, required: true }] });
      const visitorPage = await httpSessionOn(platform).get(`/evenements/${event.slug}/inscription`);
      assert.match(visitorPage.body, /l’accueil du bâtiment la demande aux personnes qui viennent sur place/);
      assert.match(visitorPage.body, /régime alimentaire particulier\u00a0\?<span class="fr-sr-only"> \(obligatoire\)<\/span><span class="fr-hint-text">Seulement si vous participez sur place\.<\/span>/);
      assert.match(visitorPage.body, /<span class="fr-hint-text">Sur place \(accès au bâtiment, place adaptée dans la salle…\) comme à distance/);
      assertFrenchSpacing(visitorPage.body);

      const member = members[6]!;
      const url = `/evenements/${event.slug}/inscription`;
      // Required for people on site only: remote, it is neither asked for nor kept.
      assert.equal((await member.session.post(url, { mode: "remote", "q-diet": "Végétarien", "q-accessibility": "Sous-titres" })).statusCode, 303);
      assert.deepEqual((await registrationOf(event.id, member.id))?.answers, { accessibility: "Sous-titres" });
      const inPerson = await members[7]!.session.post(url, { mode: "in_person" });
      assert.equal(inPerson.statusCode, 400);
      assertFieldError(inPerson.body, "q-diet", "Répondez à la question «\u00a0Avez-vous un régime alimentaire particulier\u00a0».");
      assert.equal((await members[7]!.session.post(url, { mode: "in_person", "q-diet": "Sans gluten" })).statusCode, 303);
      assert.deepEqual((await registrationOf(event.id, members[7]!.id))?.answers, { diet: "Sans gluten" });
    });

    it("writes deadlines as the site's hours, the first of the month « 1er »", async () => {
      const event = await createTestEvent(platform, { registrationClosesAt: new Date("2027-03-01T13:30:00Z"), questions: [] });
      const page = await members[4]!.session.get(`/evenements/${event.slug}/inscription`);
      assert.match(page.body, /Inscriptions ouvertes jusqu’au 1er mars 2027 à\u00a014\u00a0h\u00a030\./);
    });
  });

  describe("the audience", () => {
    it("keeps a project's event to its team (participations) and the programme team", async () => {
      const db = platform.database.db;
      const [project] = await db.insert(projects).values({ slug: "projet-equipe-test", title: "Projet équipe test" }).returning();
      await db.insert(participations).values({ userId: members[6]!.id, season: "2027", projectSlug: "projet-equipe-test", projectTitle: "Projet équipe test", role: "Membre de l’équipe" });
      const event = await createTestEvent(platform, { audience: "project", audienceProjectId: project!.id, questions: [] });

      const outsider = await members[7]!.session.get(`/evenements/${event.slug}/inscription`);
      assert.equal(outsider.statusCode, 200);
      assert.match(outsider.body, /Cet événement est réservé à l’équipe du projet «\u00a0Projet équipe test\u00a0»\./);
      const refused = await members[7]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person" }, { formPage: "/compte/evenements" });
      assert.equal(refused.statusCode, 403);
      assert.equal(await registrationOf(event.id, members[7]!.id), null);

      assert.equal((await members[6]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person" })).statusCode, 303);
      const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
      assert.equal((await team.post(`/evenements/${event.slug}/inscription`, { mode: "remote" })).statusCode, 303);
      const [camille] = await db.select({ id: users.id }).from(users).where(eq(users.email, "camille.martin@numerique.gouv.fr"));
      assert.equal((await registrationOf(event.id, camille!.id))?.status, "confirmed");
    });
  });

  describe("a visitor of a public event", () => {
    let event: EventRecord;
    const email = "alex.visiteur@exemple.fr";
    before(async () => {
      event = await createTestEvent(platform, { audience: "public", inPersonCapacity: 1, questions: [] });
    });

    it("gets the visitor form, told that members should sign in", async () => {
      const page = await httpSessionOn(platform).get(`/evenements/${event.slug}/inscription`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /id="email"/);
      assert.match(page.body, /id="organisationName"/);
      assert.match(page.body, /Membre du programme 10\u00a0%\u00a0\?/);
      assert.ok(page.body.includes(`href="/connexion?retour=${escapeHtml(encodeURIComponent(`/evenements/${event.slug}/inscription`))}"`));
      assertFrenchSpacing(page.body);
    });

    it("refuses bad input at the fields, keeping it", async () => {
      const visitor = httpSessionOn(platform);
      const posted = await visitor.post(`/evenements/${event.slug}/inscription`, { email: "pas-une-adresse", givenName: "Alex", usualName: "", organisationName: "<b>", mode: "in_person" });
      assert.equal(posted.statusCode, 400);
      assertFieldError(posted.body, "email", "Indiquez une adresse électronique valide, au format prenom.nom@exemple.fr.", "pas-une-adresse");
      assertFieldError(posted.body, "usualName", "Indiquez votre nom.");
      assert.ok(fieldGroup(posted.body, "givenName").includes('value="Alex"'), "prénom non conservé");
      assertFieldError(posted.body, "organisationName", "Ce champ ne peut contenir ni «\u00a0<\u00a0» ni «\u00a0>\u00a0» ni caractère de contrôle.", "<b>");
    });

    it("creates a pending registration holding no seat, mails a link (only its hash stored), and confirms it by POST only", async () => {
      const visitor = httpSessionOn(platform);
      const posted = await visitor.post(`/evenements/${event.slug}/inscription`, { email: "Alex.Visiteur@exemple.fr", givenName: "Alex", usualName: "Visiteur", organisationName: "Mairie de Lyon", mode: "in_person" });
      assert.equal(posted.statusCode, 200, posted.body);
      assert.match(posted.body, /Un courriel de confirmation vous a été envoyé/);
      assert.match(posted.body, /alex\.visiteur@exemple\.fr/);
      const [pending] = await platform.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.email, email));
      assert.equal(pending?.status, "pending");
      assert.equal(pending?.organisationName, "Mairie de Lyon");
      const [mail] = await waitForMails(platform, email, "Confirmez votre inscription");
      const link = /http:\/\/localhost:3000(\/evenements\/inscription\/confirmer\/([\w-]+))/.exec(mail!.text);
      assert.ok(link, mail!.text);
      assert.notEqual(pending!.confirmationTokenHash, link[2]);
      assert.match(pending!.confirmationTokenHash ?? "", /^[0-9a-f]{64}$/);
      assert.match(mail!.text, /valable jusqu’au 17 février 2027 à\u00a011\u00a0h\./);

      // A mail scanner opening the link confirms nothing.
      const opened = await visitor.get(link[1]!);
      assert.equal(opened.statusCode, 200);
      assert.match(opened.body, /Confirmer mon inscription/);
      assert.equal((await platform.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.email, email)))[0]?.status, "pending");

      const confirmed = await visitor.post(link[1]!, {});
      assert.equal(confirmed.statusCode, 200);
      assert.match(confirmed.body, /Votre place est réservée/);
      const [row] = await platform.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.email, email));
      assert.equal(row?.status, "confirmed");
      // The hash is kept: the link opened again says the registration is confirmed (see below).
      assert.equal(row?.confirmationTokenHash, pending!.confirmationTokenHash);
      const [confirmation] = await waitForMails(platform, email, "Inscription confirmée");
      assert.equal(parseCalendar(confirmation!.calendar!).method, "REQUEST");
      assert.match(confirmation!.text, /Répondez à ce courriel pour que l’équipe annule votre inscription/);

      const reused = await visitor.get(link[1]!);
      assert.equal(reused.statusCode, 200);
      assert.match(reused.body, /<h1>Inscription déjà confirmée<\/h1>/);
    });

    it("never tells the form whether an address is registered: a registered one is mailed instead, at most every 15 minutes", async () => {
      const post = () => httpSessionOn(platform).post(`/evenements/${event.slug}/inscription`, { email, givenName: "Alex", usualName: "Visiteur", organisationName: "Mairie de Lyon", mode: "in_person" });
      const alreadyMails = async () => (await queuedMails(platform, email)).filter((mail) => mail.subject.startsWith("Déjà inscrit·e")).length;
      const before = await alreadyMails();
      const posted = await post();
      assert.equal(posted.statusCode, 200);
      assert.match(posted.body, /Un courriel de confirmation vous a été envoyé/);
      assert.equal(await alreadyMails(), before, "just after the confirmation: no mail yet");
      clock.advance(16 * 60_000);
      assert.match((await post()).body, /Un courriel de confirmation vous a été envoyé/);
      assert.match((await post()).body, /Un courriel de confirmation vous a été envoyé/, "the page says the same thing every time");
      assert.equal(await alreadyMails(), before + 1, "one mail for two posts within 15 minutes");
      await waitForMails(platform, email, "Déjà inscrit·e");
      clock.set("2027-02-15T10:00:00Z");
    });

    it("takes the waitlist when the seat was taken before the confirmation, and lets a member's address register as a visitor", async () => {
      const visitor = httpSessionOn(platform);
      assert.equal((await visitor.post(`/evenements/${event.slug}/inscription`, { email: members[7]!.email, givenName: "Membre8", usualName: "Inscrit", organisationName: "DINUM", mode: "in_person" })).statusCode, 200);
      const [mail] = await waitForMails(platform, members[7]!.email, "Confirmez votre inscription");
      const path = /http:\/\/localhost:3000(\/evenements\/inscription\/confirmer\/[\w-]+)/.exec(mail!.text)![1]!;
      const confirmed = await visitor.post(path, {});
      assert.equal(confirmed.statusCode, 200);
      assert.match(confirmed.body, /Vous êtes en première position sur la liste d’attente \(sur place\)/);
      const [row] = await platform.database.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.email, members[7]!.email)));
      assert.equal(row?.status, "waitlisted");
      assert.equal(row?.userId, null);
      await waitForMails(platform, members[7]!.email, "Liste d’attente");
      const reopened = await visitor.get(path);
      assert.equal(reopened.statusCode, 200);
      assert.match(reopened.body, /Votre inscription est déjà confirmée/);
      assert.match(reopened.body, /Vous êtes en première position sur la liste d’attente \(sur place\)/);
    });

    it("answers a link used before (a double click in the mail) with the registration as it is, mailed once, until the event is over; a wrong link learns nothing", async () => {
      const address = "dominique.double@exemple.fr";
      const visitor = httpSessionOn(platform);
      assert.equal((await visitor.post(`/evenements/${event.slug}/inscription`, { email: address, givenName: "Dominique", usualName: "Double", organisationName: "Préfecture", mode: "remote" })).statusCode, 200);
      const [mail] = await waitForMails(platform, address, "Confirmez votre inscription");
      const path = /http:\/\/localhost:3000(\/evenements\/inscription\/confirmer\/[\w-]+)/.exec(mail!.text)![1]!;
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await visitor.get(path)).body)![1]!;

      // Two clicks at once: one confirms, the other finds it confirmed; neither is an error.
      const clicks = await Promise.all([visitor.post(path, {}, { csrf }), visitor.post(path, {}, { csrf })]);
      assert.deepEqual(clicks.map((click) => click.statusCode), [200, 200]);
      assert.equal(clicks.filter((click) => click.body.includes("Votre place est réservée")).length, 1);
      assert.equal(clicks.filter((click) => click.body.includes("<h1>Inscription déjà confirmée</h1>")).length, 1);
      assert.equal((await queuedMails(platform, address)).filter((queued) => queued.subject.startsWith("Inscription confirmée")).length, 1);

      for (const again of [await visitor.get(path), await visitor.post(path, {}, { csrf })]) {
        assert.equal(again.statusCode, 200);
        assert.match(again.body, /<h1>Inscription déjà confirmée<\/h1>/);
        assert.match(again.body, /Vous êtes inscrit·e à distance\. Un courriel de confirmation avec l’invitation à ajouter à votre agenda a été envoyé à dominique\.double@exemple\.fr\./);
        assert.doesNotMatch(again.body, /non valable|Confirmer mon inscription<\/button>/);
        assertFrenchSpacing(again.body);
      }

      await platform.database.db.update(eventRegistrations).set({ status: "cancelled", cancelledAt: clock.now() }).where(eq(eventRegistrations.email, address));
      const cancelled = await visitor.get(path);
      assert.equal(cancelled.statusCode, 200);
      assert.match(cancelled.body, /<h1>Inscription annulée<\/h1>/);
      assert.match(cancelled.body, /Cette inscription est annulée/);

      const wrong = `/evenements/inscription/confirmer/${"B".repeat(43)}`;
      clock.set("2027-03-09T16:30:00Z");
      try {
        for (const response of [await visitor.get(path), await visitor.get(wrong), await visitor.post(wrong, {}, { csrf })]) {
          assert.equal(response.statusCode, 404);
          assert.match(response.body, /Ce lien de confirmation n’est pas valable/);
          assert.ok(!response.body.includes(event.title) && !response.body.includes(address), "le lien révèle l’inscription");
        }
      } finally {
        clock.set("2027-02-15T10:00:00Z");
      }
      assert.equal((await visitor.get(wrong)).statusCode, 404);
    });

    it("lets a link expire after 48 hours: refused with 410 and the request deleted, so the address can ask again", async () => {
      const address = "camille.tardive@exemple.fr";
      const visitor = httpSessionOn(platform);
      assert.equal((await visitor.post(`/evenements/${event.slug}/inscription`, { email: address, givenName: "Camille", usualName: "Tardive", organisationName: "Région", mode: "remote" })).statusCode, 200);
      const [mail] = await waitForMails(platform, address, "Confirmez votre inscription");
      const path = /http:\/\/localhost:3000(\/evenements\/inscription\/confirmer\/[\w-]+)/.exec(mail!.text)![1]!;
      const page = await visitor.get(path);
      clock.advance(48 * 3600_000);
      try {
        assert.equal((await visitor.get(path)).statusCode, 410);
        const late = await visitor.post(path, {}, { csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! });
        assert.equal(late.statusCode, 410);
        assert.match(late.body, /Ce lien de confirmation a expiré/);
        assert.deepEqual(await platform.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.email, address)), []);
        assert.equal((await visitor.post(`/evenements/${event.slug}/inscription`, { email: address, givenName: "Camille", usualName: "Tardive", organisationName: "Région", mode: "remote" })).statusCode, 200);
        assert.equal((await platform.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.email, address)))[0]?.status, "pending");
      } finally {
        clock.set("2027-02-15T10:00:00Z");
      }
    });

    it("keeps visitors out of events for members: the form asks them to sign in", async () => {
      const membersOnly = await createTestEvent(platform);
      const posted = await httpSessionOn(platform).post(`/evenements/${membersOnly.slug}/inscription`, { email: "x@exemple.fr", givenName: "X", usualName: "Y", organisationName: "Z", mode: "remote" }, { formPage: `/evenements/${event.slug}/inscription` });
      assert.equal(posted.statusCode, 401);
    });

    it("rate-limits the visitor form per address: the 11th request in a minute gets a 429", async () => {
      const visitor = httpSessionOn(platform);
      const form = await visitor.get(`/evenements/${event.slug}/inscription`);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 11; attempt++) statuses.push((await visitor.post(`/evenements/${event.slug}/inscription`, { email: "" }, { csrf })).statusCode);
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(400));
      assert.equal(statuses[10], 429);
    });
  });

  describe("the event page's registration block", () => {
    function block(html: string): string {
      const start = html.indexOf('<section class="fr-my-4w" aria-labelledby="inscription">');
      assert.ok(start >= 0, "bloc d’inscription absent");
      return html.slice(start, html.indexOf("</section>", start));
    }

    it("shows the places left per mode, the window and the « S’inscrire » button to a member", async () => {
      const event = await createTestEvent(platform, { inPersonCapacity: 1, remoteCapacity: 30, questions: [] });
      const html = block((await members[6]!.session.get(`/evenements/${event.slug}`)).body);
      assert.match(html, /Inscriptions ouvertes jusqu’au 8 mars 2027 à\u00a018\u00a0h\./);
      assert.match(html, /<strong>Sur place<\/strong>\u00a0: 1\u00a0place restante sur 1/);
      assert.match(html, /<strong>À distance<\/strong>\u00a0: 30\u00a0places restantes sur 30/);
      assert.ok(html.includes(`href="/evenements/${event.slug}/inscription">S’inscrire</a>`));
      assertFrenchSpacing(html);
    });

    it("shows a member their registration after the redirect, their rank on the waitlist, and the cancel and « Mes inscriptions » links", async () => {
      const event = await createTestEvent(platform, { inPersonCapacity: 1, questions: [] });
      const first = await members[6]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person" });
      const landing = block((await members[6]!.session.get(String(first.headers.location))).body);
      assert.match(landing, /Votre inscription est enregistrée\./);
      assert.match(landing, /Inscription confirmée/);
      assert.match(landing, /Vous êtes inscrit·e \(sur place\)\./);
      assert.ok(landing.includes(`href="/evenements/${event.slug}/desinscription"`));
      assert.ok(landing.includes('href="/compte/evenements"'));
      assert.match(landing, /<strong>Sur place<\/strong>\u00a0: complet, les prochaines inscriptions vont sur la liste d’attente/);
      // The notice follows what is true: someone not registered is not told they are.
      assert.doesNotMatch(block((await members[7]!.session.get(String(first.headers.location))).body), /Votre inscription est enregistrée/);

      await members[7]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person" });
      const second = await members[5]!.session.post(`/evenements/${event.slug}/inscription`, { mode: "in_person" });
      // The notice says it is the waitlist, and where.
      const waitlisted = block((await members[5]!.session.get(String(second.headers.location))).body);
      assert.match(waitlisted, /Vous êtes sur la liste d’attente \(sur place\), en 2<sup>e<\/sup> position\. Si une place se libère pour vous, vous recevrez un courriel de confirmation\./);
      assert.doesNotMatch(waitlisted, /Votre inscription est enregistrée/);
      assertFrenchSpacing(waitlisted);
      const waiting = block((await members[5]!.session.get(`/evenements/${event.slug}`)).body);
      assert.match(waiting, /Sur liste d’attente/);
      assert.match(waiting, /Vous êtes en 2<sup>e<\/sup> position sur la liste d’attente \(sur place\)\./);
      assert.match(waiting, /<strong>Sur place<\/strong>\u00a0: complet, 2\u00a0personnes sur la liste d’attente/);
      assert.doesNotMatch(waiting, /\u00a0:[^<]*\u00a0:/, "deux deux-points sur une ligne");

      clock.set("2027-03-09T08:00:00Z");
      try {
        const closed = block((await members[6]!.session.get(`/evenements/${event.slug}`)).body);
        assert.match(closed, /Les inscriptions sont closes\./);
        assert.doesNotMatch(closed, /desinscription/);
        assert.match(closed, /Les annulations sont closes depuis le 9 mars 2027 à\u00a09\u00a0h\./);
      } finally {
        clock.set("2027-02-15T10:00:00Z");
      }
    });

    it("offers a visitor the e-mail registration on a public event, and the sign-in on a members' event", async () => {
      const publicEvent = await createTestEvent(platform, { audience: "public", questions: [] });
      const visitor = block((await httpSessionOn(platform).get(`/evenements/${publicEvent.slug}`)).body);
      assert.ok(visitor.includes(`href="/evenements/${publicEvent.slug}/inscription">S’inscrire avec mon adresse électronique</a>`));
      assert.match(visitor, /Connectez-vous pour vous inscrire avec votre compte/);
      const membersEvent = await createTestEvent(platform, { questions: [], registrationOpensAt: new Date("2027-02-20T08:00:00Z") });
      const anonymous = block((await httpSessionOn(platform).get(`/evenements/${membersEvent.slug}`)).body);
      assert.match(anonymous, /Les inscriptions ne sont pas encore ouvertes\u00a0: elles ouvriront le 20 février 2027 à\u00a09\u00a0h\./);
      assert.doesNotMatch(anonymous, /Connectez-vous pour vous inscrire/);
      clock.set("2027-02-21T08:00:00Z");
      try {
        const open = block((await httpSessionOn(platform).get(`/evenements/${membersEvent.slug}`)).body);
        assert.ok(open.includes(`href="/connexion?retour=${encodeURIComponent(`/evenements/${membersEvent.slug}/inscription`)}"`));
        assert.match(open, /Connectez-vous pour vous inscrire/);
      } finally {
        clock.set("2027-02-15T10:00:00Z");
      }
    });
  });

  describe("« Mes inscriptions »", () => {
    it("sends an anonymous visitor to the sign-in page", async () => {
      const page = await httpSessionOn(platform).get("/compte/evenements");
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, "/connexion?retour=%2Fcompte%2Fevenements");
    });

    it("lists upcoming registrations with the QR code of in-person seats and a cancel button, and past ones with attendance", async () => {
      const member = members[0]!;
      const past = await createTestEvent(platform, { title: "Atelier passé", startsAt: new Date("2027-01-12T13:00:00Z"), endsAt: new Date("2027-01-12T15:00:00Z"), registrationOpensAt: null, registrationClosesAt: null, cancellationClosesAt: null });
      await platform.database.db.insert(eventRegistrations).values({ eventId: past.id, userId: member.id, mode: "remote", status: "confirmed", checkInToken: "jeton-passe-test", attendedAt: new Date("2027-01-12T13:05:00Z") });
      const page = await member.session.get("/compte/evenements");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Mes inscriptions<\/h1>/);
      assert.match(page.body, /<svg role="img" aria-label="Code QR d’accueil pour «\u00a0Atelier données ouvertes n°\u00a01\u00a0»"/);
      assert.match(page.body, /href="http:\/\/localhost:3000\/pointage\/[\w-]+"/);
      assert.match(page.body, /Annuler mon inscription<span class="fr-sr-only"> à «\u00a0Atelier données ouvertes n°\u00a01\u00a0»<\/span>/);
      const pastSection = page.body.slice(page.body.indexOf("<h2>Passées</h2>"));
      assert.match(pastSection, /Atelier passé/);
      assert.match(pastSection, /Présent·e/);
      assertFrenchSpacing(page.body);
    });

    it("cancels from the list and comes back to it", async () => {
      const member = members[4]!;
      const event = await createTestEvent(platform, { questions: [] });
      assert.equal((await member.session.post(`/evenements/${event.slug}/inscription`, { mode: "remote" })).statusCode, 303);
      const posted = await member.session.post(`/evenements/${event.slug}/desinscription`, { retour: "/compte/evenements" }, { formPage: "/compte/evenements" });
      assert.equal(posted.statusCode, 303);
      assert.equal(posted.headers.location, "/compte/evenements?annulee=1");
      assert.match((await member.session.get("/compte/evenements?annulee=1")).body, /Votre inscription est annulée\./);
    });

    it("asks for confirmation before cancelling from the list, like the event page, and comes back to the list", async () => {
      const [member] = await createMembersWithSessions(platform, 1, { prefix: "confirme-liste", now: clock.now() });
      const event = await createTestEvent(platform, { title: "Atelier à confirmer", questions: [] });
      assert.equal((await member!.session.post(`/evenements/${event.slug}/inscription`, { mode: "remote" })).statusCode, 303);
      const list = (await member!.session.get("/compte/evenements")).body;
      assert.ok(!list.includes(`action="/evenements/${event.slug}/desinscription"`), "la liste annule sans demander de confirmation");
      const confirmPath = `/evenements/${event.slug}/desinscription?retour=%2Fcompte%2Fevenements`;
      assert.ok(list.includes(`href="${confirmPath}">Annuler mon inscription<span class="fr-sr-only"> à «\u00a0Atelier à confirmer\u00a0»</span>`), "pas de lien vers la confirmation");

      const confirmation = await member!.session.get(confirmPath);
      assert.equal(confirmation.statusCode, 200);
      assert.match(confirmation.body, /Confirmer l’annulation/);
      assert.match(confirmation.body, /<input type="hidden" name="retour" value="\/compte\/evenements"\/>/);
      assert.match(confirmation.body, /href="\/compte\/evenements">\s*Garder mon inscription/);
      assert.equal((await registrationOf(event.id, member!.id))?.status, "confirmed", "ouvrir la confirmation n’annule rien");
      assertFrenchSpacing(confirmation.body);

      const posted = await member!.session.post(`/evenements/${event.slug}/desinscription`, { retour: "/compte/evenements" }, { formPage: confirmPath });
      assert.equal(posted.statusCode, 303);
      assert.equal(posted.headers.location, "/compte/evenements?annulee=1");
      assert.equal(await registrationOf(event.id, member!.id), null);
    });

    it("ignores any other return address on the confirmation page", async () => {
      const [member] = await createMembersWithSessions(platform, 1, { prefix: "retour-autre", now: clock.now() });
      const event = await createTestEvent(platform, { title: "Atelier sans détour", questions: [] });
      assert.equal((await member!.session.post(`/evenements/${event.slug}/inscription`, { mode: "remote" })).statusCode, 303);
      const page = (await member!.session.get(`/evenements/${event.slug}/desinscription?retour=https%3A%2F%2Fexemple.org%2F`)).body;
      assert.doesNotMatch(page, /name="retour"/);
      assert.doesNotMatch(page, /exemple\.org/);
      assert.match(page, new RegExp(`href="/evenements/${event.slug}">\\s*Garder mon inscription`));
    });

    it("is linked once from the account page, in « Mes événements » with the calendar feed", async () => {
      const page = (await members[0]!.session.get("/compte")).body;
      assert.equal(page.match(/href="\/compte\/evenements"/g)?.length, 1);
      const section = page.slice(page.indexOf('id="evenements"'), page.indexOf('id="donnees"'));
      assert.match(section, /Mes événements/);
      assert.match(section, /href="\/compte\/evenements">\s*Mes inscriptions\s*</);
      assert.match(section, /href="\/compte\/calendrier">\s*Mes inscriptions dans mon agenda\s*</);
    });

    it("says one coherent thing per card: a cancelled registration is cancelled, a cancelled event says why and asks nothing", async () => {
      const [member] = await createMembersWithSessions(platform, 1, { prefix: "cartes", now: clock.now() });
      const open = await createTestEvent(platform, { title: "Atelier dont je me désinscris", questions: [] });
      const cancelledEvent = await createTestEvent(platform, { title: "Atelier annulé par l’équipe", questions: [] });
      assert.equal((await member!.session.post(`/evenements/${open.slug}/inscription`, { mode: "remote" })).statusCode, 303);
      assert.equal((await member!.session.post(`/evenements/${open.slug}/desinscription`, {})).statusCode, 303);
      assert.equal((await member!.session.post(`/evenements/${cancelledEvent.slug}/inscription`, { mode: "in_person" })).statusCode, 303);
      await platform.database.db.update(events).set({ status: "cancelled", cancellationReason: "la salle n’est plus disponible." }).where(eq(events.id, cancelledEvent.id));

      const page = (await member!.session.get("/compte/evenements")).body;
      const card = (title: string) => {
        const at = page.indexOf(title);
        assert.ok(at >= 0, `pas de carte « ${title} »`);
        return page.slice(page.lastIndexOf("<li", at), page.indexOf("</li>", at));
      };
      const cancelledCard = card("Atelier dont je me désinscris");
      assert.match(cancelledCard, /Inscription annulée/);
      assert.match(cancelledCard, /Cette inscription est annulée\./);
      assert.ok(cancelledCard.includes(`href="/evenements/${open.slug}/inscription">S’inscrire à nouveau`));
      assert.doesNotMatch(cancelledCard, /Vous êtes inscrit·e|Annuler mon inscription|<svg/);

      const eventCard = card("Atelier annulé par l’équipe");
      assert.match(eventCard, /Événement annulé\u00a0: la salle n’est plus disponible\./);
      assert.match(eventCard, /Vous n’avez rien à faire\./);
      assert.doesNotMatch(eventCard, /Vous êtes inscrit·e|Inscription confirmée|Annuler mon inscription|<svg|S’inscrire/);
      assertFrenchSpacing(page);
    });
  });
});

