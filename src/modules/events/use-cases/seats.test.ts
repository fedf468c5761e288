import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "../../../../tests/support/test-platform.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { eventRegistrations, events, users } from "../../../db/schema/index.ts";
import { lockEvent } from "../repository.ts";
import { newCheckInToken, promoteWaiting } from "./seats.ts";

let testDatabase: { database: DatabaseHandle; close(): Promise<void> };
const db = () => testDatabase.database.db;

/** An event of one in-person seat, its seat free (the holder cancelled), one person waiting. */
async function eventWithOneWaiting(slug: string, window: { startsAt: Date; endsAt: Date }, status = "scheduled") {
  const [event] = await db().insert(events).values({ slug, kind: "atelier", title: slug, ...window, inPersonCapacity: 1, status }).returning();
  const [waiting] = await db().insert(users).values({ email: `${slug}@insee.fr`, givenName: "Zoé", usualName: "Attente" }).returning();
  await db().insert(eventRegistrations).values({ eventId: event!.id, userId: waiting!.id, mode: "in_person", status: "waitlisted", checkInToken: newCheckInToken() });
  return event!;
}

async function promoteAt(eventId: string, now: Date) {
  return db().transaction(async (tx) => promoteWaiting(tx, (await lockEvent(tx, eventId))!, "in_person", now));
}

describe("promoting the waitlist", () => {
  before(async () => {
    testDatabase = await openTestDatabase();
    await testDatabase.database.migrate();
  });
  after(async () => testDatabase.close());

  const window = { startsAt: new Date("2027-03-09T13:00:00Z"), endsAt: new Date("2027-03-09T16:00:00Z") };

  it("gives a free seat to the first person waiting while the event is to come", async () => {
    const event = await eventWithOneWaiting("atelier-a-venir", window);
    const promoted = await promoteAt(event.id, new Date("2027-03-08T10:00:00Z"));
    assert.deepEqual(promoted.map((row) => row.status), ["confirmed"]);
  });

  it("promotes nobody once the event is over, or when it is cancelled: a seat would mean nothing then", async () => {
    const over = await eventWithOneWaiting("atelier-passe", window);
    assert.deepEqual(await promoteAt(over.id, new Date("2027-03-09T16:00:00Z")), []);
    const cancelled = await eventWithOneWaiting("atelier-annule", window, "cancelled");
    assert.deepEqual(await promoteAt(cancelled.id, new Date("2027-03-08T10:00:00Z")), []);
    const statuses = await db().select({ status: eventRegistrations.status }).from(eventRegistrations).where(eq(eventRegistrations.eventId, over.id));
    assert.deepEqual(statuses, [{ status: "waitlisted" }]);
  });
});
