/** An organisation as the people module needs it: enough to show a path and a grouped picker. */
export type OrganisationNode = { id: string; name: string; acronym: string | null; kind: string; parentId: string | null; ministryId: string | null };

export type OrganisationGroup = { label: string; options: { value: string; label: string }[] };

const maxDepth = 20;

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
 * One group per ministry (its own entry first, then its bodies and services indented by depth), then
 * the organisations attached to no ministry: a plain <select> with <optgroup>s. `ordered` is the tree
 * order of the organisations module (each parent followed by its children, ministries first).
 */
export function organisationGroups(ordered: (OrganisationNode & { depth: number })[]): OrganisationGroup[] {
  const groups: OrganisationGroup[] = [];
  const others: OrganisationGroup = { label: "Autres organismes", options: [] };
  let current: OrganisationGroup = others;
  for (const node of ordered) {
    if (node.depth === 0) {
      current = node.kind === "ministry" ? { label: node.name, options: [] } : others;
      if (current !== others) groups.push(current);
    }
    current.options.push({ value: node.id, label: `${"\u00a0\u00a0\u00a0".repeat(node.depth)}${optionLabel(node)}` });
  }
  if (others.options.length > 0) groups.push(others);
  return groups;
}
