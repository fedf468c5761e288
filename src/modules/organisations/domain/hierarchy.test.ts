import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ancestorsOf, descendantIds, findCycle, orderAsTree } from "./hierarchy.ts";

const node = (id: string, name: string, kind: string, parentId: string | null = null) => ({ id, name, kind, parentId });

describe("organisation tree", () => {
  const nodes = [
    node("bureau", "Bureau des données", "service", "sd"),
    node("sd", "Sous-direction du numérique", "service", "dge"),
    node("insee", "Insee", "body", "eco"),
    node("dge", "Direction générale des Entreprises", "service", "eco"),
    node("eco", "Ministère de l’Économie", "ministry"),
    node("adlc", "Autorité de la concurrence", "body"),
    node("agri", "Ministère de l’Agriculture", "ministry"),
  ];

  it("orders each parent before its children: ministries first, then bodies, then services, alphabetically", () => {
    const ordered = orderAsTree(nodes).map((entry) => `${"  ".repeat(entry.depth)}${entry.id}`);
    assert.deepEqual(ordered, ["agri", "eco", "  insee", "  dge", "    sd", "      bureau", "adlc"]);
  });

  it("lists descendants and ancestors", () => {
    assert.deepEqual([...descendantIds(nodes, "eco")].sort(), ["bureau", "dge", "insee", "sd"]);
    assert.deepEqual(descendantIds(nodes, "bureau").size, 0);
    assert.deepEqual(ancestorsOf(nodes, "bureau").map((entry) => entry.id), ["sd", "dge", "eco"]);
  });

  it("keeps every node even when a loop slipped in", () => {
    const looped = [node("a", "A", "service", "b"), node("b", "B", "service", "a"), node("c", "C", "body")];
    assert.equal(orderAsTree(looped).length, 3);
  });

  it("finds a loop in a child → parent map", () => {
    assert.equal(findCycle(new Map([["a", "b"], ["b", null]])), null);
    assert.deepEqual(findCycle(new Map([["a", "b"], ["b", "c"], ["c", "a"], ["d", "a"]]))?.sort(), ["a", "b", "c"]);
  });
});
