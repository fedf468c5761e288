import { and, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { eventRegistrations, events, eventSeries, users } from "../../db/schema/index.ts";
import { listPublicItems } from "../content/api.ts";
import { formatCalendarDay } from "../../shared/french-date.ts";
import { findProjectBySlug } from "../projects/api.ts";
import { findCurrentSeason, findSeasonBySlug } from "../seasons/api.ts";
import type { EventDraft } from "./domain/event-input.ts";
import { type AgendaItem, type AttendanceMode, defaultQuestions, type EventKind } from "./domain/event-kinds.ts";
import { addDays, parisInstant, parisWallTime, seriesOccurrences } from "./domain/recurrence.ts";
import { createImportedAgenda } from "./imported-events.ts";
import { insertEvent, slugBase } from "./use-cases/save-event.ts";
import { takeSeat } from "./use-cases/seats.ts";

/**
 * The demo's events, after the import of the shipped site (which made its trainings and event pages agenda
 * events, `imported-events.ts`): the real milestones of both seasons told by the site's news, and, relative
 * to `now`, a series of workshops every other Tuesday, a hybrid training with few seats (nearly full), and a
 * public webinar, with registrations of demo members; and the running season's two past workshops (four and two
 * weeks ago, when the season had started) with the members checked in, what the time ledger counts. Idempotent:
 * each event has a `source_key`, and an event already there is left alone (its registrations too).
 */

type DemoEvent = Partial<EventDraft> & {
  key: string;
  kind: EventKind;
  title: string;
  day: string;
  start: string;
  end: string;
  endDay?: string;
  season?: string;
  projects?: string[];
};

const bercyLab = { placeName: "BercyLab", placeAddress: "Ministère de l’Économie, 139 rue de Bercy, 75012 Paris", placeAccess: "Entrée par le hall Vauban\u00a0; pièce d’identité demandée à l’accueil. Métro Bercy (lignes 6 et 14)." };
const segur = { placeName: "DINUM — Ségur", placeAddress: "20 avenue de Ségur, 75007 Paris", placeAccess: "Pièce d’identité demandée à l’accueil du bâtiment\u00a0; salle au deuxième étage. Métro Ségur (ligne 10) ou Cambronne (ligne 6)." };

/** The milestones of seasons 2022 and 2023, from the imported site's news (content/site-2023/content/actualites). */
const pastEvents: DemoEvent[] = [
  {
    key: "demo:ideation-2022",
    kind: "atelier",
    title: "Atelier d’idéation de la saison 2022",
    day: "2022-05-16",
    start: "09:30",
    end: "12:00",
    season: "2022",
    description:
      "L’objectif de l’atelier d’idéation est d’identifier des projets d’intérêt commun entre les ministères et de présélectionner, grâce aux ateliers de co-construction, ceux qui seront accompagnés par le programme 10\u00a0%.\n\n25 participantes et participants aux profils variés\u00a0: data scientists, développeurs, data engineers, chefs de pôle, administrateurs ministériels des données (AMDAC)…",
    agenda: [
      { startsAt: "09:30", title: "Accueil café" },
      { startsAt: "09:45", title: "Présentation du programme 10\u00a0% par l’équipe du Lab IA et l’Insee" },
      { startsAt: "10:00", title: "Pitchs des projets d’intérêt commun remontés en amont via le questionnaire" },
      { startsAt: "10:30", title: "Ateliers sur les différents projets\u00a0: problématique, cadrage et solutions" },
      { startsAt: "11:45", title: "Restitution des ateliers" },
    ],
  },
  {
    key: "demo:bootcamp-2022",
    kind: "bootcamp",
    title: "Bootcamp de lancement de la saison 2022",
    day: "2022-06-13",
    endDay: "2022-06-14",
    start: "09:30",
    end: "17:30",
    season: "2022",
    ...bercyLab,
    projects: ["juripiaf", "designsystemetat", "siretisation"],
    description:
      "Les 13 et 14 juin, la communauté 10\u00a0% a été lancée\u00a0! Les deux journées dans les murs du BercyLab ont réuni 25 experts de la donnée issus de 13 administrations, représentant 6 ministères, pour cadrer les 5 projets d’intérêt commun identifiés lors de l’atelier d’idéation du 16 mai 2022.\n\nAu-delà des projets, les experts ont travaillé sur les valeurs qui unissent la communauté\u00a0: «\u00a0ouverture, partage et curiosité\u00a0».",
  },
  {
    key: "demo:webinaire-2023",
    kind: "webinaire",
    title: "Webinaire d’information sur la saison 2023",
    day: "2023-01-31",
    start: "16:00",
    end: "17:00",
    season: "2023",
    audience: "public",
    replayUrl: "https://bbb-dinum-scalelite.visio.education.fr/playback/presentation/2.3/871ab1ad6290d683201d2996582dffe96174d9a6-1675177245109",
    description: "Un webinaire d’information sur le lancement de la saison 2 du programme 10\u00a0%\u00a0: son déroulé, ses nouveautés (formations, ouverture à d’autres communautés, moments informels) et ses jalons.",
  },
  {
    key: "demo:lancement-2023",
    kind: "bootcamp",
    title: "Journée de lancement de la saison 2023",
    day: "2023-02-14",
    start: "09:30",
    end: "17:00",
    season: "2023",
    ...bercyLab,
    description:
      "Plus d’une cinquantaine de talents de la data issus de tous les ministères se sont mobilisés au BercyLab autour de trois objectifs\u00a0:\n\n- proposer les projets data et IA qui feront l’objet d’une collaboration interministérielle sur la saison 2023\u00a0;\n- réfléchir aux formations et ouvertures vers l’extérieur proposées en 2023\u00a0;\n- co-construire les moments informels entre experts publics de la donnée.",
  },
  {
    key: "demo:atelier-2023-03-14",
    kind: "atelier",
    title: "Premier atelier de travail de la saison 2023",
    day: "2023-03-14",
    start: "14:00",
    end: "17:30",
    season: "2023",
    placeName: "Lieu de la Transformation publique",
    projects: ["transformers", "poufdoc", "cartiflette", "chartgouv", "datanomyme", "impact-environnemental", "trouvermonexpertdata"],
    description:
      "Le lancement des travaux de la saison 2023\u00a0: plus d’une trentaine d’experts de la donnée de l’État réunis au Lieu de la Transformation publique. Damien Dufourd, coach agile chez beta.gouv.fr, est venu présenter comment identifier un bon problème. Ce premier atelier ouvre la phase d’investigation.",
  },
  {
    key: "demo:atelier-2023-03-30",
    kind: "atelier",
    title: "Atelier du 30 mars 2023",
    day: "2023-03-30",
    start: "14:00",
    end: "17:30",
    season: "2023",
    description: "Les équipes poursuivent l’investigation sur les projets 10\u00a0%, après une formation aux bonnes pratiques de programmation en Python.",
    agenda: [
      { startsAt: "14:00", endsAt: "15:00", title: "Formation aux bonnes pratiques sur Python par Lino Galiana et Romain Avouac" },
      { startsAt: "15:00", endsAt: "17:30", title: "Ateliers de travail sur les projets 10\u00a0%, avec l’appui des coachs Etalab" },
      { startsAt: "17:30", title: "Stand-up finaux des projets par les équipes" },
    ],
  },
  {
    key: "demo:cloture-2023",
    kind: "cloture",
    title: "Clôture de la saison 2023",
    day: "2023-11-28",
    start: "14:00",
    end: "18:00",
    season: "2023",
    description: "Les équipes de la saison 2023 présentent leurs projets et ce qu’ils ont livré.",
  },
];

/**
 * The one training of the imported page with neither date nor recording: the importer cannot place it, so the
 * demo dates it (a plausible day of the 2023 season, not a historical one) through the same agenda hook.
 */
const undatedTrainingDays: Record<string, string> = { "formation-a-l-impact-environnemental-du-numerique": "2023-05-11" };

function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/** The next Tuesday at least `days` days after `now` (Paris). */
function nextTuesday(now: Date, days: number): string {
  let day = addDays(parisWallTime(now).day, days);
  while (weekday(day) !== 2) day = addDays(day, 1);
  return day;
}

/** The Tuesday of the week `weeks` weeks before `now` (Paris). */
function pastTuesday(now: Date, weeks: number): string {
  let day = addDays(parisWallTime(now).day, -7 * weeks);
  while (weekday(day) !== 2) day = addDays(day, -1);
  return day;
}

/** The first working day (Monday to Friday) at least `days` days after `now` (Paris): no demo event on a weekend. */
function workingDayAfter(now: Date, days: number): string {
  let day = addDays(parisWallTime(now).day, days);
  while (weekday(day) === 0 || weekday(day) === 6) day = addDays(day, 1);
  return day;
}

/** The days of the demo's events relative to `now`: the first workshop of the series, the training, the webinar. */
export function relativeDemoDays(now: Date): { workshops: string; training: string; webinar: string } {
  return { workshops: nextTuesday(now, 5), training: workingDayAfter(now, 10), webinar: workingDayAfter(now, 20) };
}

async function draftOf(db: Executor, event: DemoEvent): Promise<EventDraft> {
  const season = event.season ? await findSeasonBySlug(db, event.season) : null;
  const projectIds: string[] = [];
  for (const slug of event.projects ?? []) {
    const project = await findProjectBySlug(db, slug);
    if (project) projectIds.push(project.id);
  }
  return {
    kind: event.kind,
    title: event.title,
    description: event.description ?? "",
    startsAt: parisInstant(event.day, event.start),
    endsAt: parisInstant(event.endDay ?? event.day, event.end),
    agenda: (event.agenda ?? []) as AgendaItem[],
    placeName: event.placeName ?? null,
    placeAddress: event.placeAddress ?? null,
    placeAccess: event.placeAccess ?? null,
    visioUrl: event.visioUrl ?? null,
    inPersonCapacity: event.inPersonCapacity ?? null,
    remoteCapacity: event.remoteCapacity ?? null,
    registrationOpensAt: event.registrationOpensAt ?? null,
    registrationClosesAt: event.registrationClosesAt ?? null,
    cancellationClosesAt: event.cancellationClosesAt ?? null,
    accessListDueAt: event.accessListDueAt ?? null,
    audience: event.audience ?? "members",
    audienceProjectId: null,
    seasonId: event.seasonId ?? season?.id ?? null,
    projectIds,
    questions: event.questions ?? defaultQuestions,
    trainers: event.trainers ?? null,
    replayUrl: event.replayUrl ?? null,
    slidesUrl: event.slidesUrl ?? null,
    resources: event.resources ?? [],
  };
}

async function exists(db: Executor, sourceKey: string): Promise<boolean> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.sourceKey, sourceKey)).limit(1);
  return Boolean(row);
}

/** Inserts the event unless its source key is already there; returns its id when created. */
async function seedOne(db: Database, event: DemoEvent, now: Date, seriesId: string | null = null): Promise<string | null> {
  if (await exists(db, event.key)) return null;
  const draft = await draftOf(db, event);
  const slug = slugBase(event.title, seriesId ? event.day : undefined);
  const [taken] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug)).limit(1);
  const created = await db.transaction((tx) => insertEvent(tx, draft, { slug: taken ? `${slug}-${event.day}` : slug, seriesId, sourceKey: event.key, createdBy: null, now }));
  return created.id;
}

/** Demo registrations (in this order: the waitlist follows it), through the same seat-taking as the site. */
async function register(db: Database, eventId: string, people: [string, AttendanceMode][], emailIds: Map<string, string>, now: Date) {
  for (const [email, mode] of people) {
    const userId = emailIds.get(email);
    if (!userId) continue;
    await db.transaction((tx) => takeSeat(tx, { eventId, registrant: { userId }, mode, answers: {}, now }));
  }
}

export async function seedDemoEvents(db: Database, options: { now: Date }): Promise<void> {
  const { now } = options;
  // The imported trainings and event pages are agenda events already (the importer's agenda hook): only the undated one is dated here.
  const importedAgenda = createImportedAgenda({ db, clock: { now: () => now } });
  for (const item of await listPublicItems(db, "training", now)) {
    const day = undatedTrainingDays[item.slug];
    if (day && !item.date) await importedAgenda({ ...item, date: new Date(`${day}T00:00:00Z`) }, { changed: false });
  }
  for (const event of pastEvents) await seedOne(db, event, now);

  const current = await findCurrentSeason(db, now);
  const seasonId = current?.id ?? null;
  const emails = [
    "ines.benali@insee.fr",
    "thomas.leroy@ign.fr",
    "julien.moreau@insee.fr",
    "manon.robin@insee.fr",
    "elodie.giraud@insee.fr",
    "samuel.nguyen@insee.fr",
    "yasmine.saidi@dgfip.finances.gouv.fr",
    "mehdi.haddad@dgfip.finances.gouv.fr",
    "marc.petit@numerique.gouv.fr",
    "sophie.durand@interieur.gouv.fr",
  ];
  const accounts = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const emailIds = new Map(accounts.map((account) => [account.email, account.id]));

  // A workshop every other Tuesday afternoon, six times, hybrid.
  const seriesKey = "demo:ateliers-quinzaine";
  if (!(await exists(db, `${seriesKey}:1`))) {
    const firstDay = relativeDemoDays(now).workshops;
    const workshop: DemoEvent = {
      key: seriesKey,
      kind: "atelier",
      title: "Atelier du Programme 10\u00a0%",
      day: firstDay,
      start: "14:00",
      end: "17:30",
      ...segur,
      visioUrl: "https://webconf.numerique.gouv.fr/programme-10-atelier",
      inPersonCapacity: 40,
      remoteCapacity: 60,
      seasonId,
      description: "L’atelier de la quinzaine\u00a0: les équipes avancent sur leurs projets, sur place à Ségur ou en visio, avec l’appui des coachs. Venez quand vous pouvez\u00a0: l’accueil des nouveaux membres se fait à chaque atelier.",
      agenda: [
        { startsAt: "14:00", endsAt: "14:30", title: "Actualités du programme et tour de table" },
        { startsAt: "14:30", endsAt: "17:00", title: "Travail en équipes projet" },
        { startsAt: "17:00", endsAt: "17:30", title: "Stand-up des équipes" },
      ],
    };
    const draft = await draftOf(db, workshop);
    const rule = { frequency: "weekly" as const, interval: 2, until: addDays(firstDay, 70) };
    const [series] = await db.insert(eventSeries).values({ title: workshop.title, rule, createdAt: now }).returning();
    const occurrences = seriesOccurrences({ startsAt: draft.startsAt, endsAt: draft.endsAt }, rule);
    const ids: string[] = [];
    for (const [index, occurrence] of occurrences.entries()) {
      const day = parisWallTime(occurrence.startsAt).day;
      const created = await db.transaction((tx) =>
        insertEvent(tx, { ...draft, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt }, { slug: slugBase(workshop.title, day), seriesId: series!.id, sourceKey: `${seriesKey}:${index + 1}`, createdBy: null, now }),
      );
      ids.push(created.id);
    }
    // Who comes to the next one: Inès sees Julien and Manon from her ministry, never Yasmine (profile kept for the team).
    await register(db, ids[0]!, [["julien.moreau@insee.fr", "in_person"], ["manon.robin@insee.fr", "in_person"], ["yasmine.saidi@dgfip.finances.gouv.fr", "in_person"], ["thomas.leroy@ign.fr", "in_person"], ["mehdi.haddad@dgfip.finances.gouv.fr", "remote"], ["marc.petit@numerique.gouv.fr", "in_person"]], emailIds, now);
    await register(db, ids[1]!, [["julien.moreau@insee.fr", "remote"], ["elodie.giraud@insee.fr", "in_person"]], emailIds, now);
  }

  // A hybrid training with few seats: one left on site, remote full with someone waiting.
  const trainingDay = relativeDemoDays(now).training;
  const trainingId = await seedOne(
    db,
    {
      key: "demo:formation-llm",
      kind: "formation",
      title: "Évaluer un grand modèle de langage sur des textes administratifs",
      day: trainingDay,
      start: "14:00",
      end: "16:00",
      ...bercyLab,
      visioUrl: "https://webconf.numerique.gouv.fr/programme-10-formation-llm",
      inPersonCapacity: 4,
      remoteCapacity: 3,
      seasonId,
      trainers: "Inès Benali (Insee)",
      description:
        "Comment savoir si un modèle de langage fait bien ce qu’on lui demande sur nos textes\u00a0? Jeux de test, métriques, évaluation humaine et pièges courants, avec des exemples en Python sur des libellés d’activité.\n\nPetit groupe pour laisser de la place aux questions\u00a0: **apportez votre ordinateur** si vous venez sur place.",
      agenda: [
        { startsAt: "14:00", endsAt: "15:00", title: "Présentation et démonstration" },
        { startsAt: "15:00", endsAt: "16:00", title: "Exercices pratiques et questions" },
      ],
      questions: [...defaultQuestions, { key: "q-niveau-python", label: "Votre niveau en Python", kind: "choice", required: true, options: ["Débutant·e", "À l’aise", "Expert·e"] }],
    },
    now,
  );
  if (trainingId) {
    await register(
      db,
      trainingId,
      [
        ["thomas.leroy@ign.fr", "in_person"],
        ["julien.moreau@insee.fr", "in_person"],
        ["elodie.giraud@insee.fr", "in_person"],
        ["samuel.nguyen@insee.fr", "remote"],
        ["mehdi.haddad@dgfip.finances.gouv.fr", "remote"],
        ["sophie.durand@interieur.gouv.fr", "remote"],
        ["manon.robin@insee.fr", "remote"],
      ],
      emailIds,
      now,
    );
  }

  // The running season's past workshops, with the check-ins the time ledger reads (issue 16): registered the
  // week before, checked in on the day.
  if (current) {
    for (const weeks of [4, 2]) {
      const day = pastTuesday(now, weeks);
      if (day < current.startsOn) continue;
      const eventId = await seedOne(
        db,
        { key: `demo:atelier-passe-${weeks}`, kind: "atelier", title: `Atelier du ${formatCalendarDay(day)}`, day, start: "14:00", end: "17:30", ...segur, inPersonCapacity: 40, remoteCapacity: 60, seasonId, description: "Atelier de la quinzaine\u00a0: travail en équipes projet, sur place ou en visio." },
        new Date(parisInstant(day, "09:00").getTime() - 7 * 86_400_000),
      );
      if (!eventId) continue;
      const present: [string, AttendanceMode][] = [["ines.benali@insee.fr", "in_person"], ["thomas.leroy@ign.fr", "remote"], ["julien.moreau@insee.fr", "in_person"]];
      await register(db, eventId, present, emailIds, new Date(parisInstant(day, "09:00").getTime() - 7 * 86_400_000));
      const attendees = present.map(([email]) => emailIds.get(email)).filter((id): id is string => Boolean(id));
      if (attendees.length > 0) await db.update(eventRegistrations).set({ attendedAt: parisInstant(day, "14:05") }).where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.userId, attendees)));
    }
  }

  // A public webinar: visitors without an account may register with their e-mail.
  await seedOne(
    db,
    {
      key: "demo:webinaire-rejoindre",
      kind: "webinaire",
      title: "Webinaire d’information\u00a0: rejoindre le Programme 10\u00a0%",
      day: relativeDemoDays(now).webinar,
      start: "12:30",
      end: "13:30",
      audience: "public",
      visioUrl: "https://webconf.numerique.gouv.fr/programme-10-information",
      remoteCapacity: 300,
      seasonId,
      description: "Une heure pour découvrir le programme\u00a0: comment les experts de la donnée publique y consacrent 10\u00a0% de leur temps, comment proposer un projet et comment rejoindre une équipe. Ouvert à toutes et tous, avec un temps de questions.",
    },
    now,
  );
}
