import { slugify } from "../../../shared/slug.ts";
import { type AgendaItem, defaultQuestions, type EventAudience, eventAudiences, type EventKind, type EventQuestion, isEventKind } from "./event-kinds.ts";
import { isCalendarDay, isTimeOfDay, parisInstant } from "./recurrence.ts";

/** What the team types in the event form, as strings (kept as typed when the form is refused). */
export type EventFormValues = {
  kind: string;
  title: string;
  description: string;
  startsOn: string;
  startTime: string;
  endsOn: string;
  endTime: string;
  agenda: string;
  placeName: string;
  placeAddress: string;
  placeAccess: string;
  visioUrl: string;
  inPersonCapacity: string;
  remoteCapacity: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  cancellationClosesAt: string;
  accessListDueAt: string;
  audience: string;
  audienceProjectId: string;
  seasonId: string;
  projectIds: string[];
  defaultQuestions: string[];
  customQuestions: string;
  trainers: string;
  replayUrl: string;
  slidesUrl: string;
  resources: string;
};

/** A link of a training (code repository, course site). */
export type EventResource = { label: string; url: string };

/** An event as the form describes it, checked: what is stored. */
export type EventDraft = {
  kind: EventKind;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  agenda: AgendaItem[];
  placeName: string | null;
  placeAddress: string | null;
  placeAccess: string | null;
  visioUrl: string | null;
  inPersonCapacity: number | null;
  remoteCapacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  cancellationClosesAt: Date | null;
  accessListDueAt: Date | null;
  audience: EventAudience;
  audienceProjectId: string | null;
  seasonId: string | null;
  projectIds: string[];
  questions: EventQuestion[];
  trainers: string | null;
  replayUrl: string | null;
  slidesUrl: string | null;
  resources: EventResource[];
};

/**
 * What the form may refer to: the seasons and projects that exist, how to read a `datetime-local` value in
 * Paris, and, for an edit, the questions the event already asks (their keys are kept).
 */
export type EventFormContext = { seasonIds: ReadonlySet<string>; projectIds: ReadonlySet<string>; parseDateTime: (text: string) => Date | null; existingQuestions?: EventQuestion[] };

export const maxCapacity = 10_000;
const maxCustomQuestions = 10;
const maxAgendaLines = 30;
const maxResources = 20;
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** « 14:30 », « 14h30 », « 14 h 30 », « 9h » → `14:30`, `09:00`; null otherwise. */
export function parseTimeOfDay(text: string): string | null {
  const match = /^\s*(\d{1,2})\s*(?:[h:]\s*(\d{2})?)?\s*$/i.exec(text);
  if (!match) return null;
  const time = `${match[1]!.padStart(2, "0")}:${match[2] ?? "00"}`;
  return isTimeOfDay(time) ? time : null;
}

/** `14:30` → « 14 h 30 », `14:00` → « 14 h » (non-breaking spaces). */
export function formatTimeOfDay(time: string): string {
  const [hour, minute] = time.split(":");
  return minute === "00" ? `${Number(hour)}\u00a0h` : `${Number(hour)}\u00a0h\u00a0${minute}`;
}

const agendaLine = /^\s*(\d{1,2}\s*[h:]\s*(?:\d{2})?)\s*(?:(?:-|–|—|à)\s*(\d{1,2}\s*[h:]\s*(?:\d{2})?))?\s*(?::|-|–|—)?\s*(\S.*)$/i;

/** « 14 h – 15 h : pitchs des projets » per line → agenda items; the first wrong line's message otherwise. */
export function parseAgenda(text: string): { items: AgendaItem[] } | { error: string } {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length > maxAgendaLines) return { error: `Le déroulé compte au plus ${maxAgendaLines} lignes.` };
  const items: AgendaItem[] = [];
  for (const [index, line] of lines.entries()) {
    const match = agendaLine.exec(line);
    const startsAt = match ? parseTimeOfDay(match[1]!.replace(/\s/g, "")) : null;
    const endsAt = match?.[2] ? parseTimeOfDay(match[2].replace(/\s/g, "")) : undefined;
    if (!match || !startsAt || endsAt === null) {
      return { error: `Ligne ${index + 1}\u00a0: commencez par l’heure, puis l’intitulé, par exemple «\u00a014 h – 15 h : pitchs des projets\u00a0».` };
    }
    if (endsAt && endsAt <= startsAt) return { error: `Ligne ${index + 1}\u00a0: l’heure de fin doit suivre l’heure de début.` };
    const title = match[3]!.trim();
    if (title.length > 200) return { error: `Ligne ${index + 1}\u00a0: l’intitulé ne peut pas dépasser 200 caractères.` };
    items.push(endsAt ? { startsAt, endsAt, title } : { startsAt, title });
  }
  return { items };
}

/** Agenda items as the form shows them, one line each (plain spaces: the team edits them). */
export function agendaText(items: AgendaItem[]): string {
  const plain = (time: string) => formatTimeOfDay(time).replace(/\u00a0/g, " ");
  return items.map((item) => `${plain(item.startsAt)}${item.endsAt ? ` – ${plain(item.endsAt)}` : ""} : ${item.title}`).join("\n");
}

/**
 * « * Quel atelier ? => Python | R » per line: a question (`*`: answer required; `=>`: choices). A question
 * already asked (same wording) keeps its key, so that the answers given stay attached to it.
 */
export function parseCustomQuestions(text: string, existing: EventQuestion[] = []): { questions: EventQuestion[] } | { error: string } {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length > maxCustomQuestions) return { error: `Ajoutez au plus ${maxCustomQuestions} questions.` };
  const questions: EventQuestion[] = [];
  const keys = new Set(defaultQuestions.map((question) => question.key));
  for (const [index, line] of lines.entries()) {
    const required = line.startsWith("*");
    const [labelPart = "", choicesPart] = line.replace(/^\*\s*/, "").split("=>");
    const label = labelPart.trim();
    if (!label) return { error: `Ligne ${index + 1}\u00a0: écrivez la question.` };
    if (label.length > 300) return { error: `Ligne ${index + 1}\u00a0: la question ne peut pas dépasser 300 caractères.` };
    const asked = existing.find((question) => question.label.trim().toLocaleLowerCase("fr") === label.toLocaleLowerCase("fr") && !keys.has(question.key));
    let key = asked?.key ?? `q-${slugify(label, 40) || index + 1}`;
    for (let suffix = 2; keys.has(key); suffix += 1) key = `q-${slugify(label, 40) || index + 1}-${suffix}`;
    keys.add(key);
    if (choicesPart === undefined) {
      questions.push({ key, label, kind: "text", required });
      continue;
    }
    const options = choicesPart.split("|").map((option) => option.trim()).filter(Boolean);
    if (options.length < 2) return { error: `Ligne ${index + 1}\u00a0: une question à choix propose au moins deux réponses, séparées par «\u00a0|\u00a0».` };
    questions.push({ key, label, kind: "choice", required, options });
  }
  return { questions };
}

/** The custom questions (not the default ones) as the form shows them. */
export function customQuestionsText(questions: EventQuestion[]): string {
  const defaults = new Set(defaultQuestions.map((question) => question.key));
  return questions
    .filter((question) => !defaults.has(question.key))
    .map((question) => `${question.required ? "* " : ""}${question.label}${question.kind === "choice" && question.options ? ` => ${question.options.join(" | ")}` : ""}`)
    .join("\n");
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}

/** « Libellé | https://… » or just the address, per line. */
export function parseResources(text: string): { resources: EventResource[] } | { error: string } {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length > maxResources) return { error: `Ajoutez au plus ${maxResources} ressources.` };
  const resources: EventResource[] = [];
  for (const [index, line] of lines.entries()) {
    const separator = line.lastIndexOf("|");
    const label = separator >= 0 ? line.slice(0, separator).trim() : "";
    const url = (separator >= 0 ? line.slice(separator + 1) : line).trim();
    if (!isWebAddress(url)) return { error: `Ligne ${index + 1}\u00a0: indiquez une adresse web complète, commençant par https://.` };
    resources.push({ label: (label || hostOf(url)).slice(0, 200), url });
  }
  return { resources };
}

export function resourcesText(resources: EventResource[]): string {
  return resources.map((resource) => `${resource.label} | ${resource.url}`).join("\n");
}

function textOf(value: string, max: number, field: string, errors: Record<string, string>, label?: string): string {
  // Browsers post a textarea's line breaks as CRLF: stored as LF, so that the same text compares equal.
  const text = value.trim().replace(/\r\n?/g, "\n");
  if (controlCharacters.test(text)) errors[field] = "Ce champ contient des caractères non autorisés.";
  else if (text.length > max) errors[field] = `Ce champ ne peut pas dépasser ${max} caractères.`;
  else if (label && !text) errors[field] = `Indiquez ${label}.`;
  return text;
}

function capacityOf(value: string, field: string, errors: Record<string, string>): number | null {
  const text = value.trim();
  if (!text) return null;
  if (!/^\d{1,5}$/.test(text) || Number(text) > maxCapacity) {
    errors[field] = `Indiquez un nombre entier de places entre 0 et ${maxCapacity}, ou laissez vide si ce mode n’est pas proposé.`;
    return null;
  }
  return Number(text);
}

function urlOf(value: string, field: string, errors: Record<string, string>): string | null {
  const text = value.trim();
  if (!text) return null;
  if (text.length > 2000 || !isWebAddress(text)) {
    errors[field] = "Indiquez une adresse web complète, commençant par https://.";
    return null;
  }
  return text;
}

const frenchDay = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A day as the form may send it: `2027-03-09` from a date picker (which shows « 09/03/2027 »), or
 * « 09/03/2027 » typed where the browser offers a plain text field; returned as `2027-03-09`, or as typed
 * when it is neither (the caller then reports it).
 */
export function calendarDayOf(text: string): string {
  const trimmed = text.trim();
  const match = frenchDay.exec(trimmed);
  return match ? `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}` : trimmed;
}

/** « 2027-03-09T14:00 » from a picker, or « 09/03/2027 14:00 », « 09/03/2027 à 14h » typed. */
function dateTimeInput(text: string): string {
  const match = /^(\d{1,2}\/\d{1,2}\/\d{4})\s*(?:à\s*|,\s*)?(\d{1,2}\s*[h:]\s*(?:\d{2})?)$/i.exec(text);
  const time = match ? parseTimeOfDay(match[2]!.replace(/\s/g, "")) : null;
  return match && time ? `${calendarDayOf(match[1]!)}T${time}` : text;
}

function dateTimeOf(value: string, field: string, errors: Record<string, string>, context: EventFormContext): Date | null {
  const text = value.trim();
  if (!text) return null;
  const date = context.parseDateTime(dateTimeInput(text));
  if (!date) errors[field] = "Indiquez une date et une heure, par exemple 09/03/2027 à 14:00.";
  return date;
}

/** The event form's fields in the order the page shows them: the error summary follows it. */
export const eventFormFieldOrder = [
  "_form",
  "kind",
  "title",
  "description",
  "startsOn",
  "startTime",
  "endTime",
  "endsOn",
  "interval",
  "until",
  "agenda",
  "placeName",
  "placeAddress",
  "placeAccess",
  "visioUrl",
  "inPersonCapacity",
  "remoteCapacity",
  "registrationOpensAt",
  "registrationClosesAt",
  "cancellationClosesAt",
  "accessListDueAt",
  "audience",
  "audienceProjectId",
  "seasonId",
  "projectIds",
  "defaultQuestions",
  "customQuestions",
  "trainers",
  "replayUrl",
  "slidesUrl",
  "resources",
  "scope",
] as const;

/** The errors keyed in the form's order (unknown keys last), for an error summary read top to bottom. */
export function inFormOrder(errors: Record<string, string>): Record<string, string> {
  const rank = (field: string) => {
    const index = (eventFormFieldOrder as readonly string[]).indexOf(field);
    return index < 0 ? eventFormFieldOrder.length : index;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * Reads and checks the event form: every field's rule, with a French message at the field. Times are
 * read in Paris. A mode is offered when its capacity is set; in person needs a place. Returns the
 * draft to store, or the errors.
 */
export function parseEventForm(values: EventFormValues, context: EventFormContext): { draft: EventDraft } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kind = values.kind.trim();
  if (!isEventKind(kind)) errors.kind = "Choisissez le type d’événement.";
  const title = textOf(values.title, 200, "title", errors, "le titre de l’événement");
  const description = textOf(values.description, 20_000, "description", errors);

  const startsOn = calendarDayOf(values.startsOn);
  const endsOn = calendarDayOf(values.endsOn) || startsOn;
  const startTime = parseTimeOfDay(values.startTime);
  const endTime = parseTimeOfDay(values.endTime);
  if (!isCalendarDay(startsOn)) errors.startsOn = "Indiquez la date de l’événement au format jj/mm/aaaa, par exemple 09/03/2027.";
  if (values.endsOn.trim() && !isCalendarDay(endsOn)) errors.endsOn = "Indiquez la date de fin au format jj/mm/aaaa, ou laissez vide si l’événement tient sur une journée.";
  if (!startTime) errors.startTime = "Indiquez l’heure de début, par exemple 14:00.";
  if (!endTime) errors.endTime = "Indiquez l’heure de fin, par exemple 17:30.";
  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if (!errors.startsOn && !errors.endsOn && startTime && endTime) {
    startsAt = parisInstant(startsOn, startTime);
    endsAt = parisInstant(endsOn, endTime);
    if (endsAt <= startsAt) errors[values.endsOn.trim() ? "endsOn" : "endTime"] = "L’événement doit finir après son début.";
  }

  const agenda = parseAgenda(values.agenda);
  if ("error" in agenda) errors.agenda = agenda.error;

  const placeName = textOf(values.placeName, 200, "placeName", errors);
  const placeAddress = textOf(values.placeAddress, 500, "placeAddress", errors);
  const placeAccess = textOf(values.placeAccess, 2000, "placeAccess", errors);
  const visioUrl = urlOf(values.visioUrl, "visioUrl", errors);
  const inPersonCapacity = capacityOf(values.inPersonCapacity, "inPersonCapacity", errors);
  const remoteCapacity = capacityOf(values.remoteCapacity, "remoteCapacity", errors);
  if (inPersonCapacity !== null && !placeName && !placeAddress && !errors.placeName) {
    errors.placeName = "Indiquez le lieu\u00a0: l’événement propose des places sur place.";
  }

  const registrationOpensAt = dateTimeOf(values.registrationOpensAt, "registrationOpensAt", errors, context);
  const registrationClosesAt = dateTimeOf(values.registrationClosesAt, "registrationClosesAt", errors, context);
  const cancellationClosesAt = dateTimeOf(values.cancellationClosesAt, "cancellationClosesAt", errors, context);
  const accessListDueAt = dateTimeOf(values.accessListDueAt, "accessListDueAt", errors, context);
  if (registrationOpensAt && registrationClosesAt && registrationClosesAt <= registrationOpensAt) {
    errors.registrationClosesAt = "La clôture des inscriptions doit suivre leur ouverture.";
  }
  if (startsAt && registrationOpensAt && registrationOpensAt >= startsAt && !errors.registrationOpensAt) {
    errors.registrationOpensAt = "Les inscriptions doivent ouvrir avant le début de l’événement.";
  }
  if (endsAt && registrationClosesAt && registrationClosesAt > endsAt && !errors.registrationClosesAt) {
    errors.registrationClosesAt = "Les inscriptions doivent fermer au plus tard à la fin de l’événement.";
  }
  if (endsAt && cancellationClosesAt && cancellationClosesAt > endsAt) {
    errors.cancellationClosesAt = "Les désinscriptions doivent fermer au plus tard à la fin de l’événement.";
  }
  if (startsAt && accessListDueAt && accessListDueAt > startsAt && !errors.accessListDueAt) {
    errors.accessListDueAt = "La liste d’accès doit être remise avant le début de l’événement.";
  }

  const audience = values.audience.trim();
  if (!(eventAudiences as readonly string[]).includes(audience)) errors.audience = "Choisissez qui peut s’inscrire.";
  let audienceProjectId: string | null = null;
  if (audience === "project") {
    audienceProjectId = values.audienceProjectId.trim() || null;
    if (!audienceProjectId || !context.projectIds.has(audienceProjectId)) errors.audienceProjectId = "Choisissez le projet dont l’équipe peut s’inscrire.";
  }
  const seasonId = values.seasonId.trim() || null;
  if (seasonId && !context.seasonIds.has(seasonId)) errors.seasonId = "Choisissez une saison de la liste.";
  const projectIds = [...new Set(values.projectIds.map((id) => id.trim()).filter(Boolean))];
  if (projectIds.some((id) => !context.projectIds.has(id))) errors.projectIds = "Choisissez des projets de la liste.";

  const chosenDefaults = defaultQuestions.filter((question) => values.defaultQuestions.includes(question.key));
  const custom = parseCustomQuestions(values.customQuestions, context.existingQuestions);
  if ("error" in custom) errors.customQuestions = custom.error;

  const trainers = textOf(values.trainers, 300, "trainers", errors);
  const replayUrl = urlOf(values.replayUrl, "replayUrl", errors);
  const slidesUrl = urlOf(values.slidesUrl, "slidesUrl", errors);
  const resources = parseResources(values.resources);
  if ("error" in resources) errors.resources = resources.error;

  if (Object.keys(errors).length > 0 || !startsAt || !endsAt || "error" in agenda || "error" in custom || "error" in resources) return { errors: inFormOrder(errors) };
  return {
    draft: {
      kind: kind as EventKind,
      title,
      description,
      startsAt,
      endsAt,
      agenda: agenda.items,
      placeName: placeName || null,
      placeAddress: placeAddress || null,
      placeAccess: placeAccess || null,
      visioUrl,
      inPersonCapacity,
      remoteCapacity,
      registrationOpensAt,
      registrationClosesAt,
      cancellationClosesAt,
      accessListDueAt,
      audience: audience as EventAudience,
      audienceProjectId,
      seasonId,
      projectIds,
      questions: [...chosenDefaults, ...custom.questions],
      trainers: trainers || null,
      replayUrl,
      slidesUrl,
      resources: resources.resources,
    },
  };
}
