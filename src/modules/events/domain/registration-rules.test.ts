import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canCancelAt, type EventForRules, freeSeats, modesOffered, registrationWindow, seatFor } from "./registration-rules.ts";

const event: EventForRules = {
  status: "scheduled",
  startsAt: new Date("2027-03-09T13:00:00Z"),
  endsAt: new Date("2027-03-09T17:00:00Z"),
  inPersonCapacity: 50,
  remoteCapacity: null,
  registrationOpensAt: new Date("2027-02-01T08:00:00Z"),
  registrationClosesAt: new Date("2027-03-08T17:00:00Z"),
  cancellationClosesAt: null,
};
const at = (iso: string) => new Date(iso);

describe("the registration window", () => {
  it("opens at its opening instant (included) and closes at its closing instant (excluded)", () => {
    assert.equal(registrationWindow(event, at("2027-02-01T07:59:59Z")), "not_yet");
    assert.equal(registrationWindow(event, at("2027-02-01T08:00:00Z")), "open");
    assert.equal(registrationWindow(event, at("2027-03-08T16:59:59Z")), "open");
    assert.equal(registrationWindow(event, at("2027-03-08T17:00:00Z")), "closed");
  });

  it("closes at the start of the event when no closing is set, and never opens for a cancelled event", () => {
    const open = { ...event, registrationOpensAt: null, registrationClosesAt: null };
    assert.equal(registrationWindow(open, at("2027-03-09T12:59:59Z")), "open");
    assert.equal(registrationWindow(open, at("2027-03-09T13:00:00Z")), "closed");
    assert.equal(registrationWindow({ ...open, status: "cancelled" }, at("2027-02-10T10:00:00Z")), "cancelled");
  });
});

describe("cancelling a registration", () => {
  it("is possible until the cancellation closing, by default the start", () => {
    assert.equal(canCancelAt(event, at("2027-03-09T12:59:59Z")), true);
    assert.equal(canCancelAt(event, at("2027-03-09T13:00:00Z")), false);
    assert.equal(canCancelAt({ ...event, cancellationClosesAt: at("2027-03-07T12:00:00Z") }, at("2027-03-08T10:00:00Z")), false);
  });
});

describe("seats", () => {
  it("offers a mode when its capacity is set: in person, remote or both (hybrid)", () => {
    assert.deepEqual(modesOffered(event), ["in_person"]);
    assert.deepEqual(modesOffered({ inPersonCapacity: 30, remoteCapacity: 200 }), ["in_person", "remote"]);
    assert.deepEqual(modesOffered({ inPersonCapacity: null, remoteCapacity: 0 }), ["remote"]);
  });

  it("confirms while confirmed registrations leave room, then waitlists", () => {
    assert.equal(seatFor(50, 49), "confirmed");
    assert.equal(seatFor(50, 50), "waitlisted");
    assert.equal(seatFor(0, 0), "waitlisted");
    assert.equal(freeSeats(50, 47), 3);
    assert.equal(freeSeats(50, 52), 0, "a deliberate over-booking leaves no free seat");
    assert.equal(freeSeats(null, 0), 0);
  });
});
