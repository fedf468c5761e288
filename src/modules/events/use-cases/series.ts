import { and, eq, inArray } from "drizzle-orm";
import { eventRegistrations, events, eventSeries } from "../../../db/schema/index.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { listSeriesFrom } from "../agenda-repository.ts";
import type { EventDraft } from "../domain/event-input.ts";
import { carryRelativeTime, followingOccurrence, type Occurrence, parisWallTime, type SeriesRule, seriesOccurrences } from "../domain/recurrence.ts";
import { findRegistrant } from "../registration-repository.ts";
import { type EventRecord, lockEvent } from "../repository.ts";
import { eventCancelledMail } from "../views/admin-mails.ts";
import { applyDraft, freeSlug, insertEvent, lockCurrent, occurrenceName, type SaveEventDeps, slugBase } from "./save-event.ts";

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

/**
 * Edits an occurrence, or it and the following ones of its series (« modifier cette séance et les
 * suivantes »): each following occurrence moves by as many days as the edited one and takes its new
 * wall times and every other field; cancelled occurrences stay as they are. Capacities are checked for
 * each occurrence (the message names it); all or nothing.
 */
export async function updateOccurrences(deps: SaveEventDeps, input: { id: string; expectedVersion: number; draft: EventDraft; scope: OccurrenceScope; now: Date }): Promise<{ updated: EventRecord[]; promoted: number }> {
  return deps.db.transaction(async (tx) => {
    const edited = await lockCurrent(tx, input.id, input.expectedVersion);
    const first = await applyDraft(deps, tx, edited, input.draft, input.now);
    const updated = [first.event];
    let promoted = first.promoted.length;
    if (input.scope !== "following" || !edited.seriesId) return { updated, promoted };
    const following = (await listSeriesFrom(tx, edited.seriesId, edited.startsAt)).filter((event) => event.id !== edited.id && event.status !== "cancelled");
    for (const candidate of following) {
      const event = await lockEvent(tx, candidate.id);
      if (!event) continue;
      const times = followingOccurrence({ before: edited, after: input.draft }, event);
      const result = await applyDraft(deps, tx, event, draftAt(input.draft, times), input.now, occurrenceName(event));
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
