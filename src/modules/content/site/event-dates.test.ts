import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatEventSchedule, isUpcoming } from "./event-dates.ts";

const nbsp = "\u00a0";

describe("event schedules in French", () => {
  it("gives a same-day event its day and its hours in Paris time", () => {
    const text = formatEventSchedule({ startsAt: new Date("2022-12-05T13:00:00Z"), endsAt: new Date("2022-12-05T17:00:00Z"), allDay: false });
    assert.equal(text, `5 décembre 2022, de 14${nbsp}h à${nbsp}18${nbsp}h`);
  });

  it("keeps the minutes when there are some", () => {
    const text = formatEventSchedule({ startsAt: new Date("2023-06-14T07:30:00Z"), endsAt: null, allDay: false });
    assert.equal(text, `14 juin 2023, à${nbsp}9${nbsp}h${nbsp}30`);
  });

  it("shows only the days of an all-day event", () => {
    assert.equal(formatEventSchedule({ startsAt: new Date("2023-01-24T00:00:00Z"), endsAt: null, allDay: true }), "24 janvier 2023");
    assert.equal(formatEventSchedule({ startsAt: new Date("2023-01-24T08:00:00Z"), endsAt: new Date("2023-01-25T16:00:00Z"), allDay: true }), "du 24 janvier 2023 au 25 janvier 2023");
  });

  it("spells out both ends of an event over several days", () => {
    const text = formatEventSchedule({ startsAt: new Date("2023-01-24T08:00:00Z"), endsAt: new Date("2023-01-25T16:00:00Z"), allDay: false });
    assert.equal(text, `du 24 janvier 2023 à${nbsp}9${nbsp}h au 25 janvier 2023 à${nbsp}17${nbsp}h`);
  });

  it("has nothing to say without a start, and an event is upcoming until it ends", () => {
    assert.equal(formatEventSchedule({ startsAt: null, endsAt: null, allDay: false }), null);
    const schedule = { startsAt: new Date("2023-01-24T08:00:00Z"), endsAt: new Date("2023-01-24T16:00:00Z"), allDay: false };
    assert.equal(isUpcoming(schedule, new Date("2023-01-24T12:00:00Z")), true);
    assert.equal(isUpcoming(schedule, new Date("2023-01-24T17:00:00Z")), false);
  });
});
