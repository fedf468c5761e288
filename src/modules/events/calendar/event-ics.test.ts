import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCalendar } from "../../../../tests/support/ical.ts";
import { buildCalendar, type CalendarEvent } from "./event-ics.ts";

const hybrid: CalendarEvent = {
  id: "0b5f3c1e-8a51-4f0e-9d44-2f7e0c1a6b10",
  slug: "atelier-de-mars",
  kind: "atelier",
  title: "Atelier de mars",
  description: "Pitchs des projets.",
  startsAt: new Date("2027-03-09T13:00:00Z"),
  endsAt: new Date("2027-03-09T16:30:00Z"),
  placeName: "BercyLab",
  placeAddress: "139 rue de Bercy, 75012 Paris",
  placeAccess: "Badge à l’accueil",
  visioUrl: "https://webinaire.numerique.gouv.fr/atelier-mars",
  remote: true,
  status: "scheduled",
  version: 3,
  updatedAt: new Date("2027-02-01T10:00:00Z"),
};

const invitation = (event: CalendarEvent) => parseCalendar(buildCalendar([event], { name: event.title, method: "REQUEST", publicUrl: "https://10pourcent.example.gouv.fr" })).entries[0]!;

describe("an invitation to a hybrid event", () => {
  it("places an in-person seat in the building, at the Paris wall time, with the visio link in the description", () => {
    const entry = invitation({ ...hybrid, registration: { status: "confirmed", mode: "in_person" } });
    assert.equal(entry.location, "BercyLab, 139 rue de Bercy, 75012 Paris");
    assert.equal(entry.startTzid, "Europe/Paris");
    assert.equal(entry.startWallTime, "2027-03-09T14:00:00");
    assert.equal(entry.start.toISOString(), "2027-03-09T13:00:00.000Z");
    assert.match(entry.description ?? "", /Visio\u00a0: https:\/\/webinaire\.numerique\.gouv\.fr\/atelier-mars/);
    assert.equal(entry.sequence, 3);
  });

  it("places a remote seat online, with its link, rather than in the building", () => {
    const entry = invitation({ ...hybrid, registration: { status: "confirmed", mode: "remote" } });
    assert.equal(entry.location, "En ligne\u00a0: https://webinaire.numerique.gouv.fr/atelier-mars");
    assert.match(entry.description ?? "", /Votre inscription est confirmée \(à distance\)/);
  });
});
