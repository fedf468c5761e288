import { type OrganisationKind, organisationKindValues } from "./organisation-kinds.ts";

/** What the tree needs of an organisation. */
export type HierarchyNode = { id: string; name: string; kind: string; parentId: string | null };

const frenchOrder = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

function kindRank(kind: string): number {
  const rank = organisationKindValues.indexOf(kind as OrganisationKind);
  return rank === -1 ? organisationKindValues.length : rank;
}

/** Siblings: ministries, then bodies, then services, each in French alphabetical order. */
export function compareSiblings(a: HierarchyNode, b: HierarchyNode): number {
  return kindRank(a.kind) - kindRank(b.kind) || frenchOrder.compare(a.name, b.name);
}

/**
 * The organisations in tree order (each parent followed by its children, depth first) with their
 * depth. An organisation whose parent is unknown is a root; a cycle, which the rules forbid, cannot
 * lose anyone: whatever was not reached is appended as roots.
 */
export function orderAsTree<T extends HierarchyNode>(nodes: readonly T[]): (T & { depth: number })[] {
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<string | null, T[]>();
  for (const node of nodes) {
    const parent = node.parentId && ids.has(node.parentId) && node.parentId !== node.id ? node.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(node);
    children.set(parent, siblings);
  }
  for (const siblings of children.values()) siblings.sort(compareSiblings);
  const ordered: (T & { depth: number })[] = [];
  const visited = new Set<string>();
  const visit = (node: T, depth: number) => {
    if (visited.has(node.id)) return;
    visited.add(node.id);
    ordered.push({ ...node, depth });
    for (const child of children.get(node.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  for (const node of [...nodes].sort(compareSiblings)) visit(node, 0);
  return ordered;
}

/** Every organisation below `id` (children, their children…), not `id` itself. */
export function descendantIds(nodes: readonly HierarchyNode[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
  }
  const found = new Set<string>();
  const pending = [...(children.get(id) ?? [])];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (found.has(next) || next === id) continue;
    found.add(next);
    pending.push(...(children.get(next) ?? []));
  }
  return found;
}

/** The chain of parents of `id`, nearest first (stops at a cycle). */
export function ancestorsOf<T extends HierarchyNode>(nodes: readonly T[], id: string): T[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const chain: T[] = [];
  const seen = new Set([id]);
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    chain.push(parent);
    seen.add(parentId);
    parentId = parent.parentId;
  }
  return chain;
}

/** A parent→child loop in a map of child → parent, as the list of ids around it, or null. */
export function findCycle(parentOf: ReadonlyMap<string, string | null>): string[] | null {
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null | undefined = start;
    while (current && !done.has(current)) {
      if (onPath.has(current)) return path.slice(path.indexOf(current));
      onPath.add(current);
      path.push(current);
      current = parentOf.get(current) ?? null;
    }
    for (const id of path) done.add(id);
  }
  return null;
}
