import type { Executor } from "../../db/client.ts";
import { organisationLookup } from "../organisations/api.ts";
import type { OrganisationNode } from "./domain/organisation-tree.ts";

/** Every organisation with its place in the hierarchy, in the organisations module's tree order. */
export async function listOrganisationTree(db: Executor): Promise<(OrganisationNode & { depth: number })[]> {
  return organisationLookup.listHierarchy(db);
}

/** Every organisation keyed by id: enough to build any member's path (ministère › organisme › service). */
export async function loadOrganisations(db: Executor): Promise<Map<string, OrganisationNode>> {
  return new Map((await listOrganisationTree(db)).map((node) => [node.id, node]));
}
