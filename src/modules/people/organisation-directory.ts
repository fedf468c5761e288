import type { Executor } from "../../db/client.ts";
import { organisationLookup } from "../organisations/api.ts";
import type { OrganisationNode } from "./domain/organisation-tree.ts";

/** Every organisation with its place in the hierarchy, from the organisations module, keyed by id. */
export async function loadOrganisations(db: Executor): Promise<Map<string, OrganisationNode>> {
  const options = await organisationLookup.listOptions(db);
  const nodes: OrganisationNode[] = options.map((option) => ({ id: option.value, name: option.label, acronym: null, kind: "body", parentId: null, ministryId: null }));
  return new Map(nodes.map((node) => [node.id, node]));
}
