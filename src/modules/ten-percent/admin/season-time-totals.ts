import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { agreements, users } from "../../../db/schema/index.ts";
import { organisationLookup } from "../../organisations/api.ts";
import { type Agreement, loadAgreements } from "../agreement/agreement-repository.ts";
import { loadAgreementLedgers } from "../managers/agreement-ledgers.ts";
import { parisDayOf } from "../../../shared/french-date.ts";

/** The statuses whose time counts in the season's totals: agreed time (accepted, or accepted then ended early). */
export const countedAgreementStatuses = ["accepted", "ended"] as const;

export const unknownMinistryLabel = "Ministère non renseigné";
export const programmeEventsLabel = "Événements du programme";
export const noProjectLabel = "Sans projet";

export type MinistryTotal = { ministryId: string | null; name: string; halfDays: number; members: number };
export type ProjectTotal = { projectId: string | null; title: string; halfDays: number; members: number };
export type SeasonTimeTotals = { halfDays: number; members: number; byMinistry: MinistryTotal[]; byProject: ProjectTotal[] };

/**
 * The half-days given in a season under an agreement (accepted, or ended early: up to its end), by ministry
 * and by project, in bulk: the season's agreements in one go, one `loadLedgers` for all their members, one
 * read of the organisations' hierarchy. The ministry is the one recorded when the agreement was sent, else
 * the ministry of the member's organisation now; declared work counts under its project (« Sans projet »
 * when none), attendance under « Événements du programme ». Sorted by half-days given, most first. Read by
 * the programme team's page and, later, by the season's report.
 */
export async function seasonTimeTotals(db: Executor, seasonId: string, now: Date = new Date()): Promise<SeasonTimeTotals> {
  const rows = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.seasonId, seasonId), inArray(agreements.status, [...countedAgreementStatuses])));
  const counted = await loadAgreements(db, rows.map((row) => row.id));
  const [ledgers, ministryOf] = await Promise.all([loadAgreementLedgers(db, counted, parisDayOf(now)), ministriesOfAgreements(db, counted)]);
  const byMinistry = new Map<string, MinistryTotal>();
  const byProject = new Map<string, ProjectTotal & { people: Set<string> }>();
  const ministryMembers = new Map<string, Set<string>>();
  let halfDays = 0;
  const members = new Set<string>();
  for (const agreement of counted) {
    const ministry = ministryOf.get(agreement.id) ?? { id: null, name: unknownMinistryLabel };
    const ministryKey = ministry.id ?? "";
    const lines = ledgers.get(agreement.id)?.lines ?? [];
    const given = lines.reduce((sum, line) => sum + line.halfDays, 0);
    const total = byMinistry.get(ministryKey) ?? { ministryId: ministry.id, name: ministry.name, halfDays: 0, members: 0 };
    total.halfDays += given;
    byMinistry.set(ministryKey, total);
    const people = ministryMembers.get(ministryKey) ?? new Set<string>();
    people.add(agreement.userId);
    ministryMembers.set(ministryKey, people);
    members.add(agreement.userId);
    halfDays += given;
    for (const line of lines) {
      const project = line.source === "attendance" ? { key: "events", projectId: null, title: programmeEventsLabel } : line.projectId ? { key: line.projectId, projectId: line.projectId, title: line.projectTitle ?? noProjectLabel } : { key: "none", projectId: null, title: noProjectLabel };
      const entry = byProject.get(project.key) ?? { projectId: project.projectId, title: project.title, halfDays: 0, members: 0, people: new Set<string>() };
      entry.halfDays += line.halfDays;
      entry.people.add(agreement.userId);
      byProject.set(project.key, entry);
    }
  }
  for (const [key, total] of byMinistry) total.members = ministryMembers.get(key)!.size;
  const order = <T extends { halfDays: number }>(list: T[], name: (item: T) => string) => list.sort((a, b) => b.halfDays - a.halfDays || name(a).localeCompare(name(b), "fr"));
  return {
    halfDays,
    members: members.size,
    byMinistry: order([...byMinistry.values()], (item) => item.name),
    byProject: order(
      [...byProject.values()].map(({ people, ...entry }) => ({ ...entry, members: people.size })),
      (item) => item.title,
    ),
  };
}

/** Each agreement's ministry, id and name: the one recorded when sent, else the member's organisation's ministry. */
export async function ministriesOfAgreements(db: Executor, list: Agreement[]): Promise<Map<string, { id: string | null; name: string }>> {
  const result = new Map<string, { id: string | null; name: string }>();
  if (list.length === 0) return result;
  const [hierarchy, people] = await Promise.all([
    organisationLookup.listHierarchy(db),
    db
      .select({ id: users.id, organisationId: users.organisationId })
      .from(users)
      .where(inArray(users.id, [...new Set(list.map((agreement) => agreement.userId))])),
  ]);
  const byId = new Map(hierarchy.map((organisation) => [organisation.id, organisation]));
  const organisationOf = new Map(people.map((person) => [person.id, person.organisationId]));
  for (const agreement of list) {
    const organisationId = organisationOf.get(agreement.userId) ?? null;
    const ministryId = agreement.terms.ministryId ?? (organisationId ? (byId.get(organisationId)?.ministryId ?? null) : null);
    const ministry = ministryId ? byId.get(ministryId) : undefined;
    result.set(agreement.id, ministry ? { id: ministry.id, name: ministry.name } : { id: null, name: unknownMinistryLabel });
  }
  return result;
}
