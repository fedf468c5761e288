import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { devMails, eventRegistrations, events, organisations, users } from "../../db/schema/index.ts";
import { assertFieldError, escapeHtml } from "../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../tests/support/french-typography.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { assertNoMailQueued, markMailQueue, queuedMails } from "../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { listAttendance } from "./attendance.ts";
import { defaultQuestions, type AttendanceMode } from "./domain/event-kinds.ts";
import { checkInQrPng, checkInUrl } from "./qr/check-in-qr.ts";
import { decodeQrPng } from "./registration-test-support.ts";
import type { EventRecord, RegistrationRecord } from "./repository.ts";
import { takeSeat } from "./use-cases/seats.ts";

// Registrations close at the start (9 March 2027, 14 h Paris); the access list is due on 5 March at 12 h.
let now = new Date("2027-03-01T10:00:00Z");
const clock = { now: () => now };

let platform: TestPlatform;
let team: HttpSession;
let member: HttpSession;
const db = () => platform.database.db;
const teamEmail = "camille.martin@numerique.gouv.fr";

let createdEvents = 0;
async function createEvent(overrides: Partial<typeof events.$inferInsert> = {}): Promise<EventRecord> {
  createdEvents++;
  const [event] = await db()
    .insert(events)
    .values({
      slug: `atelier-equipe-${createdEvents}`,
      kind: "atelier",
      title: `Atelier «\u00a0données ouvertes\u00a0» n°\u00a0${createdEvents}`,
      startsAt: new Date("2027-03-09T13:00:00Z"),
      endsAt: new Date("2027-03-09T16:30:00Z"),
      placeName: "Salle Ségur",
      placeAddress: "20 avenue de Ségur, 75007 Paris",
      visioUrl: "https://webinaire.numerique.gouv.fr/atelier",
      inPersonCapacity: 2,
      remoteCapacity: 2,
      accessListDueAt: new Date("2027-03-05T11:00:00Z"),
      questions: defaultQuestions,
      ...overrides,
    })
    .returning();
  return event!;
}

async function userId(email: string, names?: { givenName: string; usualName: string; organisation?: string }): Promise<string> {
  const [found] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  if (found) return found.id;
  const [organisation] = names?.organisation ? await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, names.organisation)) : [];
  const [created] = await db()
    .insert(users)
    .values({ email, givenName: names?.givenName ?? "Test", usualName: names?.usualName ?? "Personne", organisationId: organisation?.id ?? null })
    .returning({ id: users.id });
  return created!.id;
}

async function register(event: EventRecord, email: string, mode: AttendanceMode, answers: Record<string, string> = {}): Promise<RegistrationRecord> {
  const id = await userId(email);
  return db().transaction(async (tx) => (await takeSeat(tx, { eventId: event.id, registrant: { userId: id }, mode, answers, now })).registration);
}

async function registerVisitor(event: EventRecord, email: string, mode: AttendanceMode): Promise<RegistrationRecord> {
  const visitor = { email, givenName: "Zoé", usualName: "Visiteuse", organisationName: "Mairie de Lyon", confirmationTokenHash: `hash-${email}` };
  return db().transaction(async (tx) => (await takeSeat(tx, { eventId: event.id, registrant: { visitor }, mode, answers: {}, now })).registration);
}

async function statusOf(registration: RegistrationRecord): Promise<{ status: string; mode: string; queuePosition: number; attendedAt: Date | null }> {
  const [row] = await db().select().from(eventRegistrations).where(eq(eventRegistrations.id, registration.id));
  return { status: row!.status, mode: row!.mode, queuePosition: row!.queuePosition, attendedAt: row!.attendedAt };
}

/** The newest mail to `to` whose subject contains `subject` (the job worker delivers within seconds). */
async function mailTo(to: string, subject: string): Promise<{ subject: string; text: string; calendar: string | null; attachments: unknown }> {
  const started = Date.now();
  while (Date.now() - started < 10_000) {
    const mails = await db().select().from(devMails).where(eq(devMails.to, to));
    const mail = mails.find((candidate) => candidate.subject.includes(subject));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Aucun courriel «\u00a0${subject}\u00a0» pour ${to}`);
}

/**
 * The usual event: 2 seats in person (Inès Benali with an accessibility need, and a name starting with =,
 * both confirmed; Thomas Leroy then Sophie Durand waiting), 2 remote (Marc Petit confirmed), and a
 * visitor who has not confirmed their address.
 */
async function usualEvent(overrides: Partial<typeof events.$inferInsert> = {}) {
  const event = await createEvent(overrides);
  const ines = await register(event, "ines.benali@insee.fr", "in_person", { accessibility: "Fauteuil roulant", diet: "" });
  const mallory = await register(event, "mallory@finances.gouv.fr", "in_person");
  const thomas = await register(event, "thomas.leroy@ign.fr", "in_person");
  const sophie = await register(event, "sophie.durand@interieur.gouv.fr", "in_person");
  const marc = await register(event, "marc.petit@numerique.gouv.fr", "remote", { diet: "Végétarien" });
  const visitor = await registerVisitor(event, `zoe.${createdEvents}@lyon.fr`, "in_person");
  return { event, ines, mallory, thomas, sophie, marc, visitor };
}

before(async () => {
  platform = await startTestPlatform({ clock });
  await userId("mallory@finances.gouv.fr", { givenName: "Mallory", usualName: "=HYPERLINK(\"http://pirate.example\")", organisation: "DGFiP" });
  team = await signInOverHttp(platform, teamEmail);
  member = await signInOverHttp(platform, "ines.benali@insee.fr");
});
after(() => platform.stop());
beforeEach(async () => {
  now = new Date("2027-03-01T10:00:00Z");
  await db().delete(devMails);
});

describe("the programme team's event routes: who may open them", () => {
  it("answers 403 to a member on every team route, GET and POST, and sends an anonymous visitor to sign in", async () => {
    const { event, ines, thomas } = await usualEvent();
    const mark = await markMailQueue(platform);
    const base = `/admin/evenements/${event.id}`;
    const pages = [
      `${base}/inscriptions`,
      `${base}/inscriptions/${ines.id}/changer-de-mode`,
      `${base}/inscriptions/${ines.id}/confirmer`,
      `${base}/inscriptions/${ines.id}/annuler`,
      `${base}/liste-acces.csv`,
      `${base}/message`,
      `${base}/pointage`,
      `${base}/emargement`,
      // Someone else's code (a member's own code shows them a page of their own, tested below).
      `/pointage/${thomas.checkInToken}`,
    ];
    for (const page of pages) {
      assert.equal((await member.get(page)).statusCode, 403, `GET ${page}`);
      const anonymous = await httpSessionOn(platform).get(page);
      assert.equal(anonymous.statusCode, 303, `GET anonyme ${page}`);
      assert.equal(anonymous.headers.location, `/connexion?retour=${encodeURIComponent(page)}`);
    }
    const posts = [`${base}/inscriptions/${ines.id}/changer-de-mode`, `${base}/inscriptions/${ines.id}/confirmer`, `${base}/inscriptions/${ines.id}/annuler`, `${base}/message`, `${base}/pointage`, `${base}/emargement`, `/pointage/${ines.checkInToken}`, `/pointage/${ines.checkInToken}/annuler-arrivee`];
    for (const page of posts) {
      const response = await member.post(page, { inscription: ines.id, subject: "x", body: "x", audience: "all", mode: "all", listed: ines.id, present: ines.id }, { formPage: "/compte" });
      assert.equal(response.statusCode, 403, `POST ${page}`);
    }
    assert.deepEqual(await statusOf(ines), { status: "confirmed", mode: "in_person", queuePosition: ines.queuePosition, attendedAt: null });
    await assertNoMailQueued(platform, undefined, { since: mark });
  });

  it("writes every team page in French typography (non-breaking spaces before « : ; ? ! » and inside « »)", async () => {
    const { event, ines, thomas, mallory } = await usualEvent();
    now = new Date("2027-03-09T13:05:00Z");
    await team.post(`/pointage/${ines.checkInToken}`, {});
    const base = `/admin/evenements/${event.id}`;
    const pages = [
      await team.get(`${base}/inscriptions`),
      await team.get(`${base}/inscriptions/${ines.id}/changer-de-mode`),
      await team.get(`${base}/inscriptions/${thomas.id}/confirmer`),
      await team.get(`${base}/inscriptions/${ines.id}/annuler`),
      await team.post(`${base}/message`, { subject: "", body: "", audience: "", mode: "" }),
      await team.post(`${base}/message`, { subject: "Salle changée", body: "Rendez-vous salle B\u00a0!", audience: "all", mode: "all" }),
      await team.get(`${base}/pointage?q=benali&arrivee=${ines.id}`),
      await team.get(`/pointage/${ines.checkInToken}?deja=1`),
      await team.get(`/pointage/${thomas.checkInToken}`),
      await team.get(`${base}/emargement?enregistre=1`),
      await member.get(`/pointage/${ines.checkInToken}`),
    ];
    now = new Date("2027-03-02T09:00:00Z");
    pages.push(await team.get(`/pointage/${thomas.checkInToken}`), await team.post(`/pointage/${thomas.checkInToken}`, { admettre: "oui" }), await team.post(`${base}/pointage`, { inscription: mallory.id, q: "" }));
    for (const page of pages) assertFrenchSpacing(page.body, [event.title, "=HYPERLINK(\"http://pirate.example\")"]);
  });

  it("shows a remote-only event without access list, and says on its check-in page to use the attendance sheet", async () => {
    const event = await createEvent({ inPersonCapacity: null, placeName: null, placeAddress: null });
    await register(event, "ines.benali@insee.fr", "remote");
    const list = await team.get(`/admin/evenements/${event.id}/inscriptions`);
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes("Liste d’accès du bâtiment"));
    assert.ok(!list.body.includes("Passer sur place"));
    const checkIn = await team.get(`/admin/evenements/${event.id}/pointage`);
    assert.ok(checkIn.body.includes("Personne n’est attendu sur place"));
    const move = await team.get(`/admin/evenements/${event.id}/inscriptions/${(await db().select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id)))[0]!.id}/changer-de-mode`);
    assert.equal(move.statusCode, 409);
    assert.ok(move.body.includes("Cet événement ne se suit pas sur place."));
  });

  it("answers 404 for an unknown event, registration or QR code", async () => {
    const { event } = await usualEvent();
    assert.equal((await team.get("/admin/evenements/00000000-0000-4000-8000-000000000000/inscriptions")).statusCode, 404);
    assert.equal((await team.get("/admin/evenements/pas-un-identifiant/pointage")).statusCode, 404);
    assert.equal((await team.get(`/admin/evenements/${event.id}/inscriptions/00000000-0000-4000-8000-000000000000/annuler`)).statusCode, 404);
    assert.equal((await team.get(`/admin/evenements/${event.id}/inscriptions/00000000-0000-4000-8000-000000000000/supprimer`)).statusCode, 404);
    assert.equal((await team.get("/pointage/code-inconnu-de-la-plateforme")).statusCode, 404);
  });
});

describe("the registrations list and its actions", () => {
  it("lists the registrations by mode and status with names, organisation, ministry, address, answers and the counts against the capacities", async () => {
    const { event } = await usualEvent();
    const page = await team.get(`/admin/evenements/${event.id}/inscriptions`);
    assert.equal(page.statusCode, 200);
    const html = page.body;
    assert.match(html, /<h1[^>]*>Inscriptions<\/h1>/);
    assert.ok(html.includes("Inès Benali"));
    assert.ok(html.includes("Institut national de la statistique et des études économiques"));
    assert.ok(html.includes("Ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique"));
    assert.ok(html.includes("ines.benali@insee.fr"));
    assert.ok(html.includes("Fauteuil roulant"));
    assert.ok(html.includes("Végétarien"));
    assert.ok(html.includes("Visiteur ou visiteuse sans compte"));
    // The waitlist keeps the queue order: Thomas before Sophie.
    const waitlist = html.slice(html.indexOf('id="attente-in_person"'), html.indexOf('id="mode-remote"'));
    assert.ok(waitlist.indexOf("Thomas Leroy") < waitlist.indexOf("Sophie Durand") && waitlist.indexOf("Thomas Leroy") > 0, waitlist);
    assert.match(html, /<th scope="row">Sur place<\/th><td>2<\/td><td>2<\/td><td>0<\/td><td>2<\/td><td>0<\/td>/);
    assert.match(html, /<th scope="row">À distance<\/th><td>2<\/td><td>1<\/td><td>1<\/td><td>0<\/td><td>0<\/td>/);
    assert.ok(html.includes("Liste d’accès à envoyer à l’accueil avant le <strong>vendredi 5 mars 2027 à\u00a012\u00a0h</strong>"));
  });

  it("moves a confirmed person to a mode with room: a seat there, their seat here to the first waiting, both mailed", async () => {
    const { event, ines, thomas, sophie } = await usualEvent();
    const confirmPage = await team.get(`/admin/evenements/${event.id}/inscriptions/${ines.id}/changer-de-mode`);
    assert.equal(confirmPage.statusCode, 200);
    assert.ok(confirmPage.body.includes("Il reste 1\u00a0place à distance\u00a0: la personne aura une place. Sa place sur place ira à la première personne de la liste d’attente. La personne sera prévenue par courriel."), confirmPage.body);
    const response = await team.post(`/admin/evenements/${event.id}/inscriptions/${ines.id}/changer-de-mode`, {});
    assert.equal(response.statusCode, 303);
    assert.equal((await statusOf(ines)).mode, "remote");
    assert.equal((await statusOf(ines)).status, "confirmed");
    assert.equal((await statusOf(thomas)).status, "confirmed");
    assert.equal((await statusOf(sophie)).status, "waitlisted");
    const notice = await team.get(response.headers.location as string);
    assert.ok(notice.body.includes("Inès Benali participera à distance"));
    assert.ok(notice.body.includes("Sa place à distance est confirmée. Un courriel lui a été envoyé. 1\u00a0personne de la liste d’attente a reçu une place et en est prévenue par courriel."), notice.body);
    // The mail says the team moved her (she did not ask), with the updated invitation.
    const moved = await mailTo("ines.benali@insee.fr", "Votre inscription a changé");
    assert.ok(moved.text.includes(`L’équipe du programme a changé votre mode de participation à «\u00a0${event.title}\u00a0»\u00a0: vous y participerez désormais à distance, et votre place est confirmée.`), moved.text);
    assert.ok(moved.text.includes("Lien de la visio\u00a0: https://webinaire.numerique.gouv.fr/atelier"));
    assert.ok(moved.calendar?.includes("METHOD:REQUEST"));
    assert.ok(!moved.attachments || (moved.attachments as unknown[]).length === 0, "no QR code for a remote seat");
    const promoted = await mailTo("thomas.leroy@ign.fr", "Une place s’est libérée");
    assert.equal((promoted.attachments as { filename: string }[]).map((attachment) => attachment.filename).join(), "code-qr-accueil.png");
  });

  it("moves someone to a full mode at the END of its waitlist, after the people already waiting there", async () => {
    const event = await createEvent({ inPersonCapacity: 1, remoteCapacity: 1 });
    const ines = await register(event, "ines.benali@insee.fr", "in_person");
    const marc = await register(event, "marc.petit@numerique.gouv.fr", "remote");
    const thomas = await register(event, "thomas.leroy@ign.fr", "remote");
    const page = await team.get(`/admin/evenements/${event.id}/inscriptions/${ines.id}/changer-de-mode`);
    assert.ok(page.body.includes("Il ne reste pas de place à distance (1\u00a0personne attend déjà)\u00a0: la personne rejoindra la fin de la liste d’attente."), page.body);
    assert.equal((await team.post(`/admin/evenements/${event.id}/inscriptions/${ines.id}/changer-de-mode`, {})).statusCode, 303);
    const moved = await statusOf(ines);
    assert.equal(moved.mode, "remote");
    assert.equal(moved.status, "waitlisted");
    assert.ok(moved.queuePosition > (await statusOf(thomas)).queuePosition);
    assert.equal((await statusOf(marc)).status, "confirmed");
    assert.match((await mailTo("ines.benali@insee.fr", "Votre inscription a changé")).text, /liste d’attente \(1\u00a0personne attend avant vous\)/);
  });

  it("takes someone off a full waitlist only once the team confirms the over-booking, then mails them", async () => {
    const { event, sophie, thomas } = await usualEvent();
    const url = `/admin/evenements/${event.id}/inscriptions/${sophie.id}/confirmer`;
    const page = await team.get(url);
    assert.ok(page.body.includes("Surréservation"));
    assert.ok(page.body.includes("Les 2\u00a0places sur place sont prises (2\u00a0personnes confirmées). En confirmant cette personne, l’événement comptera 3\u00a0personnes sur place pour 2\u00a0places."), page.body);
    // Posted without the over-booking confirmation (an old page): refused, the page asks again.
    const refused = await team.post(url, {}, { formPage: url });
    assert.equal(refused.statusCode, 409);
    assert.ok(refused.body.includes("Confirmer au-delà de la capacité"));
    assert.equal((await statusOf(sophie)).status, "waitlisted");
    const done = await team.post(url, { surreservation: "oui" }, { formPage: url });
    assert.equal(done.statusCode, 303);
    assert.equal((await statusOf(sophie)).status, "confirmed");
    assert.equal((await statusOf(thomas)).status, "waitlisted");
    assert.ok((await team.get(done.headers.location as string)).body.includes("L’événement est en surréservation."));
    assert.ok((await mailTo("sophie.durand@interieur.gouv.fr", "Inscription confirmée")).text.includes("est confirmée (sur place)"));
    // A confirmed registration is not on the waitlist: the page says so, without the button.
    const again = await team.get(url);
    assert.equal(again.statusCode, 409);
    assert.ok(again.body.includes("Cette personne n’est pas sur la liste d’attente."));
    assert.ok(!again.body.includes("Confirmer l’inscription</button>"));
  });

  it("cancels a registration with the team's message; the first waiting person gets the seat and both are mailed", async () => {
    const { event, ines, thomas } = await usualEvent();
    const url = `/admin/evenements/${event.id}/inscriptions/${ines.id}/annuler`;
    const response = await team.post(url, { message: "Vous êtes inscrite deux fois ce jour-là." });
    assert.equal(response.statusCode, 303);
    assert.equal((await statusOf(ines)).status, "cancelled");
    assert.equal((await statusOf(thomas)).status, "confirmed");
    const cancelled = await mailTo("ines.benali@insee.fr", "Inscription annulée");
    assert.match(cancelled.text, /L’équipe du programme a annulé votre inscription[^]*Vous êtes inscrite deux fois ce jour-là\./);
    assert.ok(cancelled.calendar?.includes("METHOD:CANCEL"));
    assert.ok((await mailTo("thomas.leroy@ign.fr", "Une place s’est libérée")).calendar?.includes("BEGIN:VEVENT"));
    const list = await team.get(response.headers.location as string);
    assert.ok(list.body.includes("L’inscription d’Inès Benali est annulée"));
    const cancelledSection = list.body.slice(list.body.indexOf('id="annulees"'));
    assert.ok(cancelledSection.includes("Inès Benali"));
    // Cancelling it again changes nothing and says why.
    const again = await team.post(url, {}, { formPage: `/admin/evenements/${event.id}/inscriptions` });
    assert.equal(again.statusCode, 409);
    assert.ok(again.body.includes("Cette inscription est annulée."));
  });
});

describe("the building's access list", () => {
  it("downloads the confirmed in-person people as CSV for a French spreadsheet: BOM, `;`, accents intact, a name starting with = neutralised", async () => {
    const { event } = await usualEvent();
    const response = await team.get(`/admin/evenements/${event.id}/liste-acces.csv`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "text/csv; charset=utf-8");
    assert.equal(response.headers["content-disposition"], `attachment; filename="liste-acces-${event.slug}.csv"`);
    const csv = response.rawPayload.toString("utf8");
    assert.ok(csv.startsWith("\uFEFF"));
    const [header, ...rows] = parse(csv.slice(1), { delimiter: ";" }) as string[][];
    assert.deepEqual(header, ["Nom", "Prénom", "Organisation", "Courriel", "Date", "Heure d’arrivée prévue", "Heure de départ prévue", "Événement"]);
    assert.deepEqual(rows, [
      ["'=HYPERLINK(\"http://pirate.example\")", "Mallory", "Direction générale des Finances publiques", "mallory@finances.gouv.fr", "09/03/2027", "14:00", "17:30", event.title],
      ["Benali", "Inès", "Institut national de la statistique et des études économiques", "ines.benali@insee.fr", "09/03/2027", "14:00", "17:30", event.title],
    ]);
  });

  it("after the cut-off, flags who got a seat since and offers them as a complement", async () => {
    const { event, ines, thomas } = await usualEvent();
    now = new Date("2027-03-06T09:00:00Z");
    await team.post(`/admin/evenements/${event.id}/inscriptions/${ines.id}/annuler`, {}, { formPage: `/admin/evenements/${event.id}/inscriptions` });
    assert.equal((await statusOf(thomas)).status, "confirmed");
    const page = await team.get(`/admin/evenements/${event.id}/inscriptions`);
    assert.ok(page.body.includes("La liste d’accès devait être envoyée à l’accueil avant le vendredi 5 mars 2027 à\u00a012\u00a0h. 1\u00a0personne a obtenu une place sur place depuis"), page.body);
    const complement = await team.get(`/admin/evenements/${event.id}/liste-acces.csv?depuis-echeance=1`);
    const rows = (parse(complement.rawPayload.toString("utf8").slice(1), { delimiter: ";" }) as string[][]).slice(1);
    assert.deepEqual(
      rows.map((row) => row[0]),
      ["Leroy"],
    );
  });
});

describe("mailing every registrant", () => {
  it("shows each error at its field with the input kept, and sends nothing", async () => {
    const { event } = await usualEvent();
    const mark = await markMailQueue(platform);
    const url = `/admin/evenements/${event.id}/message`;
    const response = await team.post(url, { subject: "", body: "Le lien de la visio change.", audience: "tous", mode: "all" });
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "subject", "Indiquez l’objet du message.", "");
    assert.ok(response.body.includes(">Le lien de la visio change.</textarea>"));
    assert.ok(response.body.includes("Choisissez les destinataires."));
    const nobody = await team.post(url, { subject: "Rappel", body: "À mardi.", audience: "waitlisted", mode: "remote" });
    assert.equal(nobody.statusCode, 400);
    assert.ok(nobody.body.includes("Aucune personne inscrite ne correspond à ces destinataires."));
    await assertNoMailQueued(platform, undefined, { since: mark });
  });

  it("shows a preview first (recipients, the mail as received), sends nothing until « Envoyer à N personnes », then one mail per person, never to cancelled or unconfirmed registrations", async () => {
    const { event, visitor } = await usualEvent();
    const mark = await markMailQueue(platform);
    const url = `/admin/evenements/${event.id}/message`;
    const values = { subject: "Salle changée", body: "Rendez-vous salle Ségur B.", audience: "confirmed", mode: "in_person" };
    const preview = await team.post(url, { ...values, etape: "apercu" });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<h1[^>]*>Aperçu du message<\/h1>/);
    assert.ok(preview.body.includes("Le message partira à <strong>2\u00a0personnes</strong>"), preview.body);
    assert.ok(preview.body.includes("Inès Benali — ines.benali@insee.fr"));
    assert.ok(!preview.body.includes("thomas.leroy@ign.fr"));
    // The subject as received: the team's words, then the event.
    assert.ok(preview.body.includes(`Salle changée — ${escapeHtml(event.title)}`), preview.body);
    assert.ok(preview.body.includes("Rendez-vous salle Ségur B."));
    assert.ok(preview.body.includes("Vous recevez ce message parce que vous êtes inscrit·e"));
    assert.match(preview.body, /<button type="submit" class="fr-btn[^"]*" value="envoyer" name="etape">Envoyer à 2\u00a0personnes<\/button>/);
    await assertNoMailQueued(platform, undefined, { since: mark, message: "nothing sent by the preview" });

    // Back to the form: the text is kept.
    const back = await team.post(url, { ...values, etape: "modifier" });
    assert.equal(back.statusCode, 200);
    assert.ok(back.body.includes(">Rendez-vous salle Ségur B.</textarea>"));

    const response = await team.post(url, { ...values, etape: "envoyer", destinataires: "2" });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `${url}?envoye=2`);
    assert.ok((await team.get(response.headers.location as string)).body.includes("Le message part à 2\u00a0personnes"));
    const mail = await mailTo("ines.benali@insee.fr", "Salle changée");
    assert.equal(mail.subject, `Salle changée — ${event.title}`);
    assert.match(mail.text, /^Rendez-vous salle Ségur B\./);
    assert.ok(mail.text.includes(`Vous recevez ce message parce que vous êtes inscrit·e à «\u00a0${event.title}\u00a0»`));
    await mailTo("mallory@finances.gouv.fr", "Salle changée");
    const sent = await queuedMails(platform, undefined, { since: mark });
    assert.deepEqual(sent.map((mail) => mail.to).sort(), ["ines.benali@insee.fr", "mallory@finances.gouv.fr"]);
    assert.ok(!sent.some((candidate) => candidate.to === visitor.email || candidate.to === "thomas.leroy@ign.fr"));
  });

  it("sends nothing when the recipients changed since the preview, and shows the preview again with the new count", async () => {
    const { event } = await usualEvent();
    const mark = await markMailQueue(platform);
    const url = `/admin/evenements/${event.id}/message`;
    const values = { subject: "Rappel", body: "À mardi.", audience: "confirmed", mode: "in_person" };
    // An older preview counted 3 people; 2 are confirmed in person now.
    const changed = await team.post(url, { ...values, etape: "envoyer", destinataires: "3" });
    assert.equal(changed.statusCode, 409);
    assert.ok(changed.body.includes("Les destinataires ont changé"));
    assert.ok(changed.body.includes("Envoyer à 2\u00a0personnes"));
    await assertNoMailQueued(platform, undefined, { since: mark });
  });

  it("keeps a subject that already names the event as typed", async () => {
    const event = await createEvent();
    await register(event, "ines.benali@insee.fr", "in_person");
    const subject = `Rappel — ${event.title}`;
    const response = await team.post(`/admin/evenements/${event.id}/message`, { subject, body: "À mardi.", audience: "all", mode: "all", etape: "envoyer", destinataires: "1" });
    assert.equal(response.statusCode, 303);
    assert.equal((await mailTo("ines.benali@insee.fr", "Rappel")).subject, subject);
  });
});

describe("check-in", () => {
  it("opens a registration's QR code page for the team, records the arrival once and says « déjà enregistrée » on a second scan", async () => {
    const { event, ines } = await usualEvent();
    now = new Date("2027-03-09T13:05:00Z");
    const url = `/pointage/${ines.checkInToken}`;
    const page = await team.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>Inès Benali<\/h1>/);
    assert.ok(page.body.includes(event.title));
    assert.ok(page.body.includes("Enregistrer l’arrivée"));
    const first = await team.post(url, {});
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, `${url}?enregistree=1`);
    assert.ok((await team.get(first.headers.location as string)).body.includes("Arrivée enregistrée à\u00a014\u00a0h\u00a005"));
    now = new Date("2027-03-09T13:20:00Z");
    const second = await team.post(url, {});
    assert.equal(second.headers.location, `${url}?deja=1`);
    const again = await team.get(second.headers.location as string);
    assert.ok(again.body.includes("Arrivée déjà enregistrée à\u00a014\u00a0h\u00a005"));
    assert.ok(!again.body.includes("Enregistrer l’arrivée</button>"));
    assert.equal((await statusOf(ines)).attendedAt?.toISOString(), "2027-03-09T13:05:00.000Z");
  });

  it("flags a waiting person (admitted only on purpose) and a cancelled one (refused)", async () => {
    const { event, thomas, mallory } = await usualEvent();
    now = new Date("2027-03-09T13:10:00Z");
    const waiting = await team.get(`/pointage/${thomas.checkInToken}`);
    assert.ok(waiting.body.includes("Sur liste d’attente"));
    assert.ok(waiting.body.includes("Admettre et enregistrer l’arrivée"));
    const refused = await team.post(`/pointage/${thomas.checkInToken}`, {});
    assert.equal(refused.statusCode, 409);
    assert.equal((await statusOf(thomas)).attendedAt, null);
    assert.equal((await team.post(`/pointage/${thomas.checkInToken}`, { admettre: "oui" })).statusCode, 303);
    assert.equal((await statusOf(thomas)).status, "confirmed");
    assert.ok((await statusOf(thomas)).attendedAt);

    await team.post(`/admin/evenements/${event.id}/inscriptions/${mallory.id}/annuler`, {}, { formPage: `/admin/evenements/${event.id}/inscriptions` });
    const cancelled = await team.get(`/pointage/${mallory.checkInToken}`);
    assert.ok(cancelled.body.includes("Inscription annulée"));
    assert.ok(!cancelled.body.includes("Enregistrer l’arrivée"));
    const post = await team.post(`/pointage/${mallory.checkInToken}`, {}, { formPage: `/pointage/${thomas.checkInToken}` });
    assert.equal(post.statusCode, 409);
    assert.equal((await statusOf(mallory)).attendedAt, null);
  });

  it("finds a person by name without accents on the check-in page, checks them in from the list and counts arrivals", async () => {
    const { event, ines } = await usualEvent();
    now = new Date("2027-03-09T12:55:00Z");
    const url = `/admin/evenements/${event.id}/pointage`;
    const page = await team.get(`${url}?q=benali`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes("0\u00a0arrivée sur 2\u00a0personnes attendues sur place"));
    assert.ok(page.body.includes("1\u00a0personne inscrite sur place trouvée pour «\u00a0benali\u00a0»"), page.body);
    assert.ok(page.body.includes('src="/static/check-in.js"'));
    const response = await team.post(url, { inscription: ines.id, q: "benali" }, { formPage: url });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `${url}?q=benali&arrivee=${ines.id}`);
    const after = await team.get(response.headers.location as string);
    assert.ok(after.body.includes("Arrivée enregistrée à\u00a013\u00a0h\u00a055"));
    assert.ok(after.body.includes("1\u00a0arrivée sur 2\u00a0personnes attendues sur place"));
  });
});

describe("check-in on another day, undoing an arrival, and a member's own code", () => {
  it("records nothing on another day than the event's until the team confirms « Enregistrer quand même », on the code's page and on the check-in page", async () => {
    const { event, ines, mallory, thomas } = await usualEvent();
    // 1 March: the workshop is on 9 March.
    const url = `/pointage/${ines.checkInToken}`;
    const page = await team.get(url);
    assert.ok(page.body.includes("Attention, cet événement n’a pas lieu aujourd’hui. Nous sommes le lundi 1er mars 2027\u00a0; l’événement a lieu le mardi 9 mars 2027"), page.body);
    const first = await team.post(url, {});
    assert.equal(first.statusCode, 409);
    assert.match(first.body, /<h2 class="fr-alert__title">Cet événement n’a pas lieu aujourd’hui<\/h2>/);
    assert.match(first.body, /<input type="hidden" name="autre-jour" value="oui"\/>/);
    assert.ok(first.body.includes("Enregistrer quand même"));
    assert.equal((await statusOf(ines)).attendedAt, null);
    const confirmed = await team.post(url, { "autre-jour": "oui" });
    assert.equal(confirmed.statusCode, 303);
    assert.equal((await statusOf(ines)).attendedAt?.toISOString(), now.toISOString());

    // A waiting person admitted at the door: the confirmation keeps the admission.
    const waiting = await team.post(`/pointage/${thomas.checkInToken}`, { admettre: "oui" });
    assert.equal(waiting.statusCode, 409);
    assert.match(waiting.body, /<input type="hidden" name="admettre" value="oui"\/><button type="submit"[^>]*>Enregistrer quand même/);
    assert.equal((await statusOf(thomas)).status, "waitlisted");

    const list = `/admin/evenements/${event.id}/pointage`;
    assert.ok((await team.get(list)).body.includes("Attention, cet événement n’a pas lieu aujourd’hui."));
    const fromList = await team.post(list, { inscription: mallory.id, q: "hyperlink" }, { formPage: list });
    assert.equal(fromList.statusCode, 409);
    assert.ok(fromList.body.includes("Enregistrer quand même"));
    assert.equal((await statusOf(mallory)).attendedAt, null);
    const again = await team.post(list, { inscription: mallory.id, q: "hyperlink", "autre-jour": "oui" }, { formPage: list });
    assert.equal(again.statusCode, 303);
    assert.ok((await statusOf(mallory)).attendedAt);

    // On the event's day, one click records the arrival.
    now = new Date("2027-03-09T13:00:00Z");
    const page2 = await team.get(`/pointage/${thomas.checkInToken}`);
    assert.ok(!page2.body.includes("n’a pas lieu aujourd’hui"));
    assert.equal((await team.post(`/pointage/${thomas.checkInToken}`, { admettre: "oui" })).statusCode, 303);
  });

  it("undoes an arrival from the code's page (« Annuler l’arrivée »): the person can be checked in again", async () => {
    const { ines } = await usualEvent();
    now = new Date("2027-03-09T13:05:00Z");
    const url = `/pointage/${ines.checkInToken}`;
    assert.ok(!(await team.get(url)).body.includes("Annuler l’arrivée"));
    await team.post(url, {});
    const page = await team.get(url);
    assert.match(page.body, /<form class="fr-mb-3w" action="\/pointage\/[^"]+\/annuler-arrivee" method="post">[\s\S]*?Annuler l’arrivée<span class="fr-sr-only"> d’Inès Benali<\/span>/);
    const undone = await team.post(`${url}/annuler-arrivee`, {}, { formPage: url });
    assert.equal(undone.statusCode, 303);
    assert.equal(undone.headers.location, `${url}?annulee=1`);
    assert.equal((await statusOf(ines)).attendedAt, null);
    assert.equal((await statusOf(ines)).status, "confirmed");
    const after = await team.get(undone.headers.location as string);
    assert.ok(after.body.includes("Arrivée annulée"));
    assert.ok(after.body.includes("L’arrivée d’Inès Benali n’est plus enregistrée."));
    assert.ok(after.body.includes("Enregistrer l’arrivée<span class=\"fr-sr-only\"> d’Inès Benali</span>"));
    // Undoing again changes nothing.
    assert.equal((await team.post(`${url}/annuler-arrivee`, {}, { formPage: url })).headers.location, url);
    now = new Date("2027-03-09T13:10:00Z");
    assert.equal((await team.post(url, {})).statusCode, 303);
    assert.equal((await statusOf(ines)).attendedAt?.toISOString(), "2027-03-09T13:10:00.000Z");
  });

  it("offers « Scanner le code suivant » only through the script (hidden without it), and always « Retour au pointage »", async () => {
    const { event, ines } = await usualEvent();
    const page = await team.get(`/pointage/${ines.checkInToken}`);
    assert.ok(page.body.includes('src="/static/check-in.js"'));
    assert.match(page.body, /<div class="fr-mb-2w" data-scanner-next="" hidden="">\s*<a [^>]*href="\/admin\/evenements\/[^"]+\/pointage#scanner"[^>]*>Scanner le code suivant<\/a>/);
    assert.match(page.body, new RegExp(`<a [^>]*href="/admin/evenements/${event.id}/pointage"[^>]*>Retour au pointage</a>`));
  });

  it("shows a member their own code's page (when and where to show it), refuses other people's codes (403) and unknown ones to the team (404)", async () => {
    const { event, ines, thomas } = await usualEvent();
    const own = await member.get(`/pointage/${ines.checkInToken}`);
    assert.equal(own.statusCode, 200);
    assert.ok(own.body.includes("Ce code est à présenter à l’accueil le jour de l’événement"));
    assert.ok(own.body.includes(event.title));
    assert.ok(own.body.includes("Mardi 9 mars 2027, 14\u00a0h – 17\u00a0h\u00a030 — Salle Ségur"), own.body);
    assert.ok(!own.body.includes("Enregistrer l’arrivée"));
    assert.ok(!own.body.includes("Accès refusé"));
    assert.equal((await member.get(`/pointage/${thomas.checkInToken}`)).statusCode, 403);
    assert.equal((await member.get("/pointage/code-inconnu-de-la-plateforme")).statusCode, 403);
    assert.equal((await team.get("/pointage/code-inconnu-de-la-plateforme")).statusCode, 404);
    assert.equal((await statusOf(ines)).attendedAt, null);
  });
});

describe("the team's pages in French", () => {
  it("agrees the over-booking sentence with one place, and elides « de » before a vowel (« d’Inès Benali »)", async () => {
    const event = await createEvent({ inPersonCapacity: 1, remoteCapacity: null });
    const ines = await register(event, "ines.benali@insee.fr", "in_person");
    const thomas = await register(event, "thomas.leroy@ign.fr", "in_person");
    const page = await team.get(`/admin/evenements/${event.id}/inscriptions/${thomas.id}/confirmer`);
    assert.ok(page.body.includes("La seule place sur place est prise (1\u00a0personne confirmée). En confirmant cette personne, l’événement comptera 2\u00a0personnes sur place pour 1\u00a0place."), page.body);
    const cancel = await team.get(`/admin/evenements/${event.id}/inscriptions/${ines.id}/annuler`);
    assert.match(cancel.body, /<h1>Annuler l’inscription d’Inès Benali<\/h1>/);
    assert.ok(cancel.body.includes("La personne sera prévenue par courriel"));
    const list = await team.get(`/admin/evenements/${event.id}/inscriptions`);
    assert.ok(list.body.includes("Annuler<span class=\"fr-sr-only\"> l’inscription d’Inès Benali</span>"));
    assert.ok(list.body.includes("Confirmer<span class=\"fr-sr-only\"> l’inscription de Thomas Leroy</span>"));
    assert.ok(list.body.includes("<th scope=\"col\">Présences</th>"), "the header reads « Présences »");
    assert.ok(!list.body.includes("Présentes"));
  });
});

/** The text a QR code image holds, read as a phone's camera would (jsQR on the PNG's pixels). */
function decodeQr(png: Buffer): string {
  const text = decodeQrPng(png.toString("base64"));
  assert.ok(text, "code QR illisible");
  return text;
}

describe("checking in by scanning the QR code", () => {
  it("reads the registration's QR code (PNG) as the address of its check-in page, which the team opens to record the arrival", async () => {
    const { ines } = await usualEvent();
    now = new Date("2027-03-09T12:58:00Z");
    const scanned = decodeQr(await checkInQrPng(checkInUrl(platform.config.publicUrl, ines.checkInToken)));
    assert.equal(scanned, `${platform.config.publicUrl}/pointage/${ines.checkInToken}`);
    const path = new URL(scanned).pathname;
    assert.equal((await (await signInOverHttp(platform, "thomas.leroy@ign.fr")).get(path)).statusCode, 403);
    const page = await team.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1[^>]*>Inès Benali<\/h1>/);
    assert.equal((await team.post(path, {})).statusCode, 303);
    assert.equal((await statusOf(ines)).attendedAt?.toISOString(), "2027-03-09T12:58:00.000Z");
  });

  it("checks in from the QR code of the mail a person gets when the team gives them a seat", async () => {
    const { event, sophie } = await usualEvent();
    // Sophie waits behind Thomas; the capacity grows and the team takes her off the waitlist (no over-booking).
    await db().update(events).set({ inPersonCapacity: 4 }).where(eq(events.id, event.id));
    const url = `/admin/evenements/${event.id}/inscriptions/${sophie.id}/confirmer`;
    assert.equal((await team.post(url, {})).statusCode, 303);
    const mail = await mailTo("sophie.durand@interieur.gouv.fr", "Inscription confirmée");
    const [qr] = mail.attachments as { content: string; contentType: string }[];
    assert.equal(qr?.contentType, "image/png");
    const path = new URL(decodeQr(Buffer.from(qr!.content, "base64"))).pathname;
    assert.equal(path, `/pointage/${sophie.checkInToken}`);
    now = new Date("2027-03-09T13:01:00Z");
    assert.equal((await team.post(path, {})).statusCode, 303);
    assert.ok((await statusOf(sophie)).attendedAt);
  });
});

describe("the attendance sheet and the attendance API", () => {
  it("prints the in-person list with a box per person, saves ticks in person and remote in one post, and feeds listAttendance", async () => {
    const { event, ines, mallory, marc, thomas } = await usualEvent();
    now = new Date("2027-03-09T13:02:00Z");
    await team.post(`/pointage/${ines.checkInToken}`, {});
    const url = `/admin/evenements/${event.id}/emargement`;
    const sheet = await team.get(url);
    assert.equal(sheet.statusCode, 200);
    assert.ok(sheet.body.includes('href="/static/event-team.css"'));
    assert.ok(sheet.body.includes(`<input type="checkbox" id="present-${ines.id}" name="present" checked="" value="${ines.id}"/>`));
    assert.ok(sheet.body.includes("Présence d’Inès Benali"));
    assert.ok(sheet.body.includes("Présence de Marc Petit"));
    assert.ok(!sheet.body.includes("Présence de Thomas Leroy"), "une personne en attente n’est pas sur la feuille");

    now = new Date("2027-03-09T17:00:00Z");
    // Inès unticked (a mistake corrected), Mallory and Marc ticked; Thomas' id slipped in is ignored (not listed).
    const saved = await team.post(url, { listed: [ines.id, mallory.id, marc.id], present: [mallory.id, marc.id, thomas.id] });
    assert.equal(saved.statusCode, 303);
    assert.ok((await team.get(saved.headers.location as string)).body.includes("Sur place\u00a0: 1\u00a0personne présente — À distance\u00a0: 1\u00a0personne présente"));
    assert.equal((await statusOf(ines)).attendedAt, null);
    assert.equal((await statusOf(thomas)).attendedAt, null);

    const attendance = await listAttendance(db(), { eventId: event.id });
    assert.deepEqual(
      attendance.map((record) => [record.registrationId, record.mode, record.kind, record.durationMinutes, record.attendedAt.toISOString()]),
      [
        [mallory.id, "in_person", "atelier", 210, "2027-03-09T17:00:00.000Z"],
        [marc.id, "remote", "atelier", 210, "2027-03-09T17:00:00.000Z"],
      ],
    );
    const marcId = await userId("marc.petit@numerique.gouv.fr");
    const ofMarc = await listAttendance(db(), { userId: marcId, from: new Date("2027-03-01T00:00:00Z"), to: new Date("2027-04-01T00:00:00Z") });
    assert.ok(ofMarc.some((record) => record.eventId === event.id && record.userId === marcId && record.startsAt.getTime() === event.startsAt.getTime()));
    assert.equal((await listAttendance(db(), { userId: marcId, from: new Date("2027-03-10T00:00:00Z") })).filter((record) => record.eventId === event.id).length, 0);
  });

  it("leaves cancelled registrations and cancelled events out of the attendance", async () => {
    const { event, ines } = await usualEvent();
    now = new Date("2027-03-09T13:00:00Z");
    await team.post(`/pointage/${ines.checkInToken}`, {});
    assert.equal((await listAttendance(db(), { eventId: event.id })).length, 1);
    await db().update(events).set({ status: "cancelled" }).where(eq(events.id, event.id));
    assert.equal((await listAttendance(db(), { eventId: event.id })).length, 0);
    await db().update(events).set({ status: "scheduled" }).where(eq(events.id, event.id));
    await db().update(eventRegistrations).set({ status: "cancelled" }).where(and(eq(eventRegistrations.id, ines.id)));
    assert.equal((await listAttendance(db(), { eventId: event.id })).length, 0);
  });
});
