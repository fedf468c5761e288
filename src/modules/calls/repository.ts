import { and, asc, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { calls, organisations, projects, proposalReviews, proposals, proposalSupports, proposalTransitions, seasons, skills, userRoles, users } from "../../db/schema/index.ts";
import type { ProposalState } from "./domain/proposal-states.ts";

export type Call = { id: string; seasonId: string; seasonName: string; seasonSlug: string; title: string; opensAt: Date; closesAt: Date };
export type SkillSought = { skillId: string; level: number; required: boolean };
export type Proposal = typeof proposals.$inferSelect & { skillsSought: SkillSought[] };
export type ProposalWithAuthor = Proposal & { authorName: string; authorEmail: string; authorOrganisationId: string | null; authorOrganisationName: string | null };

const callColumns = {
  id: calls.id,
  seasonId: calls.seasonId,
  seasonName: seasons.name,
  seasonSlug: seasons.slug,
  title: calls.title,
  opensAt: calls.opensAt,
  closesAt: calls.closesAt,
};

export async function listSeasonOptions(db: Executor) {
  return db.select({ value: seasons.id, label: seasons.name }).from(seasons).orderBy(desc(seasons.startsOn));
}

export async function findSeasonCall(db: Executor, seasonId: string): Promise<Call | null> {
  const [row] = await db.select(callColumns).from(calls).innerJoin(seasons, eq(seasons.id, calls.seasonId)).where(eq(calls.seasonId, seasonId));
  return row ?? null;
}

export async function findCall(db: Executor, id: string): Promise<Call | null> {
  const [row] = await db.select(callColumns).from(calls).innerJoin(seasons, eq(seasons.id, calls.seasonId)).where(eq(calls.id, id));
  return row ?? null;
}

/** The call members work on: the first one not yet closed, else the last one that closed. */
export async function findCurrentCall(db: Executor, now: Date): Promise<Call | null> {
  const [coming] = await db.select(callColumns).from(calls).innerJoin(seasons, eq(seasons.id, calls.seasonId)).where(gt(calls.closesAt, now)).orderBy(asc(calls.opensAt)).limit(1);
  if (coming) return coming;
  const [last] = await db.select(callColumns).from(calls).innerJoin(seasons, eq(seasons.id, calls.seasonId)).orderBy(desc(calls.closesAt)).limit(1);
  return last ?? null;
}

export async function insertCall(db: Executor, values: { seasonId: string; title: string; opensAt: Date; closesAt: Date }): Promise<string> {
  const [row] = await db.insert(calls).values(values).onConflictDoNothing().returning({ id: calls.id });
  return row?.id ?? "";
}

/** The person's name; « Ancien membre » once the account is erased (as identity's displayName). */
const authorName = sql<string>`case when ${users.erasedAt} is not null then 'Ancien membre' else coalesce(nullif(trim(coalesce(${users.givenName}, '') || ' ' || coalesce(${users.usualName}, '')), ''), ${users.email}) end`;

export async function findProposal(db: Executor, id: string): Promise<ProposalWithAuthor | null> {
  const [row] = await db
    .select({ proposal: proposals, authorName, authorEmail: users.email, authorOrganisationId: users.organisationId, authorOrganisationName: organisations.name })
    .from(proposals)
    .innerJoin(users, eq(users.id, proposals.authorId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(proposals.id, id));
  if (!row) return null;
  return { ...(row.proposal as Proposal), authorName: row.authorName, authorEmail: row.authorEmail, authorOrganisationId: row.authorOrganisationId, authorOrganisationName: row.authorOrganisationName };
}

export type ProposalListItem = {
  id: string;
  title: string;
  state: ProposalState;
  authorName: string;
  organisationName: string | null;
  submittedAt: Date | null;
  supports: number;
  supportingOrganisations: number;
};

const supportCount = sql<number>`(select count(*)::int from ${proposalSupports} s where s.proposal_id = ${proposals.id})`;
const supportingOrganisationCount = sql<number>`(select count(distinct s.organisation_id)::int from ${proposalSupports} s where s.proposal_id = ${proposals.id})`;

export async function listProposals(db: Executor, filter: { callId?: string; authorId?: string; states?: ProposalState[] }): Promise<ProposalListItem[]> {
  const conditions = [
    filter.callId ? eq(proposals.callId, filter.callId) : undefined,
    filter.authorId ? eq(proposals.authorId, filter.authorId) : undefined,
    filter.states ? inArray(proposals.state, filter.states) : undefined,
  ].filter((condition) => condition !== undefined);
  const rows = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      state: proposals.state,
      authorName,
      organisationName: organisations.name,
      submittedAt: proposals.submittedAt,
      supports: supportCount,
      supportingOrganisations: supportingOrganisationCount,
    })
    .from(proposals)
    .innerJoin(users, eq(users.id, proposals.authorId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(...conditions))
    .orderBy(desc(proposals.submittedAt), desc(proposals.updatedAt));
  return rows.map((row) => ({ ...row, state: row.state as ProposalState }));
}

export type ProposalFields = Omit<typeof proposals.$inferInsert, "id" | "callId" | "authorId" | "state" | "version" | "createdAt" | "updatedAt" | "submittedAt" | "decidedAt" | "informationRequest" | "decisionReason">;

export async function insertProposal(db: Executor, values: ProposalFields & { callId: string; authorId: string; createdAt: Date }): Promise<string> {
  const [row] = await db
    .insert(proposals)
    .values({ ...values, updatedAt: values.createdAt })
    .returning({ id: proposals.id });
  return row!.id;
}

/** Updates the proposal only if nobody changed it since `version` was read; false otherwise. */
export async function updateProposal(db: Executor, id: string, version: number, values: Partial<typeof proposals.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(proposals)
    .set({ ...values, version: sql`${proposals.version} + 1` })
    .where(and(eq(proposals.id, id), eq(proposals.version, version)))
    .returning({ id: proposals.id });
  return rows.length === 1;
}

export async function insertTransition(db: Executor, values: { proposalId: string; fromState: ProposalState; toState: ProposalState; actorId: string; message: string | null; conflictDeclared?: boolean; createdAt: Date }) {
  await db.insert(proposalTransitions).values(values);
}

export async function listTransitions(db: Executor, proposalId: string) {
  return db
    .select({ fromState: proposalTransitions.fromState, toState: proposalTransitions.toState, message: proposalTransitions.message, conflictDeclared: proposalTransitions.conflictDeclared, createdAt: proposalTransitions.createdAt, actorName: authorName })
    .from(proposalTransitions)
    .leftJoin(users, eq(users.id, proposalTransitions.actorId))
    .where(eq(proposalTransitions.proposalId, proposalId))
    .orderBy(asc(proposalTransitions.createdAt));
}

export async function listSupports(db: Executor, proposalId: string) {
  return db
    .select({ userId: proposalSupports.userId, email: users.email, name: authorName, organisationId: proposalSupports.organisationId, organisationName: organisations.name, statement: proposalSupports.statement, createdAt: proposalSupports.createdAt })
    .from(proposalSupports)
    .innerJoin(users, eq(users.id, proposalSupports.userId))
    .leftJoin(organisations, eq(organisations.id, proposalSupports.organisationId))
    .where(eq(proposalSupports.proposalId, proposalId))
    .orderBy(asc(proposalSupports.createdAt));
}

/** One support per person: a second one (a double click) inserts nothing and returns false. */
export async function insertSupport(db: Executor, values: { proposalId: string; userId: string; organisationId: string | null; statement: string; createdAt: Date }): Promise<boolean> {
  const rows = await db.insert(proposalSupports).values(values).onConflictDoNothing().returning({ id: proposalSupports.id });
  return rows.length === 1;
}

/** The proposal's state, its row locked until the transaction ends (a decision waits for it); null if none. */
export async function lockProposalState(tx: Executor, id: string): Promise<ProposalState | null> {
  const [row] = await tx.select({ state: proposals.state }).from(proposals).where(eq(proposals.id, id)).for("update");
  return (row?.state as ProposalState | undefined) ?? null;
}

/** Removes the person's « Nous aussi » on a proposal; false when there was none (a double click). */
export async function deleteSupport(db: Executor, proposalId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(proposalSupports)
    .where(and(eq(proposalSupports.proposalId, proposalId), eq(proposalSupports.userId, userId)))
    .returning({ id: proposalSupports.id });
  return rows.length === 1;
}

export async function upsertReview(db: Executor, values: { proposalId: string; reviewerId: string; commonInterest: number; immediateNeed: number; openness: number; comment: string; privateNote: string | null; at: Date }) {
  const { at, ...review } = values;
  await db
    .insert(proposalReviews)
    .values({ ...review, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: [proposalReviews.proposalId, proposalReviews.reviewerId],
      set: { commonInterest: review.commonInterest, immediateNeed: review.immediateNeed, openness: review.openness, comment: review.comment, privateNote: review.privateNote, updatedAt: at },
    });
}

export async function listReviews(db: Executor, proposalId: string) {
  return db
    .select({
      reviewerId: proposalReviews.reviewerId,
      reviewerName: authorName,
      commonInterest: proposalReviews.commonInterest,
      immediateNeed: proposalReviews.immediateNeed,
      openness: proposalReviews.openness,
      comment: proposalReviews.comment,
      privateNote: proposalReviews.privateNote,
      updatedAt: proposalReviews.updatedAt,
    })
    .from(proposalReviews)
    .innerJoin(users, eq(users.id, proposalReviews.reviewerId))
    .where(eq(proposalReviews.proposalId, proposalId))
    .orderBy(asc(proposalReviews.createdAt));
}

export type DashboardRow = ProposalListItem & { reviews: number; commonInterest: number | null; immediateNeed: number | null; openness: number | null };

export async function listDashboard(db: Executor, callId: string): Promise<DashboardRow[]> {
  const rows = await listProposals(db, { callId, states: ["submitted", "under_review", "information_requested", "selected", "declined"] });
  if (rows.length === 0) return [];
  const averages = await db
    .select({
      proposalId: proposalReviews.proposalId,
      reviews: sql<number>`count(*)::int`,
      commonInterest: sql<string>`avg(${proposalReviews.commonInterest})`,
      immediateNeed: sql<string>`avg(${proposalReviews.immediateNeed})`,
      openness: sql<string>`avg(${proposalReviews.openness})`,
    })
    .from(proposalReviews)
    .where(inArray(proposalReviews.proposalId, rows.map((row) => row.id)))
    .groupBy(proposalReviews.proposalId);
  const byProposal = new Map(averages.map((average) => [average.proposalId, average]));
  return rows.map((row) => {
    const average = byProposal.get(row.id);
    return {
      ...row,
      reviews: average?.reviews ?? 0,
      commonInterest: average ? Number(average.commonInterest) : null,
      immediateNeed: average ? Number(average.immediateNeed) : null,
      openness: average ? Number(average.openness) : null,
    };
  });
}

/** Up to 5 proposals (of any call, drafts excepted) whose title or problem is close to these (pg_trgm). */
export async function findSimilarProposals(db: Executor, input: { excludeId: string | null; title: string; problem: string }, threshold = 0.3) {
  const score = sql<number>`greatest(similarity(${proposals.title}, ${input.title}), similarity(${proposals.problem}, ${input.problem}))`;
  return db
    .select({ id: proposals.id, title: proposals.title, state: proposals.state, score })
    .from(proposals)
    .where(and(ne(proposals.state, "draft"), input.excludeId ? ne(proposals.id, input.excludeId) : undefined, sql`${score} >= ${threshold}`))
    .orderBy(desc(score))
    .limit(5);
}

/** The accounts (not erased) holding the AMD role, with the organisation it is scoped to. */
export async function listAmdAccounts(db: Executor) {
  return db
    .select({ id: users.id, email: users.email, organisationId: users.organisationId, scopeId: userRoles.organisationId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, "ministry_data_admin"), isNull(users.erasedAt)));
}

/** The accounts (not erased) that may review: the programme team and the AMDs (with the organisation each AMD role is scoped to). */
export async function listReviewerAccounts(db: Executor) {
  return db
    .select({ id: users.id, name: authorName, organisationId: users.organisationId, role: userRoles.role, scopeId: userRoles.organisationId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(inArray(userRoles.role, ["programme_team", "ministry_data_admin"]), isNull(users.erasedAt)))
    .orderBy(asc(users.usualName), asc(users.givenName));
}

export async function findAccount(db: Executor, id: string) {
  const [row] = await db.select({ id: users.id, email: users.email, organisationId: users.organisationId, erasedAt: users.erasedAt }).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function listSkillOptions(db: Executor) {
  const rows = await db.select({ value: skills.id, label: skills.name }).from(skills).where(eq(skills.status, "accepted"));
  const collator = new Intl.Collator("fr");
  return rows.sort((a, b) => collator.compare(a.label, b.label));
}

export async function skillNames(db: Executor): Promise<Map<string, string>> {
  return new Map((await db.select({ id: skills.id, name: skills.name }).from(skills)).map((row) => [row.id, row.name]));
}

/** The project a proposal already became (selected, then « à revoir », then selected again), if any. */
export async function findProjectOfProposal(db: Executor, proposalId: string): Promise<{ id: string; slug: string } | null> {
  const [row] = await db.select({ id: projects.id, slug: projects.slug }).from(projects).where(eq(projects.proposalId, proposalId));
  return row ?? null;
}
