import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { eventRegistrations, events, eventSeries } from "../../../db/schema/index.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { listEventProjectIds, listSeriesFrom } from "../agenda-repository.ts";
import type { EventDraft, EventResource } from "../domain/event-input.ts";
import type { AgendaItem, EventAudience, EventKind, EventQuestion } from "../domain/event-kinds.ts";
import { addDays, carryRelativeTime, daysBetween, type Occurrence, parisInstant, parisWallTime, type SeriesRule, seriesOccurrences } from "../domain/recurrence.ts";
import { findRegistrant } from "../registration-repository.ts";
import { type EventRecord, lockEvent } from "../repository.ts";
import { eventCancelledMail } from "../views/admin-mails.ts";
import { applyDraft, checkCapacities, freeSlug, insertEvent, lockCurrent, occurrenceName, type SaveEventDeps, slugBase } from "./save-event.ts";

/** « cette séance » or « cette séance et les suivantes » of a series (an event outside a series is always « one »). */
export type OccurrenceScope = "one" | "following";

/** The draft of another occurrence: its own times, and the registration times carried at the same distance from its start. */
function draftAt(draft: EventDraft, occurrence: Occurrence): EventDraft {
  const carry = (time: Date | null) => carryRelativeTime(time, draft.startsAt, occurrence.startsAt);
  return {
    ...draft,
    startsAt: occurrence.startsAt,
    endsAt: occurrence.endsAt,
    registrationOpensAt: carry(draft.registrationOpensAt),
    registrationClosesAt: carry(draft.registrationClosesAt),
    cancellationClosesAt: carry(draft.cancellationClosesAt),
    accessListDueAt: carry(draft.accessListDueAt),
  };
}

/**
 * Creates a series (« un atelier un mardi sur deux, de mars à juin »): one event per occurrence, each at
 * the first one's Paris wall times on its day, sharing `series_id`; all or nothing.
 */
export async function createSeries(deps: SaveEventDeps, input: { draft: EventDraft; rule: SeriesRule; actorId: string | null; now: Date }): Promise<{ seriesId: string; events: EventRecord[] }> {
  const occurrences = seriesOccurrences({ startsAt: input.draft.startsAt, endsAt: input.draft.endsAt }, input.rule);
  return deps.db.transaction(async (tx) => {
    const [series] = await tx.insert(eventSeries).values({ title: input.draft.title, rule: input.rule, createdBy: input.actorId, createdAt: input.now }).returning();
    const created: EventRecord[] = [];
    for (const occurrence of occurrences) {
      const slug = await freeSlug(tx, slugBase(input.draft.title, parisWallTime(occurrence.startsAt).day));
      created.push(await insertEvent(tx, draftAt(input.draft, occurrence), { slug, seriesId: series!.id, createdBy: input.actorId, now: input.now }));
    }
    return { seriesId: series!.id, events: created };
  });
}

/** An event as stored, as the draft the form would make of it (to compare with the posted draft). */
export function draftOfEvent(event: EventRecord, projectIds: string[]): EventDraft {
  return {
    kind: event.kind as EventKind,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    agenda: event.agenda as AgendaItem[],
    placeName: event.placeName,
    placeAddress: event.placeAddress,
    placeAccess: event.placeAccess,
    visioUrl: event.visioUrl,
    inPersonCapacity: event.inPersonCapacity,
    remoteCapacity: event.remoteCapacity,
    registrationOpensAt: event.registrationOpensAt,
    registrationClosesAt: event.registrationClosesAt,
    cancellationClosesAt: event.cancellationClosesAt,
    accessListDueAt: event.accessListDueAt,
    audience: event.audience as EventAudience,
    audienceProjectId: event.audienceProjectId,
    seasonId: event.seasonId,
    projectIds,
    questions: event.questions as EventQuestion[],
    trainers: event.trainers,
    replayUrl: event.replayUrl,
    slidesUrl: event.slidesUrl,
    resources: event.resources as EventResource[],
  };
}

/** The fields carried to the following occurrences as they are (times and registration times apart). */
const plainFields = [
  "kind",
  "title",
  "description",
  "agenda",
  "placeName",
  "placeAddress",
  "placeAccess",
  "visioUrl",
  "inPersonCapacity",
  "remoteCapacity",
  "audience",
  "audienceProjectId",
  "seasonId",
  "projectIds",
  "questions",
  "trainers",
  "replayUrl",
  "slidesUrl",
  "resources",
] as const satisfies readonly (keyof EventDraft)[];

/** Times tied to an occurrence's start (carried to each following one at the same distance from its start). */
const relativeFields = ["registrationOpensAt", "registrationClosesAt", "cancellationClosesAt", "accessListDueAt"] as const satisfies readonly (keyof EventDraft)[];

export type ChangedField = (typeof plainFields)[number] | (typeof relativeFields)[number];

/**
 * What the form changed on the edited occurrence, compared with its values before the edit: the fields,
 * the days its date moved by, and its new start or end time when they changed. Only these are carried to
 * the following occurrences, so what was edited on one of them alone stays.
 */
export type OccurrenceChanges = {
  fields: ChangedField[];
  dayShift: number;
  /** The new Paris start time (« 09:30 »), when it changed. */
  startTime: string | null;
  /** The new Paris end time and its day after the start day, when either changed. */
  end: { time: string; dayOffset: number } | null;
};

/** Key order ignored (jsonb keeps its own), dates as instants: « the same value » for the form and the row. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    // A browser posts a textarea's line breaks as CRLF: the same text as stored with LF.
    if (typeof item === "string") return item.replace(/\r\n?/g, "\n");
    return item && typeof item === "object" && !Array.isArray(item) ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : item;
  });
}

export function occurrenceChanges(before: EventDraft, after: EventDraft): OccurrenceChanges {
  const sameSet = (a: string[], b: string[]) => canonical([...a].sort()) === canonical([...b].sort());
  const fields: ChangedField[] = [];
  for (const field of plainFields) {
    const same = field === "projectIds" ? sameSet(before.projectIds, after.projectIds) : canonical(before[field]) === canonical(after[field]);
    if (!same) fields.push(field);
  }
  for (const field of relativeFields) if (before[field]?.getTime() !== after[field]?.getTime()) fields.push(field);
  const [startBefore, startAfter, endBefore, endAfter] = [before.startsAt, after.startsAt, before.endsAt, after.endsAt].map(parisWallTime) as [ReturnType<typeof parisWallTime>, ReturnType<typeof parisWallTime>, ReturnType<typeof parisWallTime>, ReturnType<typeof parisWallTime>];
  const offsetAfter = daysBetween(startAfter.day, endAfter.day);
  const endChanged = endBefore.time !== endAfter.time || daysBetween(startBefore.day, endBefore.day) !== offsetAfter;
  return {
    fields,
    dayShift: daysBetween(startBefore.day, startAfter.day),
    startTime: startBefore.time !== startAfter.time ? startAfter.time : null,
    end: endChanged ? { time: endAfter.time, dayOffset: offsetAfter } : null,
  };
}

export function hasChanges(changes: OccurrenceChanges): boolean {
  return changes.fields.length > 0 || changes.dayShift !== 0 || changes.startTime !== null || changes.end !== null;
}

/**
 * A following occurrence's new times: moved by the edited one's shift in days, with the new start or end
 * time where the form changed it, its own otherwise (an end that would no longer follow the start takes the
 * edited occurrence's end too).
 */
function followingTimes(own: Occurrence, changes: OccurrenceChanges, draft: EventDraft): Occurrence {
  if (changes.dayShift === 0 && changes.startTime === null && changes.end === null) return own;
  const start = parisWallTime(own.startsAt);
  const end = parisWallTime(own.endsAt);
  const day = addDays(start.day, changes.dayShift);
  const startsAt = parisInstant(day, changes.startTime ?? start.time);
  const endsAt = changes.end ? parisInstant(addDays(day, changes.end.dayOffset), changes.end.time) : parisInstant(addDays(day, daysBetween(start.day, end.day)), end.time);
  if (endsAt > startsAt) return { startsAt, endsAt };
  const draftEnd = parisWallTime(draft.endsAt);
  return { startsAt, endsAt: parisInstant(addDays(day, daysBetween(parisWallTime(draft.startsAt).day, draftEnd.day)), draftEnd.time) };
}

/** A following occurrence's draft: its own values, with only what the form changed on the edited one. */
function followingDraft(own: EventDraft, draft: EventDraft, changes: OccurrenceChanges): EventDraft {
  const times = followingTimes(own, changes, draft);
  const next: EventDraft = { ...own, ...times };
  const changed = new Set<ChangedField>(changes.fields);
  for (const field of plainFields) if (changed.has(field)) Object.assign(next, { [field]: draft[field] });
  for (const field of relativeFields) {
    next[field] = changed.has(field) ? carryRelativeTime(draft[field], draft.startsAt, times.startsAt) : carryRelativeTime(own[field], own.startsAt, times.startsAt);
  }
  return next;
}

/** The edited occurrence's draft before the edit, and the following ones (not cancelled) of its series. */
async function followingOf(tx: Executor, edited: EventRecord): Promise<EventRecord[]> {
  if (!edited.seriesId) return [];
  return (await listSeriesFrom(tx, edited.seriesId, edited.startsAt)).filter((event) => event.id !== edited.id && event.status !== "cancelled");
}

export type FollowingPreview = { changes: OccurrenceChanges; occurrences: EventRecord[] };

/**
 * What « cette séance et les suivantes » would change, for the confirmation: the changes of the form on
 * the edited occurrence, and the occurrences concerned (the edited one first). Stores nothing; the
 * capacity rules are checked first on each occurrence (InvalidInputError at the field, naming it), so that
 * the confirmation never announces a save that would be refused.
 */
export async function previewFollowing(db: Executor, edited: EventRecord, draft: EventDraft): Promise<FollowingPreview> {
  const changes = occurrenceChanges(draftOfEvent(edited, await listEventProjectIds(db, edited.id)), draft);
  const following = await followingOf(db, edited);
  const errors = await checkCapacities(db, edited, draft, null);
  for (const event of following) {
    if (Object.keys(errors).length > 0) break;
    const own = draftOfEvent(event, await listEventProjectIds(db, event.id));
    Object.assign(errors, await checkCapacities(db, event, followingDraft(own, draft, changes), occurrenceName(event)));
  }
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors, "capacity_below_seats");
  return { changes, occurrences: [edited, ...following] };
}

/**
 * Edits an occurrence, or it and the following ones of its series (« modifier cette séance et les
 * suivantes »): the edited occurrence takes the whole form; each following one (not cancelled) takes only
 * what the form changed on the edited one (compared with its values before the edit): a title, a place,
 * the shift in days, a new start or end time… and keeps what was edited on it alone. Capacities are
 * checked for each occurrence (the message names it); all or nothing.
 */
export async function updateOccurrences(deps: SaveEventDeps, input: { id: string; expectedVersion: number; draft: EventDraft; scope: OccurrenceScope; now: Date }): Promise<{ updated: EventRecord[]; promoted: number }> {
  return deps.db.transaction(async (tx) => {
    const edited = await lockCurrent(tx, input.id, input.expectedVersion);
    const changes = occurrenceChanges(draftOfEvent(edited, await listEventProjectIds(tx, edited.id)), input.draft);
    const first = await applyDraft(deps, tx, edited, input.draft, input.now);
    const updated = [first.event];
    let promoted = first.promoted.length;
    if (input.scope !== "following" || !hasChanges(changes)) return { updated, promoted };
    for (const candidate of await followingOf(tx, edited)) {
      const event = await lockEvent(tx, candidate.id);
      if (!event) continue;
      const own = draftOfEvent(event, await listEventProjectIds(tx, event.id));
      const result = await applyDraft(deps, tx, event, followingDraft(own, input.draft, changes), input.now, occurrenceName(event));
      updated.push(result.event);
      promoted += result.promoted.length;
    }
    return { updated, promoted };
  });
}

/** The reason typed by the team, checked: it goes into the mail to every registered person. */
export function checkCancellationReason(reason: string): string {
  const text = reason.trim();
  if (!text) throw new InvalidInputError({ reason: "Indiquez le motif de l’annulation\u00a0: il est envoyé aux personnes inscrites." });
  if (text.length > 1000) throw new InvalidInputError({ reason: "Le motif ne peut pas dépasser 1000 caractères." });
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw new InvalidInputError({ reason: "Ce champ contient des caractères non autorisés." });
  return text;
}

/**
 * Cancels an event, or an occurrence and the following ones of its series: the rows stay (status
 * `cancelled` with the reason, version + 1) with their registrations, and every person registered
 * (confirmed or waiting) is mailed the cancellation in the same transaction (a CANCEL calendar object
 * for those who held an invitation). Occurrences already cancelled are left alone.
 */
export async function cancelOccurrences(deps: SaveEventDeps, input: { id: string; expectedVersion: number; reason: string; scope: OccurrenceScope; now: Date }): Promise<{ cancelled: EventRecord[] }> {
  const reason = checkCancellationReason(input.reason);
  return deps.db.transaction(async (tx) => {
    const chosen = await lockCurrent(tx, input.id, input.expectedVersion);
    const targets = input.scope === "following" && chosen.seriesId ? await listSeriesFrom(tx, chosen.seriesId, chosen.startsAt) : [chosen];
    const cancelled: EventRecord[] = [];
    for (const target of targets) {
      const event = target.id === chosen.id ? chosen : await lockEvent(tx, target.id);
      if (!event || event.status === "cancelled") continue;
      const [row] = await tx
        .update(events)
        .set({ status: "cancelled", cancellationReason: reason, version: event.version + 1, updatedAt: input.now })
        .where(eq(events.id, event.id))
        .returning();
      cancelled.push(row!);
      const registrations = await tx
        .select()
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, ["confirmed", "waitlisted"])));
      for (const registration of registrations) {
        const person = await findRegistrant(tx, registration);
        if (person) await deps.mailer.enqueue(tx, eventCancelledMail({ event: row!, person, reason, hadInvitation: registration.status === "confirmed", publicUrl: deps.publicUrl }));
      }
    }
    return { cancelled };
  });
}
