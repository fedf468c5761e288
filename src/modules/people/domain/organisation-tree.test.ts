import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatOrganisationPath, type OrganisationNode, organisationGroups, organisationPath } from "./organisation-tree.ts";

const node = (id: string, name: string, kind: string, parentId: string | null = null, acronym: string | null = null): OrganisationNode => ({ id, name, acronym, kind, parentId, ministryId: null });
const nodes = [
  node("eco", "Ministère de l’Économie", "ministry"),
  node("insee", "Institut national de la statistique", "body", "eco", "Insee"),
  node("dmcsi", "Direction de la méthodologie", "service", "insee", "DMCSI"),
  node("dgfip", "Direction générale des Finances publiques", "service", "eco", "DGFiP"),
  node("agri", "Ministère de l’Agriculture", "ministry"),
  node("free", "Assemblée nationale", "body"),
];
const byId = new Map(nodes.map((item) => [item.id, item]));

describe("organisations in profiles and in the picker", () => {
  it("shows the path from the ministry down to the service", () => {
    const path = organisationPath(byId, "dmcsi");
    assert.deepEqual(path.map((item) => item.id), ["eco", "insee", "dmcsi"]);
    assert.equal(formatOrganisationPath(path), "Ministère de l’Économie › Insee › DMCSI");
    assert.deepEqual(organisationPath(byId, null), []);
    assert.deepEqual(organisationPath(byId, "unknown"), []);
  });

  it("survives a hierarchy that loops", () => {
    const loop = new Map([
      ["a", node("a", "A", "body", "b")],
      ["b", node("b", "B", "body", "a")],
    ]);
    assert.deepEqual(organisationPath(loop, "a").map((item) => item.id), ["b", "a"]);
  });

  it("groups the picker by ministry, children indented by depth, organisations without ministry last", () => {
    const ordered = [
      { ...nodes[4]!, depth: 0 },
      { ...nodes[0]!, depth: 0 },
      { ...nodes[3]!, depth: 1 },
      { ...nodes[1]!, depth: 1 },
      { ...nodes[2]!, depth: 2 },
      { ...nodes[5]!, depth: 0 },
    ];
    const groups = organisationGroups(ordered);
    assert.deepEqual(groups.map((group) => group.label), ["Ministère de l’Agriculture", "Ministère de l’Économie", "Autres organismes"]);
    assert.deepEqual(groups[1]!.options.map((option) => option.label), [
      "Ministère de l’Économie",
      "\u00a0\u00a0\u00a0Direction générale des Finances publiques (DGFiP)",
      "\u00a0\u00a0\u00a0Institut national de la statistique (Insee)",
      "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Direction de la méthodologie (DMCSI)",
    ]);
    assert.deepEqual(groups[2]!.options.map((option) => option.value), ["free"]);
  });
});
