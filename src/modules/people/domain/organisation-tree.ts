/** An organisation as the people module needs it: enough to show a path and a grouped picker. */
export type OrganisationNode = { id: string; name: string; acronym: string | null; kind: string; parentId: string | null; ministryId: string | null };

export type OrganisationGroup = { label: string; options: { value: string; label: string }[] };

const maxDepth = 20;

function byName(a: OrganisationNode, b: OrganisationNode) {
  return a.name.localeCompare(b.name, "fr");
}

function optionLabel(node: OrganisationNode): string {
  return node.acronym ? `${node.name} (${node.acronym})` : node.name;
}

/** From the top (the ministry, usually) down to the organisation itself; empty when unknown. */
export function organisationPath(nodes: ReadonlyMap<string, OrganisationNode>, id: string | null): OrganisationNode[] {
  const path: OrganisationNode[] = [];
  const seen = new Set<string>();
  let current = id ? nodes.get(id) : undefined;
  while (current && !seen.has(current.id) && path.length < maxDepth) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId ? nodes.get(current.parentId) : undefined;
  }
  return path;
}

/** « Ministère … › Insee › Service »: acronyms where they exist, they are what agents say. */
export function formatOrganisationPath(path: OrganisationNode[]): string {
  return path.map((node) => node.acronym ?? node.name).join(" › ");
}

/**
 * One group per ministry (its own entry first, then its bodies and services indented under their
 * parent), then the organisations attached to no ministry: a plain <select> with <optgroup>s.
 */
export function organisationGroups(nodes: OrganisationNode[]): OrganisationGroup[] {
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<string | null, OrganisationNode[]>();
  for (const node of nodes) {
    const parent = node.parentId && ids.has(node.parentId) ? node.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  for (const list of children.values()) list.sort(byName);

  const placed = new Set<string>();
  function subtree(node: OrganisationNode, depth: number): { value: string; label: string }[] {
    if (placed.has(node.id) || depth > maxDepth) return [];
    placed.add(node.id);
    const indent = "\u00a0\u00a0\u00a0".repeat(depth);
    return [{ value: node.id, label: `${indent}${optionLabel(node)}` }, ...(children.get(node.id) ?? []).flatMap((child) => subtree(child, depth + 1))];
  }

  const groups: OrganisationGroup[] = [];
  const roots = children.get(null) ?? [];
  for (const root of roots.filter((node) => node.kind === "ministry")) {
    groups.push({ label: root.name, options: subtree(root, 0) });
  }
  const others = roots.filter((node) => node.kind !== "ministry").flatMap((node) => subtree(node, 0));
  // Anything left (a cycle in the hierarchy) still gets a place.
  const stray = nodes.filter((node) => !placed.has(node.id)).sort(byName).map((node) => ({ value: node.id, label: optionLabel(node) }));
  if (others.length + stray.length > 0) groups.push({ label: "Autres organismes", options: [...others, ...stray] });
  return groups;
}
