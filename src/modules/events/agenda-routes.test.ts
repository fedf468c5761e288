import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, isNotNull } from "drizzle-orm";
import { contentItems, events } from "../../db/schema/index.ts";
import { assertFrenchSpacing } from "../../../tests/support/french-typography.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { type Mailer, sendMailJob } from "../mail/api.ts";
import { parseEventForm } from "./domain/event-input.ts";
import { addDays, parisInstant, parisWallTime } from "./domain/recurrence.ts";
import { relativeDemoDays } from "./demo-events.ts";
import { frenchTitle } from "./domain/imported-event.ts";
import { createEvent } from "./use-cases/save-event.ts";
import { cancelOccurrences } from "./use-cases/series.ts";

let platform: TestPlatform;
// The demo is seeded relative to this: workshops every other Tuesday from 8 December 2026, a training on 11 December.
const now = new Date("2026-12-01T10:00:00Z");
const clock = { now: () => now };
const db = () => platform.database.db;
const workshop = "/evenements/atelier-du-programme-10-2026-12-08";

/** The platform's mail path (job queue, delivered to the local outbox), for the use cases called directly. */
const mailer: Mailer = { enqueue: (executor, message) => platform.jobs.send(executor, sendMailJob, message) };

async function get(url: string, session: HttpSession = httpSessionOn(platform)) {
  return session.get(url);
}

/** The main content of a page, without header and footer (the menu holds « Événements » too). */
function main(html: string): string {
  return html.slice(html.indexOf("<main"), html.indexOf("</main>"));
}

/** The card titles of a section (`a-venir`, `passes`) in page order. */
function titlesIn(html: string, section: string): string[] {
  const start = html.indexOf(`id="${section}"`);
  const end = html.indexOf("</section>", start);
  return [...html.slice(start, end).matchAll(/<h3 class="fr-card__title"><a href="[^"]*">([^<]*)<\/a>/g)].map((match) => match[1]!);
}

async function eventId(slug: string): Promise<string> {
  const [row] = await db().select({ id: events.id }).from(events).where(eq(events.slug, slug));
  assert.ok(row, `événement absent : ${slug}`);
  return row.id;
}

before(async () => {
  platform = await startTestPlatform({ clock });
});
after(() => platform.stop());

describe("the agenda /evenements", () => {
  it("lists the events to come, soonest first with places left, then the past ones, latest first", async () => {
    const response = await get("/evenements");
    assert.equal(response.statusCode, 200);
    const html = main(response.body);
    const upcoming = titlesIn(html, "a-venir");
    assert.deepEqual(upcoming.slice(0, 3), ["Atelier du Programme 10\u00a0%", "Évaluer un grand modèle de langage sur des textes administratifs", "Webinaire d’information\u00a0: rejoindre le Programme 10\u00a0%"].map((title) => title.replace(/’/g, "’")));
    assert.equal(upcoming.filter((title) => title.startsWith("Atelier du Programme")).length, 6);
    const past = titlesIn(html, "passes");
    // The running season's past workshops (checked in, for the time ledger), then the 2023 season's closing.
    assert.deepEqual(past.slice(0, 3), ["Atelier du 17 novembre 2026", "Atelier du 3 novembre 2026", "Clôture de la saison 2023"]);
    assert.equal(past.at(-1), "Atelier d’idéation de la saison 2022");
    assert.ok(past.includes("Bootcamp de lancement de la saison 2022"));
    assert.match(html, /Mardi 8 décembre 2026, 14\u00a0h – 17\u00a0h\u00a030/);
    assert.match(html, /Sur place\u00a0: 1\u00a0place restante · À distance\u00a0: complet, liste d’attente/);
    assert.match(html, /À distance\u00a0: 300\u00a0places restantes/);
    assert.match(html, /<a [^>]*href="\/evenements\/calendrier\.ics">S’abonner à l’agenda public du programme \(iCalendar\)<\/a>/);
    assertFrenchSpacing(response.body);
  });

  it("filters by kind and season in the address, without JavaScript, and ignores unknown values", async () => {
    const response = await get("/evenements?type=formation&saison=2023");
    assert.equal(response.statusCode, 200);
    const html = main(response.body);
    assert.deepEqual(titlesIn(html, "a-venir"), []);
    const past = titlesIn(html, "passes");
    assert.equal(past.length, 5);
    assert.equal(past[0], "Formation au testing des modèles et à leur évaluation");
    assert.ok(past.includes("Comment identifier un bon problème\u00a0?"));
    assert.match(html, /<option value="formation" selected="">Formations<\/option>/);
    assert.match(html, /<option value="2023" selected="">Saison 2023<\/option>/);
    assert.match(html, /Filtré sur formations, saison 2023\u00a0: 0\u00a0événement à venir, 5\u00a0événements passés\./);
    assert.match(html, /<a class="fr-btn fr-btn--tertiary fr-mb-0" href="\/evenements">Tout afficher<\/a>/);

    const bootcamps = main((await get("/evenements?type=bootcamp")).body);
    assert.deepEqual(titlesIn(bootcamps, "passes"), ["Journée de lancement de la saison 2023", "Bootcamp de lancement de la saison 2022"]);

    const unknown = await get("/evenements?type=concert&saison=1999");
    assert.equal(unknown.statusCode, 200);
    assert.equal(titlesIn(main(unknown.body), "passes").length, titlesIn(main((await get("/evenements")).body), "passes").length);
    assert.equal((await get("/evenements?type=x&saison[]=x")).statusCode, 200);
    // A NUL byte is refused for every route in one place (ADR 0027), with its French page.
    const withNul = await get("/evenements?type=%00");
    assert.equal(withNul.statusCode, 400);
    assert.match(withNul.body, /caractère nul/);
  });

  it("shows an event's page: French date and times in Paris, agenda, place with access notes, audience, season and projects", async () => {
    const response = await get(workshop);
    assert.equal(response.statusCode, 200);
    const html = main(response.body);
    assert.match(html, /<h1>Atelier du Programme 10\u00a0%<\/h1>/);
    assert.match(html, /<p class="fr-text--lead fr-mt-2w">Mardi 8 décembre 2026, 14\u00a0h – 17\u00a0h\u00a030<\/p>/);
    assert.match(html, /<li>14\u00a0h – 14\u00a0h\u00a030\u00a0: Actualités du programme et tour de table<\/li>/);
    assert.match(html, /DINUM — Ségur<\/span><br\/>20 avenue de Ségur, 75007 Paris/);
    assert.match(html, /Pièce d’identité demandée à l’accueil du bâtiment/);
    assert.match(html, /Membres du programme/);
    assert.match(html, /<a href="\/saisons\/2026-2027">Saison 2026-2027<\/a>/);
    assert.ok(html.includes(`href="${workshop}/calendrier.ics"`), "a link adds the event to one's calendar");
    assertFrenchSpacing(response.body);

    const bootcamp = main((await get("/evenements/bootcamp-de-lancement-de-la-saison-2022")).body);
    assert.match(bootcamp, /Du lundi 13 juin 2022, 9\u00a0h\u00a030 au mardi 14 juin 2022, 17\u00a0h\u00a030/);
    assert.match(bootcamp, /BercyLab/);
    assert.match(bootcamp, /<a href="\/projets\/siretisation">SIRETisation<\/a>/);
    assert.match(bootcamp, /Projets concernés/);
    assert.doesNotMatch(bootcamp, /id="inscription"/, "no registration block once the event is over");
    assert.doesNotMatch(bootcamp, /Ajouter à mon agenda/, "nothing to add to a calendar once the event is over");
  });

  it("gives the visio link to people with a confirmed seat and to the programme team only", async () => {
    const link = /href="https:\/\/webconf\.numerique\.gouv\.fr\/programme-10-atelier"/;
    const anonymous = main((await get(workshop)).body);
    assert.doesNotMatch(anonymous, link);
    assert.match(anonymous, /Envoyé aux personnes inscrites avec la confirmation, et affiché ici pour elles\./);
    assert.doesNotMatch(main((await get(workshop, await signInOverHttp(platform, "ines.benali@insee.fr"))).body), link);
    assert.match(main((await get(workshop, await signInOverHttp(platform, "julien.moreau@insee.fr"))).body), link);
    assert.match(main((await get(workshop, await signInOverHttp(platform, "camille.martin@numerique.gouv.fr"))).body), link);
  });

  it("shows « Qui vient de mon ministère » to signed-in members only, never naming a member whose profile is kept for the team", async () => {
    assert.doesNotMatch((await get(workshop)).body, /Qui vient de mon ministère/);
    const ines = main((await get(workshop, await signInOverHttp(platform, "ines.benali@insee.fr"))).body);
    const section = ines.slice(ines.indexOf('id="mon-ministere"'));
    assert.match(section, /3\u00a0personnes de votre ministère \(Ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique\) ont une place confirmée/);
    assert.match(section, /<a href="\/annuaire\/julien-moreau">Julien Moreau<\/a> — sur place/);
    assert.match(section, /<a href="\/annuaire\/manon-robin">Manon Robin<\/a> — sur place/);
    assert.match(section, /<a href="\/annuaire\/mehdi-haddad">Mehdi Haddad<\/a> — à distance/);
    // Yasmine Saïdi (DGFiP, same ministry) has a seat but her profile is visible to the team only.
    assert.doesNotMatch(ines, /Yasmine|Saïdi/);
    assert.doesNotMatch(section, /Thomas Leroy|Marc Petit/, "other ministries are not listed");

    const thomas = main((await get(workshop, await signInOverHttp(platform, "thomas.leroy@ign.fr"))).body);
    assert.match(thomas, /<a href="\/annuaire\/thomas-leroy">Thomas Leroy<\/a> \(vous\) — sur place/);
  });

  it("renders the description as sanitised Markdown", async () => {
    const parsed = parseEventForm(
      {
        kind: "webinaire",
        title: "Webinaire piégé",
        description: "Un **texte** avec [un lien](https://example.org) et <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n## Programme",
        startsOn: "2027-01-12",
        startTime: "12:30",
        endsOn: "",
        endTime: "13:30",
        agenda: "",
        placeName: "",
        placeAddress: "",
        placeAccess: "",
        visioUrl: "",
        inPersonCapacity: "",
        remoteCapacity: "50",
        registrationOpensAt: "",
        registrationClosesAt: "",
        cancellationClosesAt: "",
        accessListDueAt: "",
        audience: "public",
        audienceProjectId: "",
        seasonId: "",
        projectIds: [],
        defaultQuestions: [],
        customQuestions: "",
        trainers: "",
        replayUrl: "",
        slidesUrl: "",
        resources: "",
      },
      { seasonIds: new Set(), projectIds: new Set(), parseDateTime: () => null },
    );
    assert.ok("draft" in parsed);
    const event = await createEvent({ db: db(), mailer, publicUrl: "http://localhost:3000" }, { draft: parsed.draft, actorId: null, now });
    assert.equal(event.startsAt.toISOString(), parisInstant("2027-01-12", "12:30").toISOString());
    const html = main((await get(`/evenements/${event.slug}`)).body);
    assert.match(html, /Un <strong>texte<\/strong> avec <a href="https:\/\/example.org"/);
    assert.match(html, /<h3[^>]*>Programme<\/h3>/);
    assert.doesNotMatch(html, /<script>alert|onerror/);
  });

  it("shows a cancelled event « Annulé » with its reason, in the agenda and on its page", async () => {
    const slug = "webinaire-d-information-rejoindre-le-programme-10";
    const [event] = await db().select().from(events).where(eq(events.slug, slug));
    await cancelOccurrences({ db: db(), mailer, publicUrl: "http://localhost:3000" }, { id: event!.id, expectedVersion: event!.version, reason: "Intervenants indisponibles, reporté au printemps.", scope: "one", now });
    const page = main((await get(`/evenements/${slug}`)).body);
    assert.match(page, /<h2 class="fr-alert__title">Annulé<\/h2><p>Cet événement est annulé\u00a0: Intervenants indisponibles, reporté au printemps\.<\/p>/);
    assert.match(page, /<span class="fr-badge fr-badge--error">Annulé<\/span>/);
    // No places left of a cancelled event, for anyone.
    assert.doesNotMatch(page, /places? restantes?|liste d’attente/);
    assert.doesNotMatch(main((await get(`/evenements/${slug}`, await signInOverHttp(platform, "ines.benali@insee.fr"))).body), /places? restantes?/);
    const agenda = main((await get("/evenements")).body);
    const title = agenda.indexOf("Webinaire d’information\u00a0: rejoindre");
    const card = agenda.slice(title, agenda.indexOf("fr-card__end", title));
    assert.match(card, /<span class="fr-badge fr-badge--error">Annulé<\/span>/);
    assert.doesNotMatch(card, /places restantes/);
  });

  it("answers 404 for an unknown or implausible event address", async () => {
    assert.equal((await get("/evenements/n-existe-pas")).statusCode, 404);
    assert.equal((await get(`/evenements/${"a".repeat(200)}`)).statusCode, 404);
    assert.equal((await get("/evenements/Majuscules%20et%20espaces")).statusCode, 404);
    assert.equal((await get("/formations/n-existe-pas")).statusCode, 404);
  });
});

describe("trainings /formations and the old content addresses", () => {
  it("lists the real trainings by season, newest season first, with trainers, replay and slides links", async () => {
    const response = await get("/formations");
    assert.equal(response.statusCode, 200);
    const html = main(response.body);
    const seasons = [...html.matchAll(/<h2 id="saison-[^"]*">([^<]*)<\/h2>/g)].map((match) => match[1]);
    assert.deepEqual(seasons, ["Saison 2026-2027", "Saison 2023", "Saison 2022"]);
    assert.match(html, /<a href="\/evenements\/machine-learning-ops">Machine Learning Ops<\/a>/);
    assert.match(html, /Mardi 20 septembre 2022, 14\u00a0h – 15\u00a0h\u00a030 · avec Pengfei Liu/);
    assert.match(html, /href="https:\/\/bbb-dinum-scalelite\.visio\.education\.fr\/playback\/presentation\/2\.3\/ade4c7c2d1cdb8bf7e0adedcc5924b298eecf558-1663676417842"[^>]*>Voir le replay<\/a>/);
    assert.match(html, /href="https:\/\/github\.com\/pengfei99\/MLOPS"[^>]*>Dépôt de code \(GitHub\)<\/a>/);
    assert.match(html, /href="https:\/\/speakerdeck\.com\/etalabia\/formation-beta-dot-gouv-dot-fr-comment-identifier-un-bon-probleme"[^>]*>Voir les supports<\/a>/);
    assert.match(html, /avec Lino Galiana et Romain Avouac/);
    assert.equal([...html.matchAll(/<h3 class="fr-h5 fr-mb-1w">/g)].length, 10);
    assertFrenchSpacing(response.body);
  });

  it("sends an old training or event address of the content store to its event (301), and still shows one without an event", async () => {
    const moved = await get("/formations/machine-learning-ops");
    assert.equal(moved.statusCode, 301);
    assert.equal(moved.headers.location, "/evenements/machine-learning-ops");

    // Items of the content store (written as its editor would), with no event of the same address.
    const item = { body: "Texte de l’ancienne page.", date: new Date("2021-10-05T12:00:00Z"), status: "published" };
    await db().insert(contentItems).values([
      { ...item, kind: "training", slug: "formation-sans-evenement", path: "/formations/formation-sans-evenement", title: "Formation d’avant la plateforme", details: { season: 2021, trainers: "Équipe Insee" } },
      { ...item, kind: "event", slug: "rencontre-2021", path: "/evenements/rencontre-2021", title: "Rencontre de 2021", details: { startsAt: "2021-10-05T12:00:00Z", location: "Paris" } },
    ]);
    const training = await get("/formations/formation-sans-evenement");
    assert.equal(training.statusCode, 200);
    assert.match(main(training.body), /<h1>Formation d’avant la plateforme<\/h1>/);
    assert.match(main(training.body), /Équipe Insee/);
    const event = await get("/evenements/rencontre-2021");
    assert.equal(event.statusCode, 200);
    assert.match(main(event.body), /<h1>Rencontre de 2021<\/h1>/);

    // Once an event stands for it (same address identifier), the old training address leads there.
    await db().update(events).set({ slug: "formation-sans-evenement" }).where(eq(events.id, await eventId("prise-de-parole-en-public")));
    const now301 = await get("/formations/formation-sans-evenement");
    assert.equal(now301.statusCode, 301);
    assert.equal(now301.headers.location, "/evenements/formation-sans-evenement");
  });
});

describe("the demo's events", () => {
  const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();

  it("fall on working days whatever the day the demo is seeded (no webinar on a Sunday)", async () => {
    for (let offset = 0; offset < 14; offset += 1) {
      const seededOn = new Date(`${addDays("2026-11-30", offset)}T09:00:00Z`);
      for (const [name, day] of Object.entries(relativeDemoDays(seededOn))) {
        assert.ok(![0, 6].includes(weekday(day)), `${name} le ${day}, démo créée le ${seededOn.toISOString().slice(0, 10)}`);
      }
    }
    const seeded = await db().select({ title: events.title, startsAt: events.startsAt }).from(events).where(isNotNull(events.sourceKey));
    const weekends = seeded.filter((event) => [0, 6].includes(weekday(parisWallTime(event.startsAt).day)));
    assert.deepEqual(weekends, []);
  });

  it("title the imported trainings with typographic apostrophes (« l’impact », « d’applications »)", async () => {
    assert.equal(frenchTitle("Formation à l'impact environnemental du numérique"), "Formation à l’impact environnemental du numérique");
    const titles = (await db().select({ title: events.title }).from(events).where(isNotNull(events.sourceKey))).map((event) => event.title);
    assert.deepEqual(titles.filter((title) => title.includes("'")), []);
    assert.ok(titles.some((title) => title.includes("l’impact")), titles.join(" / "));
  });
});
