import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, asc, desc, eq, like } from "drizzle-orm";
import { devMails, eventProjects, eventRegistrations, events, eventSeries, users } from "../../db/schema/index.ts";
import { assertFieldError, escapeHtml } from "../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../tests/support/french-typography.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { parisInstant, parisWallTime } from "./domain/recurrence.ts";

let platform: TestPlatform;
const now = new Date("2026-12-01T10:00:00Z");
const clock = { now: () => now };
const db = () => platform.database.db;
let team: HttpSession;

/** A complete, valid form for a new event; tests change one field at a time. */
function validForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    kind: "atelier",
    title: "Atelier de test",
    description: "Un atelier **de test**.",
    startsOn: "2027-02-09",
    startTime: "14:00",
    endsOn: "",
    endTime: "17:30",
    agenda: "14 h – 15 h : pitchs des projets\n15h00-17h30 : travail en équipes",
    placeName: "DINUM — Ségur",
    placeAddress: "20 avenue de Ségur, 75007 Paris",
    placeAccess: "Pièce d’identité à l’accueil.",
    visioUrl: "https://webconf.numerique.gouv.fr/test",
    inPersonCapacity: "30",
    remoteCapacity: "50",
    registrationOpensAt: "2027-01-10T09:00",
    registrationClosesAt: "2027-02-08T18:00",
    cancellationClosesAt: "",
    accessListDueAt: "2027-02-06T12:00",
    audience: "members",
    audienceProjectId: "",
    seasonId: "",
    defaultQuestions: ["accessibility", "diet"],
    customQuestions: "* Quel atelier choisissez-vous ? => Python | R | SQL\nUne remarque ?",
    trainers: "",
    replayUrl: "",
    slidesUrl: "",
    resources: "Dépôt | https://github.com/etalab/exemple",
    ...overrides,
  };
}

async function countEvents(): Promise<number> {
  return (await db().select({ id: events.id }).from(events)).length;
}

async function eventBySlug(slug: string) {
  const [event] = await db().select().from(events).where(eq(events.slug, slug));
  assert.ok(event, `événement absent : ${slug}`);
  return event;
}

/** The edit form's fields for an event as stored (read from its page), to change one thing and post it. */
async function editFields(id: string): Promise<Record<string, string | string[]>> {
  const html = (await team.get(`/admin/evenements/${id}/modifier`)).body;
  const fields: Record<string, string | string[]> = {};
  for (const match of html.matchAll(/<input[^>]*?name="([^"]+)"[^>]*?>/g)) {
    const tag = match[0];
    const name = match[1]!;
    if (name === "_csrf") continue;
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
    const unescaped = value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    if (/type="(checkbox|radio)"/.test(tag)) {
      if (!/checked=""/.test(tag)) continue;
      if (name === "projectIds" || name === "defaultQuestions") fields[name] = [...((fields[name] as string[] | undefined) ?? []), unescaped];
      else fields[name] = unescaped;
    } else fields[name] = unescaped;
  }
  for (const match of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) {
    fields[match[1]!] = match[2]!.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }
  for (const match of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[match[1]!] = /<option value="([^"]*)" selected="">/.exec(match[2]!)?.[1] ?? "";
  }
  return fields;
}

/** Mails to `to` whose subject contains `subject`, once the job worker delivered them. */
async function mailsTo(to: string, subject: string, expected = 1, timeoutMs = 10_000) {
  const started = Date.now();
  for (;;) {
    const mails = await db().select().from(devMails).where(and(eq(devMails.to, to), like(devMails.subject, `%${subject}%`))).orderBy(desc(devMails.createdAt));
    if (mails.length >= expected || Date.now() - started > timeoutMs) return mails;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function registrationsOf(eventId: string) {
  return db()
    .select({ email: users.email, mode: eventRegistrations.mode, status: eventRegistrations.status })
    .from(eventRegistrations)
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .where(eq(eventRegistrations.eventId, eventId))
    .orderBy(asc(eventRegistrations.queuePosition));
}

before(async () => {
  platform = await startTestPlatform({ clock });
  team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
});
after(() => platform.stop());

describe("event administration: access", () => {
  it("sends anonymous visitors to the sign-in page and refuses members with a 403, storing nothing", async () => {
    const event = await eventBySlug("machine-learning-ops");
    const paths = ["/admin/evenements", "/admin/evenements/nouveau", "/admin/evenements/nouvelle-serie", `/admin/evenements/${event.id}/modifier`, `/admin/evenements/${event.id}/annuler`];
    for (const path of paths) {
      const response = await httpSessionOn(platform).get(path);
      assert.equal(response.statusCode, 303, path);
      assert.equal(response.headers.location, `/connexion?retour=${encodeURIComponent(path)}`);
    }
    const member = await signInOverHttp(platform, "ines.benali@insee.fr");
    for (const path of paths) assert.equal((await member.get(path)).statusCode, 403, path);
    const before = await countEvents();
    assert.equal((await member.post("/admin/evenements/nouveau", validForm(), { formPage: "/compte" })).statusCode, 403);
    assert.equal((await member.post("/admin/evenements/nouvelle-serie", { ...validForm(), interval: "2", until: "2027-06-30" }, { formPage: "/compte" })).statusCode, 403);
    assert.equal((await member.post(`/admin/evenements/${event.id}/annuler`, { reason: "Non", version: String(event.version) }, { formPage: "/compte" })).statusCode, 403);
    assert.equal(await countEvents(), before);
    assert.equal((await eventBySlug("machine-learning-ops")).status, "scheduled");
  });

  it("answers 404 for an event that does not exist", async () => {
    assert.equal((await team.get("/admin/evenements/00000000-0000-4000-8000-000000000000/modifier")).statusCode, 404);
    assert.equal((await team.get("/admin/evenements/pas-un-identifiant/annuler")).statusCode, 404);
  });

  it("lists the events to come first, with registered / capacity counts and links to each one's registrations", async () => {
    const response = await team.get("/admin/evenements");
    assert.equal(response.statusCode, 200);
    const html = response.body;
    const training = await eventBySlug("evaluer-un-grand-modele-de-langage-sur-des-textes-administratifs");
    const upcoming = html.indexOf("Événements à venir");
    const past = html.indexOf("Événements passés");
    const trainingRow = html.indexOf("Évaluer un grand modèle de langage");
    assert.ok(upcoming > 0 && upcoming < trainingRow && trainingRow < past);
    assert.ok(html.indexOf("Atelier du Programme 10\u00a0%") < trainingRow, "the soonest first");
    assert.match(html.slice(trainingRow), /Sur place\u00a0: 3\u00a0\/\u00a04[\s\S]*?À distance\u00a0: 3\u00a0\/\u00a03 \(1\u00a0en attente\)/);
    assert.match(html, new RegExp(`href="/admin/evenements/${training.id}/inscriptions"`));
    assert.match((await team.get("/admin")).body, /href="\/admin\/evenements"/);
    assertFrenchSpacing(html);
  });
});

describe("event administration: the form", () => {
  it("shows each error at its field with the input kept, and stores nothing", async () => {
    const before = await countEvents();
    const response = await team.post(
      "/admin/evenements/nouveau",
      validForm({
        kind: "concert",
        title: "   ",
        startsOn: "2027-02-30",
        startTime: "25h",
        endTime: "17:30",
        agenda: "14 h – 15 h : pitchs\nPitchs sans heure",
        placeName: "",
        placeAddress: "",
        visioUrl: "pas une adresse",
        inPersonCapacity: "douze",
        remoteCapacity: "-3",
        registrationOpensAt: "2027-01-10T09:00",
        registrationClosesAt: "2027-01-09T09:00",
        accessListDueAt: "demain",
        audience: "project",
        audienceProjectId: "",
        customQuestions: "Quel atelier ? => Python",
        replayUrl: "javascript:alert(1)",
        resources: "Dépôt | ftp://exemple.org",
      }),
      { formPage: "/admin/evenements/nouveau" },
    );
    assert.equal(response.statusCode, 400);
    const html = response.body;
    assert.match(html, /<title>Erreur — Nouvel événement/);
    assert.match(html, /Le formulaire contient \d+ erreurs/);
    assertFieldError(html, "kind", "Choisissez le type d’événement.");
    assertFieldError(html, "title", "Indiquez le titre de l’événement.");
    assertFieldError(html, "startsOn", "Indiquez la date de l’événement au format jj/mm/aaaa, par exemple 09/03/2027.", "2027-02-30");
    assertFieldError(html, "startTime", "Indiquez l’heure de début, par exemple 14:00.", "25h");
    assertFieldError(html, "visioUrl", "Indiquez une adresse web complète, commençant par https://.", "pas une adresse");
    assertFieldError(html, "inPersonCapacity", "Indiquez un nombre entier de places entre 0 et 10000, ou laissez vide si ce mode n’est pas proposé.", "douze");
    assertFieldError(html, "remoteCapacity", "Indiquez un nombre entier de places entre 0 et 10000, ou laissez vide si ce mode n’est pas proposé.", "-3");
    assertFieldError(html, "registrationClosesAt", "La clôture des inscriptions doit suivre leur ouverture.", "2027-01-09T09:00");
    assertFieldError(html, "accessListDueAt", "Indiquez une date et une heure, par exemple 09/03/2027 à 14:00.", "demain");
    assertFieldError(html, "audienceProjectId", "Choisissez le projet dont l’équipe peut s’inscrire.");
    assertFieldError(html, "replayUrl", "Indiquez une adresse web complète, commençant par https://.", "javascript:alert(1)");
    for (const [id, message, kept] of [
      ["agenda", "Ligne 2\u00a0: commencez par l’heure, puis l’intitulé, par exemple «\u00a014 h – 15 h : pitchs des projets\u00a0».", "Pitchs sans heure"],
      ["customQuestions", "Ligne 1\u00a0: une question à choix propose au moins deux réponses, séparées par «\u00a0|\u00a0».", "Quel atelier ? =&gt; Python"],
      ["resources", "Ligne 1\u00a0: indiquez une adresse web complète, commençant par https://.", "ftp://exemple.org"],
    ] as const) {
      const group = html.slice(html.lastIndexOf('<div class="fr-input-group', html.indexOf(`id="${id}"`)), html.indexOf("</div>", html.indexOf(`id="${id}-messages"`)));
      assert.match(group, /fr-input-group--error/, id);
      assert.ok(group.includes(escapeHtml(message)), `${id} : ${group}`);
      assert.ok(group.includes(kept), `${id} : saisie non conservée`);
    }
    assert.match(html, /<input type="radio" id="audience-project"[^>]*checked=""/);
    assert.equal(await countEvents(), before);
  });

  it("refuses an end before the start, and in-person seats without a place, at their fields, listed in the summary in the form's order", async () => {
    const response = await team.post("/admin/evenements/nouveau", validForm({ endTime: "13:00", placeName: "", placeAddress: "", visioUrl: "visio", customQuestions: "Un choix ? => seul" }), { formPage: "/admin/evenements/nouveau" });
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "endTime", "L’événement doit finir après son début.", "13:00");
    assertFieldError(response.body, "placeName", "Indiquez le lieu\u00a0: l’événement propose des places sur place.");
    const summary = response.body.slice(response.body.indexOf("Le formulaire contient"), response.body.indexOf("</ul>", response.body.indexOf("Le formulaire contient")));
    assert.deepEqual([...summary.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]), ["endTime", "placeName", "visioUrl", "customQuestions"]);
  });

  it("words the date hints for the date pickers (jj/mm/aaaa), reads a day typed « 09/02/2027 », and explains the custom questions with an example", async () => {
    const form = (await team.get("/admin/evenements/nouveau")).body;
    assert.doesNotMatch(form, /AAAA-MM-JJ/);
    assert.match(form, /<input class="fr-input" id="startsOn" type="date"/);
    assert.ok(form.includes("Format\u00a0: jj/mm/aaaa, par exemple 09/03/2027."));
    assert.ok(form.includes("commencez la ligne par un astérisque «\u00a0*\u00a0» pour rendre la réponse obligatoire"));
    assert.ok(form.includes("* Quel atelier choisissez-vous\u00a0? =&gt; Python | R | SQL"));
    assert.ok(form.includes("donnent une question obligatoire avec trois réponses au choix (Python, R ou SQL)"));
    const series = (await team.get("/admin/evenements/nouvelle-serie")).body;
    assert.doesNotMatch(series, /AAAA-MM-JJ/);

    // Where the browser has no date picker, the day is typed as the hint says.
    const response = await team.post("/admin/evenements/nouveau", validForm({ title: "Atelier saisi à la main", startsOn: "09/02/2027", registrationOpensAt: "", registrationClosesAt: "08/02/2027 à 18h", accessListDueAt: "" }), { formPage: "/admin/evenements/nouveau" });
    assert.equal(response.statusCode, 303);
    const event = await eventBySlug("atelier-saisi-a-la-main");
    assert.equal(event.startsAt.toISOString(), "2027-02-09T13:00:00.000Z");
    assert.equal(event.registrationClosesAt?.toISOString(), "2027-02-08T17:00:00.000Z");
  });

  it("creates an event with every field, times read in Paris, then shows it on its page", async () => {
    const season = (await editFieldsOfNew()).seasonOption;
    const response = await team.post(
      "/admin/evenements/nouveau",
      validForm({ seasonId: season, title: "Atelier « données ouvertes »", endsOn: "2027-02-10", endTime: "12:30", projectIds: [await projectId("Cartiflette")] }),
      { formPage: "/admin/evenements/nouveau" },
    );
    assert.equal(response.statusCode, 303);
    const event = await eventBySlug("atelier-donnees-ouvertes");
    assert.equal(response.headers.location, `/admin/evenements/${event.id}/modifier?cree=1`);
    assert.equal(event.startsAt.toISOString(), "2027-02-09T13:00:00.000Z");
    assert.equal(event.endsAt.toISOString(), "2027-02-10T11:30:00.000Z");
    assert.equal(event.registrationClosesAt?.toISOString(), "2027-02-08T17:00:00.000Z");
    assert.equal(event.inPersonCapacity, 30);
    assert.equal(event.remoteCapacity, 50);
    assert.equal(event.seasonId, season);
    assert.deepEqual(event.agenda, [
      { startsAt: "14:00", endsAt: "15:00", title: "pitchs des projets" },
      { startsAt: "15:00", endsAt: "17:30", title: "travail en équipes" },
    ]);
    assert.deepEqual(
      (event.questions as { key: string; kind: string; required: boolean; options?: string[] }[]).map(({ key, kind, required, options }) => ({ key, kind, required, options })),
      [
        { key: "accessibility", kind: "text", required: false, options: undefined },
        { key: "diet", kind: "text", required: false, options: undefined },
        { key: "q-quel-atelier-choisissez-vous", kind: "choice", required: true, options: ["Python", "R", "SQL"] },
        { key: "q-une-remarque", kind: "text", required: false, options: undefined },
      ],
    );
    assert.deepEqual(event.resources, [{ label: "Dépôt", url: "https://github.com/etalab/exemple" }]);
    assert.equal((await db().select().from(eventProjects).where(eq(eventProjects.eventId, event.id))).length, 1);
    const edit = await team.get(response.headers.location as string);
    assert.match(edit.body, /Événement créé/);
    assert.match(edit.body, /value="14:00"/);
    assert.match(edit.body, /14 h – 15 h : pitchs des projets/);
    assert.match((await httpSessionOn(platform).get("/evenements/atelier-donnees-ouvertes")).body, /Du mardi 9 février 2027, 14\u00a0h au mercredi 10 février 2027, 12\u00a0h\u00a030/);
  });

  it("refuses a form made from an older version (409), keeping the input", async () => {
    const event = await eventBySlug("atelier-donnees-ouvertes");
    const fields = await editFields(event.id);
    const first = await team.post(`/admin/evenements/${event.id}/modifier`, { ...fields, title: "Premier enregistrement" });
    assert.equal(first.statusCode, 303);
    const stale = await team.post(`/admin/evenements/${event.id}/modifier`, { ...fields, title: "Second enregistrement" });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Cet événement a été modifié par quelqu’un d’autre entre-temps \(version 2\)/);
    assert.match(stale.body, /value="Second enregistrement"/);
    assert.equal((await eventBySlug("atelier-donnees-ouvertes")).title, "Premier enregistrement");
  });

  it("refuses to lower a capacity below the confirmed seats, or to remove a mode people registered for", async () => {
    const training = await eventBySlug("evaluer-un-grand-modele-de-langage-sur-des-textes-administratifs");
    const fields = await editFields(training.id);
    const lowered = await team.post(`/admin/evenements/${training.id}/modifier`, { ...fields, inPersonCapacity: "2" });
    assert.equal(lowered.statusCode, 400);
    assertFieldError(lowered.body, "inPersonCapacity", "3\u00a0personnes ont déjà une place confirmée sur place\u00a0: la capacité ne peut pas descendre en dessous de 3. Désinscrivez d’abord des personnes depuis la liste des inscriptions.", "2");
    const removed = await team.post(`/admin/evenements/${training.id}/modifier`, { ...fields, remoteCapacity: "" });
    assert.equal(removed.statusCode, 400);
    assertFieldError(removed.body, "remoteCapacity", "4\u00a0personnes ont une inscription à distance\u00a0: ce mode ne peut pas être retiré. Déplacez ou désinscrivez d’abord ces personnes depuis la liste des inscriptions.", "");
    const stored = await eventBySlug(training.slug);
    assert.equal(stored.version, training.version);
    assert.equal(stored.inPersonCapacity, 4);
  });

  it("raising a capacity gives the waiting people their seats in the same save, and mails them", async () => {
    const training = await eventBySlug("evaluer-un-grand-modele-de-langage-sur-des-textes-administratifs");
    assert.deepEqual((await registrationsOf(training.id)).filter((row) => row.status === "waitlisted").map((row) => row.email), ["manon.robin@insee.fr"]);
    const response = await team.post(`/admin/evenements/${training.id}/modifier`, { ...(await editFields(training.id)), remoteCapacity: "5" });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/evenements/${training.id}/modifier?enregistre=1&promus=1`);
    assert.match((await team.get(response.headers.location as string)).body, /1\u00a0personne de la liste d’attente a reçu une place et en a été prévenue par courriel\./);
    assert.deepEqual((await registrationsOf(training.id)).find((row) => row.email === "manon.robin@insee.fr"), { email: "manon.robin@insee.fr", mode: "remote", status: "confirmed" });
    const [mail] = await mailsTo("manon.robin@insee.fr", "Une place s’est libérée");
    assert.ok(mail, "Manon reçoit la confirmation de sa place");
    assert.match(mail.calendar ?? "", /BEGIN:VCALENDAR/);
  });

  it("mails the new time to the people registered when the event moves", async () => {
    const training = await eventBySlug("evaluer-un-grand-modele-de-langage-sur-des-textes-administratifs");
    const response = await team.post(`/admin/evenements/${training.id}/modifier`, { ...(await editFields(training.id)), startTime: "15:00", endTime: "17:00" });
    assert.equal(response.statusCode, 303);
    const [mail] = await mailsTo("thomas.leroy@ign.fr", "Changement d’horaire ou de lieu");
    assert.ok(mail);
    assert.match(mail.text, /Quand\u00a0: vendredi 11 décembre 2026, 15\u00a0h – 17\u00a0h/);
    assert.match(mail.calendar ?? "", /SEQUENCE:\d+/);
  });
});

/** A project's id, as the form's « Projets concernés » offers it. */
async function projectId(title: string): Promise<string> {
  const html = (await team.get("/admin/evenements/nouveau")).body;
  const match = new RegExp(`value="([0-9a-f-]{36})"/><label class="fr-label" for="projectIds-[0-9a-f-]{36}">${title}<`).exec(html);
  assert.ok(match, `projet absent : ${title}`);
  return match[1]!;
}

async function editFieldsOfNew(): Promise<{ seasonOption: string }> {
  const html = (await team.get("/admin/evenements/nouveau")).body;
  const option = /<option value="([0-9a-f-]{36})">Saison 2026-2027<\/option>/.exec(html);
  assert.ok(option);
  return { seasonOption: option[1]! };
}

describe("event administration: series", () => {
  const seriesForm = (overrides: Record<string, string | string[]> = {}) =>
    validForm({ title: "Atelier de printemps", startsOn: "2027-03-16", startTime: "14:00", endTime: "17:30", registrationOpensAt: "", registrationClosesAt: "2027-03-15T18:00", accessListDueAt: "", interval: "2", until: "2027-06-30", ...overrides });

  it("refuses a series' wrong repetition at its fields, keeping the input, storing nothing", async () => {
    const before = await countEvents();
    const response = await team.post("/admin/evenements/nouvelle-serie", seriesForm({ interval: "0", until: "2027-03-01" }), { formPage: "/admin/evenements/nouvelle-serie" });
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "interval", "Indiquez un nombre de semaines entre 1 et 12, par exemple 2 pour «\u00a0une semaine sur deux\u00a0».", "0");
    assertFieldError(response.body, "until", "La date de fin de la série doit suivre la date de la première séance.", "2027-03-01");
    assert.equal(await countEvents(), before);
  });

  it("creates one event per occurrence, every other Tuesday, at 14 h in Paris across the change to summer time", async () => {
    const response = await team.post("/admin/evenements/nouvelle-serie", seriesForm(), { formPage: "/admin/evenements/nouvelle-serie" });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/admin/evenements?serie=8");
    assert.match((await team.get("/admin/evenements?serie=8")).body, /Série créée\u00a0: 8\u00a0séances/);
    const occurrences = await db().select().from(events).where(like(events.slug, "atelier-de-printemps-%")).orderBy(asc(events.startsAt));
    assert.equal(occurrences.length, 8);
    assert.equal(new Set(occurrences.map((event) => event.seriesId)).size, 1);
    assert.ok(occurrences[0]!.seriesId);
    assert.equal((await db().select().from(eventSeries).where(eq(eventSeries.id, occurrences[0]!.seriesId!))).length, 1);
    assert.deepEqual(
      occurrences.map((event) => event.slug),
      ["2027-03-16", "2027-03-30", "2027-04-13", "2027-04-27", "2027-05-11", "2027-05-25", "2027-06-08", "2027-06-22"].map((day) => `atelier-de-printemps-${day}`),
    );
    assert.equal(occurrences[0]!.startsAt.toISOString(), "2027-03-16T13:00:00.000Z");
    assert.equal(occurrences[1]!.startsAt.toISOString(), "2027-03-30T12:00:00.000Z");
    for (const event of occurrences) {
      assert.equal(parisWallTime(event.startsAt).time, "14:00");
      assert.equal(parisWallTime(event.endsAt).time, "17:30");
      // The registration closing, the day before at 18 h, follows each occurrence.
      assert.deepEqual(parisWallTime(event.registrationClosesAt!), { day: new Date(event.startsAt.getTime() - 86_400_000).toISOString().slice(0, 10), time: "18:00" });
    }
  });

  it("edits one occurrence alone, or it and the following ones (times and fields) after a confirmation saying what changes on how many, leaving the earlier ones", async () => {
    const [first, second, third, fourth, , sixth] = await db().select().from(events).where(like(events.slug, "atelier-de-printemps-%")).orderBy(asc(events.startsAt));
    const one = await team.post(`/admin/evenements/${second!.id}/modifier`, { ...(await editFields(second!.id)), title: "Atelier spécial", scope: "one" });
    assert.equal(one.statusCode, 303);
    assert.equal((await eventBySlug(second!.slug)).title, "Atelier spécial");
    assert.equal((await eventBySlug(third!.slug)).title, "Atelier de printemps");
    // The sixth session moves to another room, alone.
    assert.equal((await team.post(`/admin/evenements/${sixth!.id}/modifier`, { ...(await editFields(sixth!.id)), placeName: "Salle Ségur B", scope: "one" })).statusCode, 303);

    const edit = await team.get(`/admin/evenements/${third!.id}/modifier`);
    assert.match(edit.body, /Cette séance et les suivantes/);
    assert.match(edit.body, /Les séances suivantes ne prennent que ce que vous changez ici/);
    const form = { ...(await editFields(third!.id)), title: "Atelier de printemps (nouvel horaire)", startsOn: "2027-04-14", startTime: "09:30", endTime: "12:00", scope: "following" };
    const confirm = await team.post(`/admin/evenements/${third!.id}/modifier`, form);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /<h1>Modifier 6\u00a0séances de «\u00a0Atelier de printemps\u00a0»<\/h1>/);
    assert.ok(confirm.body.includes("Cette séance (mardi 13 avril 2027) et les 5\u00a0suivantes, jusqu’au mardi 22 juin 2027."), confirm.body);
    const changes = confirm.body.slice(confirm.body.indexOf("Ce qui change sur chacune des 6\u00a0séances"), confirm.body.indexOf("Le reste de chaque séance"));
    assert.deepEqual([...changes.matchAll(/<li>([^<]*)<\/li>/g)].map((match) => match[1]), ["le titre", "la date\u00a0: 1\u00a0jour plus tard", "l’heure de début\u00a0: 9\u00a0h\u00a030", "l’heure de fin\u00a0: 12\u00a0h"]);
    assert.match(confirm.body, /<button type="submit" class="fr-btn">Modifier les 6\u00a0séances<\/button>/);
    assert.equal((await eventBySlug(third!.slug)).title, "Atelier de printemps", "nothing stored before the confirmation");
    // « Revenir au formulaire » keeps the input.
    const back = await team.post(`/admin/evenements/${third!.id}/modifier`, { ...form, confirmation: "oui", etape: "modifier" });
    assert.equal(back.statusCode, 200);
    assert.match(back.body, /value="Atelier de printemps \(nouvel horaire\)"/);

    const following = await team.post(`/admin/evenements/${third!.id}/modifier`, { ...form, confirmation: "oui" });
    assert.equal(following.statusCode, 303);
    assert.equal(following.headers.location, `/admin/evenements/${third!.id}/modifier?enregistre=1&seances=6`);
    const after = await db().select().from(events).where(eq(events.seriesId, first!.seriesId!)).orderBy(asc(events.startsAt));
    assert.deepEqual(
      after.map((event) => [event.title, parisWallTime(event.startsAt).day, parisWallTime(event.startsAt).time, event.placeName]),
      [
        ["Atelier de printemps", "2027-03-16", "14:00", "DINUM — Ségur"],
        ["Atelier spécial", "2027-03-30", "14:00", "DINUM — Ségur"],
        ["Atelier de printemps (nouvel horaire)", "2027-04-14", "09:30", "DINUM — Ségur"],
        ["Atelier de printemps (nouvel horaire)", "2027-04-28", "09:30", "DINUM — Ségur"],
        ["Atelier de printemps (nouvel horaire)", "2027-05-12", "09:30", "DINUM — Ségur"],
        // Its own room stays: the form did not change the place.
        ["Atelier de printemps (nouvel horaire)", "2027-05-26", "09:30", "Salle Ségur B"],
        ["Atelier de printemps (nouvel horaire)", "2027-06-09", "09:30", "DINUM — Ségur"],
        ["Atelier de printemps (nouvel horaire)", "2027-06-23", "09:30", "DINUM — Ségur"],
      ],
    );
    assert.equal(after[3]!.endsAt.toISOString(), parisInstant("2027-04-28", "12:00").toISOString());
    assert.equal(after[3]!.id, fourth!.id, "the rows are kept (same ids, same addresses)");
    assert.equal(after[3]!.slug, fourth!.slug);
  });

  it("keeps a later session's own title when the following sessions get only another change (the place)", async () => {
    const sessions = await db().select().from(events).where(like(events.slug, "atelier-de-printemps-%")).orderBy(asc(events.startsAt));
    const [fourth, seventh] = [sessions[3]!, sessions[6]!];
    assert.equal((await team.post(`/admin/evenements/${seventh.id}/modifier`, { ...(await editFields(seventh.id)), title: "Atelier de restitution", scope: "one" })).statusCode, 303);
    const form = { ...(await editFields(fourth.id)), placeName: "BercyLab", scope: "following" };
    const confirm = await team.post(`/admin/evenements/${fourth.id}/modifier`, form);
    assert.ok(confirm.body.includes("Cette séance (mercredi 28 avril 2027) et les 4\u00a0suivantes"), confirm.body);
    const changes = confirm.body.slice(confirm.body.indexOf("Ce qui change sur chacune des 5\u00a0séances"), confirm.body.indexOf("Le reste de chaque séance"));
    assert.deepEqual([...changes.matchAll(/<li>([^<]*)<\/li>/g)].map((match) => match[1]), ["le nom du lieu"]);
    assert.equal((await team.post(`/admin/evenements/${fourth.id}/modifier`, { ...form, confirmation: "oui" })).statusCode, 303);
    const after = await db().select().from(events).where(like(events.slug, "atelier-de-printemps-%")).orderBy(asc(events.startsAt));
    assert.deepEqual(
      after.slice(3).map((event) => [event.title, event.placeName, parisWallTime(event.startsAt).time]),
      [
        ["Atelier de printemps (nouvel horaire)", "BercyLab", "09:30"],
        ["Atelier de printemps (nouvel horaire)", "BercyLab", "09:30"],
        ["Atelier de printemps (nouvel horaire)", "BercyLab", "09:30"],
        ["Atelier de restitution", "BercyLab", "09:30"],
        ["Atelier de printemps (nouvel horaire)", "BercyLab", "09:30"],
      ],
    );
    // Times untouched by the form are not recomputed.
    assert.equal(after[6]!.startsAt.toISOString(), sessions[6]!.startsAt.toISOString());
    assert.equal(after[6]!.endsAt.toISOString(), sessions[6]!.endsAt.toISOString());
  });

  it("refuses to edit the following occurrences when one of them has more confirmed seats than the new capacity, naming it, changing none", async () => {
    const workshops = await db().select().from(events).where(like(events.slug, "atelier-du-programme-10-%")).orderBy(asc(events.startsAt));
    const response = await team.post(`/admin/evenements/${workshops[0]!.id}/modifier`, { ...(await editFields(workshops[0]!.id)), inPersonCapacity: "4", title: "Renommé", scope: "following" });
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "inPersonCapacity", "5\u00a0personnes ont déjà une place confirmée sur place\u00a0: la capacité ne peut pas descendre en dessous de 5. Désinscrivez d’abord des personnes depuis la liste des inscriptions.", "4");
    const after = await db().select().from(events).where(like(events.slug, "atelier-du-programme-10-%"));
    assert.ok(after.every((event) => event.title === "Atelier du Programme 10\u00a0%"), "nothing stored half-way");
  });

  it("cancels one occurrence with a reason: the row stays, cancelled, and the registered people are mailed", async () => {
    const workshops = await db().select().from(events).where(like(events.slug, "atelier-du-programme-10-%")).orderBy(asc(events.startsAt));
    const second = workshops[1]!;
    const form = await team.get(`/admin/evenements/${second.id}/annuler`);
    assert.match(form.body, /2\u00a0personnes inscrites \(ou en attente\) recevront le motif par courriel\./);
    assert.match(form.body, /<legend[^>]*>Que voulez-vous annuler\u00a0\?<span class="fr-sr-only"> \(obligatoire\)<\/span><\/legend>/);
    const missing = await team.post(`/admin/evenements/${second.id}/annuler`, { reason: "  ", scope: "one", version: String(second.version) });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Indiquez le motif de l’annulation\u00a0: il est envoyé aux personnes inscrites\./);
    const response = await team.post(`/admin/evenements/${second.id}/annuler`, { reason: "Salle indisponible ce jour-là.", scope: "one", version: String(second.version) });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/admin/evenements?annules=1");
    const after = await db().select().from(events).where(like(events.slug, "atelier-du-programme-10-%")).orderBy(asc(events.startsAt));
    assert.deepEqual(after.map((event) => event.status), ["scheduled", "cancelled", "scheduled", "scheduled", "scheduled", "scheduled"]);
    assert.equal(after[1]!.cancellationReason, "Salle indisponible ce jour-là.");
    assert.equal((await registrationsOf(second.id)).length, 2, "registrations are kept");
    const [julien] = await mailsTo("julien.moreau@insee.fr", "Événement annulé");
    assert.ok(julien);
    assert.match(julien.text, /Motif\u00a0: Salle indisponible ce jour-là\./);
    assert.match(julien.calendar ?? "", /METHOD:CANCEL/);
    assert.ok((await mailsTo("elodie.giraud@insee.fr", "Événement annulé"))[0]);
    assert.match((await httpSessionOn(platform).get(`/evenements/${second.slug}`)).body, /Cet événement est annulé\u00a0: Salle indisponible ce jour-là\./);
    // A registered person no longer reads that their registration is confirmed.
    const julienPage = (await (await signInOverHttp(platform, "julien.moreau@insee.fr")).get(`/evenements/${second.slug}`)).body;
    assert.match(julienPage, /Vous étiez inscrit·e \((sur place|à distance)\)\u00a0: l’événement étant annulé, vous n’avez rien à faire\./);
    assert.doesNotMatch(julienPage, /Inscription confirmée/);
  });

  it("cancels an occurrence and the following ones, leaving those already cancelled and the earlier ones", async () => {
    const workshops = await db().select().from(events).where(like(events.slug, "atelier-du-programme-10-%")).orderBy(asc(events.startsAt));
    const fifth = workshops[4]!;
    const form = await team.get(`/admin/evenements/${fifth.id}/annuler`);
    assert.match(form.body, /Cette séance et les suivantes \(2\u00a0séances\)/);
    const response = await team.post(`/admin/evenements/${fifth.id}/annuler`, { reason: "Fin anticipée de la saison.", scope: "following", version: String(fifth.version) });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/admin/evenements?annules=2");
    const after = await db().select().from(events).where(like(events.slug, "atelier-du-programme-10-%")).orderBy(asc(events.startsAt));
    assert.deepEqual(after.map((event) => event.status), ["scheduled", "cancelled", "scheduled", "scheduled", "cancelled", "cancelled"]);
    assert.equal(after[1]!.cancellationReason, "Salle indisponible ce jour-là.");
    assert.equal(after[5]!.cancellationReason, "Fin anticipée de la saison.");
  });
});
