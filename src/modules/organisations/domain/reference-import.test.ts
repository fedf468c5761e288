import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import { parseReferenceFile, ReferenceFileError } from "./reference-file.ts";
import { kindOfEntry, planReferenceImport } from "./reference-import-plan.ts";

const fixture = (name: string) => fs.readFileSync(new URL(`../test-fixtures/${name}`, import.meta.url));

function service(id: string, nom: string, children: string[] = [], extra: Record<string, unknown> = {}) {
  return { id, nom, type_organisme: "Administration centrale (ou Ministère)", hierarchie: children.map((child) => ({ type_hierarchie: "Service Fils", service: child })), ...extra };
}

describe("reading a file of the State's organisation referential", () => {
  it("reads the JSON export: ids, names, acronyms, SIREN and only « Service Fils » links", () => {
    const file = parseReferenceFile(fixture("referentiel-etat.json"));
    assert.equal(file.format, "json");
    assert.equal(file.entries.length, 7);
    const ministry = file.entries[0]!;
    assert.equal(ministry.position, "entrée n°\u00a01");
    assert.equal(ministry.acronym, "MEFSIN");
    assert.equal(ministry.siren, "110003019");
    assert.deepEqual(ministry.children, ["2c7d4e8f-1a2b-4c3d-8e9f-0a1b2c3d4e72", "6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c16"]);
  });

  it("reads the CSV export with its BOM, `;`, quoted cells and the hierarchy as a JSON cell, numbering lines", () => {
    const file = parseReferenceFile(fixture("referentiel-etat.csv"));
    assert.equal(file.format, "csv");
    assert.deepEqual(
      file.entries.map((entry) => [entry.position, entry.name, entry.children.length]),
      [
        ["ligne 2", "Ministère de la Culture", 1],
        ["ligne 3", "Secrétariat général", 1],
        ["ligne 4", "Département des études, de la prospective, des statistiques et de la documentation", 0],
        ["ligne 5", "Bibliothèque nationale de France", 0],
      ],
    );
  });

  it("accepts a bare list, and hierarchies given as JSON text as the API's exports do", () => {
    const file = parseReferenceFile(JSON.stringify([{ ...service("a", "Ministère A"), hierarchie: JSON.stringify([{ type_hierarchie: "Service Fils", service: "b" }]) }, service("b", "Direction B")]));
    assert.deepEqual(file.entries[0]!.children, ["b"]);
  });

  for (const [name, content, message] of [
    ["an empty file", "  ", /vide/],
    ["a binary file", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /ni un JSON ni un CSV/],
    ["broken JSON", '{"service": [', /JSON est illisible/],
    ["JSON of another shape", '{"organisations": 3}', /liste d’organisations est attendue/],
    ["a CSV without the referential's columns", "nom,adresse\nInsee,Paris\n", /colonnes «\u00a0id\u00a0» et «\u00a0nom\u00a0»/],
    ["a CSV with an unclosed quote", 'id;nom\n1;"Insee\n', /CSV est illisible/],
    ["a list without organisations", '{"service": []}', /aucune organisation/],
  ] as const) {
    it(`refuses ${name} as a whole`, () => {
      assert.throws(() => parseReferenceFile(content), (error: unknown) => error instanceof ReferenceFileError && (message as RegExp).test(error.message));
    });
  }
});

describe("planning an import", () => {
  it("derives kinds: ministries by name or type on top, bodies and services by type below", () => {
    assert.equal(kindOfEntry({ name: "Ministère de la Culture", type: "Administration centrale (ou Ministère)" }, true), "ministry");
    assert.equal(kindOfEntry({ name: "Premier ministre", type: "Administration centrale (ou Ministère)" }, false), "ministry");
    assert.equal(kindOfEntry({ name: "Autorité de la concurrence", type: "Autorité administrative indépendante" }, false), "body");
    assert.equal(kindOfEntry({ name: "Direction générale des Entreprises", type: "Administration centrale (ou Ministère)" }, true), "service");
    assert.equal(kindOfEntry({ name: "Insee", type: "Établissement public national" }, true), "body");
  });

  it("puts parents first, keeps a shared SIREN on the highest organisation and reports why the others lose it", () => {
    const plan = planReferenceImport(parseReferenceFile(fixture("referentiel-etat.json")).entries);
    assert.equal(plan.rejected.length, 0);
    const names = plan.accepted.map((planned) => planned.entry.name);
    assert.ok(names.indexOf("Direction générale des Entreprises") > names.indexOf("Ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique"));
    assert.ok(names.indexOf("Bureau de la politique de la donnée") > names.indexOf("Sous-direction des réseaux et des usages numériques"));
    const dge = plan.accepted.find((planned) => planned.entry.acronym === "DGE")!;
    assert.equal(dge.siren, null);
    assert.equal(dge.siret, "11000301900020");
    assert.match(dge.remarks.join(" "), /SIREN 110003019 non repris/);
    const adlc = plan.accepted.find((planned) => planned.entry.acronym === "ADLC")!;
    assert.equal(adlc.parentReferenceId, null, "« Autre hiérarchie » ne rattache pas");
  });

  it("rejects unreadable or duplicated entries, two parents, and everything below a rejected entry", () => {
    const plan = planReferenceImport(
      parseReferenceFile(
        JSON.stringify([
          service("m", "Ministère M", ["d", "x"]),
          service("d", "Direction D", ["b"]),
          service("b", "Bureau B"),
          service("m2", "Ministère M2", ["d"]),
          { id: "", nom: "Sans identifiant" },
          service("m", "Ministère M en double"),
          service("x", "Service X", [], { siren: "12345678", siret: "not-a-number" }),
        ]),
      ).entries,
    );
    const reasons = new Map(plan.rejected.map((rejected) => [rejected.entry.position, rejected.reason]));
    assert.match(reasons.get("entrée n°\u00a02") ?? "", /deux organisations parentes/);
    assert.match(reasons.get("entrée n°\u00a03") ?? "", /organisation parente «\u00a0Direction D\u00a0» \(entrée n°\u00a02\) est rejetée/);
    assert.match(reasons.get("entrée n°\u00a05") ?? "", /identifiant \(«\u00a0id\u00a0»\) manque/);
    assert.match(reasons.get("entrée n°\u00a06") ?? "", /déjà utilisé/);
    const x = plan.accepted.find((planned) => planned.entry.id === "x")!;
    assert.equal(x.siren, null);
    assert.equal(x.remarks.length, 2);
  });

  it("refuses a file whose hierarchy loops or names a child it does not contain", () => {
    const loop = parseReferenceFile(JSON.stringify([service("a", "Direction A", ["b"]), service("b", "Bureau B", ["c"]), service("c", "Cellule C", ["a"])])).entries;
    assert.throws(() => planReferenceImport(loop), /boucle\u00a0: «\u00a0Direction A\u00a0» → «\u00a0Cellule C\u00a0» → «\u00a0Bureau B\u00a0» → «\u00a0Direction A\u00a0»/);
    const unknown = parseReferenceFile(JSON.stringify([service("a", "Direction A", ["zzz"])])).entries;
    assert.throws(() => planReferenceImport(unknown), /service fils l’identifiant zzz, absent du fichier/);
  });
});
