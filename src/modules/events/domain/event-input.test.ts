import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { agendaText, calendarDayOf, customQuestionsText, inFormOrder, parseAgenda, parseCustomQuestions, parseResources, parseTimeOfDay } from "./event-input.ts";

describe("the event form's free-text fields", () => {
  it("reads times as people type them", () => {
    assert.deepEqual(["14:00", "14h", "14 h 30", "9h05", "9", " 17:30 "].map(parseTimeOfDay), ["14:00", "14:00", "14:30", "09:05", "09:00", "17:30"]);
    assert.deepEqual(["25h", "14:60", "midi", "", "14h3"].map(parseTimeOfDay), [null, null, null, null, null]);
  });

  it("reads agenda lines « 14 h – 15 h : pitchs » and shows them back the same way", () => {
    const parsed = parseAgenda("9h30 : Accueil café\n\n14 h – 15 h : pitchs des projets\n15h00-17h30 Ateliers\n17h30 : Stand-up");
    assert.ok("items" in parsed);
    assert.deepEqual(parsed.items, [
      { startsAt: "09:30", title: "Accueil café" },
      { startsAt: "14:00", endsAt: "15:00", title: "pitchs des projets" },
      { startsAt: "15:00", endsAt: "17:30", title: "Ateliers" },
      { startsAt: "17:30", title: "Stand-up" },
    ]);
    assert.equal(agendaText(parsed.items), "9 h 30 : Accueil café\n14 h – 15 h : pitchs des projets\n15 h – 17 h 30 : Ateliers\n17 h 30 : Stand-up");
    assert.deepEqual(parseAgenda(agendaText(parsed.items)), parsed);
    assert.match((parseAgenda("14 h : ok\nPitchs") as { error: string }).error, /^Ligne 2/);
    assert.match((parseAgenda("15 h – 14 h : à l’envers") as { error: string }).error, /l’heure de fin doit suivre l’heure de début/);
  });

  it("reads custom questions, keeping the key of a question already asked so that its answers stay attached", () => {
    const first = parseCustomQuestions("* Quel atelier choisissez-vous ? => Python | R\nUne remarque ?");
    assert.ok("questions" in first);
    assert.deepEqual(first.questions, [
      { key: "q-quel-atelier-choisissez-vous", label: "Quel atelier choisissez-vous ?", kind: "choice", required: true, options: ["Python", "R"] },
      { key: "q-une-remarque", label: "Une remarque ?", kind: "text", required: false },
    ]);
    const existing = [{ key: "q-ancienne-cle", label: "Une remarque ?", kind: "text" as const, required: false }];
    const again = parseCustomQuestions(customQuestionsText(first.questions), existing);
    assert.ok("questions" in again);
    assert.equal(again.questions[1]!.key, "q-ancienne-cle");
    assert.match((parseCustomQuestions("Un choix ? => seul") as { error: string }).error, /au moins deux réponses/);
  });

  it("reads resources « libellé | adresse », naming a bare address by its site", () => {
    assert.deepEqual(parseResources("Dépôt | https://github.com/x/y\nhttps://www.example.org/cours"), {
      resources: [
        { label: "Dépôt", url: "https://github.com/x/y" },
        { label: "example.org", url: "https://www.example.org/cours" },
      ],
    });
    assert.match((parseResources("javascript:alert(1)") as { error: string }).error, /^Ligne 1/);
  });

  it("reads a day from a date picker (2027-03-09) or typed as the picker shows it (09/03/2027, 9/3/2027)", () => {
    assert.deepEqual(["2027-03-09", "09/03/2027", " 9/3/2027 ", ""].map(calendarDayOf), ["2027-03-09", "2027-03-09", "2027-03-09", ""]);
    assert.equal(calendarDayOf("demain"), "demain");
  });

  it("lists errors in the order of the form's fields (the place before the visio link), whatever order they were found in", () => {
    const errors = inFormOrder({ visioUrl: "visio", resources: "ressources", placeName: "lieu", scope: "séances", title: "titre", _form: "version", until: "fin de série" });
    assert.deepEqual(Object.keys(errors), ["_form", "title", "until", "placeName", "visioUrl", "resources", "scope"]);
  });
});
