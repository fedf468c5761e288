import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { accessListColumns, accessListCsv, accessListFileName } from "./access-list-csv.ts";
import type { TeamRegistration } from "./team-repository.ts";

let next = 0;
function registration(overrides: Partial<TeamRegistration>): TeamRegistration {
  next++;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    eventId: "00000000-0000-4000-8000-000000000000",
    userId: null,
    mode: "in_person",
    status: "confirmed",
    queuePosition: next,
    answers: {},
    checkInToken: `jeton-${next}`,
    attendedAt: null,
    createdAt: new Date("2027-02-01T10:00:00Z"),
    confirmedAt: new Date("2027-02-01T10:00:00Z"),
    cancelledAt: null,
    email: `personne${next}@example.gouv.fr`,
    givenName: "Prénom",
    usualName: "Nom",
    organisation: null,
    ministry: null,
    isVisitor: false,
    isErased: false,
    ...overrides,
  };
}

const workshop = { title: "Atelier «\u00a0données ouvertes\u00a0»", slug: "atelier-donnees-ouvertes", startsAt: new Date("2027-03-09T13:00:00Z"), endsAt: new Date("2027-03-09T16:30:00Z") };

describe("the building's access list", () => {
  it("is a CSV for French spreadsheets: BOM, `;`, CRLF, accents intact, and a name starting with = neutralised", () => {
    const csv = accessListCsv(workshop, [
      registration({ usualName: "=HYPERLINK(\"http://evil\")", givenName: "Mallory", organisation: "+33 Société" }),
      registration({ usualName: "Bénali", givenName: "Inès", organisation: "Insee", email: "ines.benali@insee.fr" }),
      registration({ usualName: "@Leroy", givenName: "-Thomas", organisation: "IGN" }),
      registration({ usualName: "Tab", givenName: "\tCR", organisation: "\rDINUM" }),
    ]);
    assert.ok(csv.startsWith("\uFEFF"), "BOM UTF-8 absent");
    assert.ok(csv.includes("\r\n"), "fins de ligne CRLF attendues");
    const [header, ...rows] = parse(csv.slice(1), { delimiter: ";", relax_column_count: false }) as string[][];
    assert.deepEqual(header, [...accessListColumns]);
    assert.deepEqual(
      rows.map((row) => row.slice(0, 3)),
      [
        ["'@Leroy", "'-Thomas", "IGN"],
        ["'=HYPERLINK(\"http://evil\")", "Mallory", "'+33 Société"],
        ["Bénali", "Inès", "Insee"],
        ["Tab", "'\tCR", "'\rDINUM"],
      ],
    );
    const ines = rows.find((row) => row[0] === "Bénali")!;
    assert.deepEqual(ines, ["Bénali", "Inès", "Insee", "ines.benali@insee.fr", "09/03/2027", "14:00", "17:30", "Atelier «\u00a0données ouvertes\u00a0»"]);
  });

  it("lists only the confirmed in-person registrations, by family name", () => {
    const csv = accessListCsv(workshop, [
      registration({ usualName: "Zola" }),
      registration({ usualName: "Durand", status: "waitlisted" }),
      registration({ usualName: "Martin", mode: "remote" }),
      registration({ usualName: "Petit", status: "cancelled" }),
      registration({ usualName: "Visiteuse", status: "pending", isVisitor: true }),
      registration({ usualName: "Ancien membre", givenName: "", isErased: true, email: null }),
      registration({ usualName: "Élise" }),
      registration({ usualName: "Arnaud" }),
    ]);
    const rows = (parse(csv.slice(1), { delimiter: ";" }) as string[][]).slice(1);
    assert.deepEqual(
      rows.map((row) => row[0]),
      ["Arnaud", "Élise", "Zola"],
    );
  });

  it("gives both days of an event over several days", () => {
    const bootcamp = { title: "Bootcamp", startsAt: new Date("2027-03-09T08:00:00Z"), endsAt: new Date("2027-03-10T16:00:00Z") };
    const [, row] = parse(accessListCsv(bootcamp, [registration({})]).slice(1), { delimiter: ";" }) as string[][];
    assert.deepEqual(row!.slice(4, 7), ["du 09/03/2027 au 10/03/2027", "09:00", "17:00"]);
  });

  it("is named after the event", () => {
    assert.equal(accessListFileName(workshop), "liste-acces-atelier-donnees-ouvertes.csv");
  });
});
