import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { eventProjects, eventRegistrations, events } from "../../../db/schema/index.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { slugify } from "../../../shared/slug.ts";
import { listSlugsLike } from "../agenda-repository.ts";
import type { EventsDeps } from "../deps.ts";
import type { EventDraft } from "../domain/event-input.ts";
import { type AttendanceMode, attendanceModes } from "../domain/event-kinds.ts";
import { capacityOf } from "../domain/registration-rules.ts";
import { findRegistrant } from "../registration-repository.ts";
import { type EventRecord, lockEvent, type RegistrationRecord } from "../repository.ts";
import { eventChangedMail } from "../views/admin-mails.ts";
import { confirmationMail } from "../views/mails.ts";
import { formatEventPeriod } from "../../../shared/french-date.ts";
import { promoteWaiting } from "./seats.ts";

export type SaveEventDeps = Pick<EventsDeps, "db" | "mailer" | "publicUrl">;

/** Where a stale form is told to reload: the edited event changed since the form was shown. */
export function staleVersionError(version: number): InvalidInputError {
  return new InvalidInputError(
    { _form: `Cet événement a été modifié par quelqu’un d’autre entre-temps (version ${version}). Rechargez la page pour repartir de la dernière version\u00a0; votre saisie est conservée ci-dessous.` },
    "stale_version",
  );
}

/** The address identifier of a new event: its title, with its day for an occurrence of a series (`atelier-10-2027-03-16`). */
export function slugBase(title: string, day?: string): string {
  const base = slugify(title, 70) || "evenement";
  return day ? `${base}-${day}` : base;
}

/** `base`, or `base-2`, `base-3`… whichever is free (read in the transaction). */
export async function freeSlug(tx: Executor, base: string): Promise<string> {
  const taken = await listSlugsLike(tx, base);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

function columnsOf(draft: EventDraft) {
  const { projectIds: _projectIds, ...columns } = draft;
  return columns;
}

/** Stores a new event and its projects in `tx`. */
export async function insertEvent(tx: Executor, draft: EventDraft, extra: { slug: string; seriesId?: string | null; sourceKey?: string | null; createdBy: string | null; now: Date }): Promise<EventRecord> {
  const [event] = await tx
    .insert(events)
    .values({ ...columnsOf(draft), slug: extra.slug, seriesId: extra.seriesId ?? null, sourceKey: extra.sourceKey ?? null, createdBy: extra.createdBy, createdAt: extra.now, updatedAt: extra.now })
    .returning();
  if (draft.projectIds.length > 0) await tx.insert(eventProjects).values(draft.projectIds.map((projectId) => ({ eventId: event!.id, projectId })));
  return event!;
}

/** Creates one event (the form « Nouvel événement »), all or nothing. */
export async function createEvent(deps: SaveEventDeps, input: { draft: EventDraft; actorId: string | null; now: Date }): Promise<EventRecord> {
  return deps.db.transaction(async (tx) => insertEvent(tx, input.draft, { slug: await freeSlug(tx, slugBase(input.draft.title)), createdBy: input.actorId, now: input.now }));
}

const modeWords: Record<AttendanceMode, { field: "inPersonCapacity" | "remoteCapacity"; words: string }> = {
  in_person: { field: "inPersonCapacity", words: "sur place" },
  remote: { field: "remoteCapacity", words: "à distance" },
};

function countWords(count: number): string {
  return count > 1 ? `${count}\u00a0personnes ont` : `${count}\u00a0personne a`;
}

/**
 * The capacity rules of an edit: a capacity may not go below the seats already confirmed, and a mode
 * with people registered (confirmed or waiting) may not be removed. `which` names the occurrence in a series.
 */
export async function checkCapacities(tx: Executor, event: EventRecord, draft: EventDraft, which: string | null): Promise<Record<string, string>> {
  const rows = await tx
    .select({ mode: eventRegistrations.mode, status: eventRegistrations.status })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, ["confirmed", "waitlisted", "pending"])));
  const errors: Record<string, string> = {};
  for (const mode of attendanceModes) {
    const confirmed = rows.filter((row) => row.mode === mode && row.status === "confirmed").length;
    const live = rows.filter((row) => row.mode === mode).length;
    const capacity = capacityOf(draft, mode);
    const { field, words } = modeWords[mode];
    const prefix = which ? `${which}\u00a0: ` : "";
    if (capacity === null && live > 0) {
      errors[field] = `${prefix}${countWords(live)} une inscription ${words}\u00a0: ce mode ne peut pas être retiré. Déplacez ou désinscrivez d’abord ces personnes depuis la liste des inscriptions.`;
    } else if (capacity !== null && capacity < confirmed) {
      errors[field] = `${prefix}${countWords(confirmed)} déjà une place confirmée ${words}\u00a0: la capacité ne peut pas descendre en dessous de ${confirmed}. Désinscrivez d’abord des personnes depuis la liste des inscriptions.`;
    }
  }
  return errors;
}

function scheduleOrPlaceChanged(before: EventRecord, after: EventRecord): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.placeName !== after.placeName ||
    before.placeAddress !== after.placeAddress ||
    before.placeAccess !== after.placeAccess ||
    before.visioUrl !== after.visioUrl
  );
}

/** « La séance du mardi 30 mars 2027 », to name an occurrence in an error about the rest of a series. */
export function occurrenceName(event: EventRecord): string {
  return `La séance du ${formatEventPeriod(event.startsAt, event.endsAt).replace(/,.*$/, "")}`;
}

/**
 * Applies `draft` to `event`, locked by the caller, in `tx`: capacities checked (InvalidInputError at the
 * field), the row updated (version + 1), its projects replaced, the waitlist promoted into seats a raised
 * capacity frees, and the mails enqueued in the same transaction: « Une place s’est libérée » to those
 * promoted, the new time or place to the others when it changed.
 */
export async function applyDraft(deps: SaveEventDeps, tx: Executor, event: EventRecord, draft: EventDraft, now: Date, which: string | null = null): Promise<{ event: EventRecord; promoted: RegistrationRecord[] }> {
  const errors = await checkCapacities(tx, event, draft, which);
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors, "capacity_below_seats");
  const [updated] = await tx
    .update(events)
    .set({ ...columnsOf(draft), version: event.version + 1, updatedAt: now })
    .where(eq(events.id, event.id))
    .returning();
  await tx.delete(eventProjects).where(eq(eventProjects.eventId, event.id));
  if (draft.projectIds.length > 0) await tx.insert(eventProjects).values(draft.projectIds.map((projectId) => ({ eventId: event.id, projectId })));
  const promoted: RegistrationRecord[] = [];
  if (updated!.status === "cancelled") return { event: updated!, promoted };
  for (const mode of attendanceModes) promoted.push(...(await promoteWaiting(tx, updated!, mode, now)));
  for (const registration of promoted) {
    const person = await findRegistrant(tx, registration);
    if (person) await deps.mailer.enqueue(tx, await confirmationMail({ event: updated!, registration, person, publicUrl: deps.publicUrl, promoted: true }));
  }
  if (scheduleOrPlaceChanged(event, updated!)) {
    const promotedIds = new Set(promoted.map((registration) => registration.id));
    const others = await tx
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), inArray(eventRegistrations.status, ["confirmed", "waitlisted"])));
    for (const registration of others) {
      if (promotedIds.has(registration.id)) continue;
      const person = await findRegistrant(tx, registration);
      if (person) await deps.mailer.enqueue(tx, eventChangedMail({ event: updated!, person, mode: registration.mode as AttendanceMode, confirmed: registration.status === "confirmed", publicUrl: deps.publicUrl }));
    }
  }
  return { event: updated!, promoted };
}

/** Locks the event and checks that the form was made from its current version. */
export async function lockCurrent(tx: Executor, id: string, expectedVersion: number): Promise<EventRecord> {
  const event = await lockEvent(tx, id);
  if (!event) throw new NotFoundError("Cet événement n’existe pas.");
  if (event.version !== expectedVersion) throw staleVersionError(event.version);
  return event;
}

