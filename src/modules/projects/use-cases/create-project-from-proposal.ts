import type { Executor } from "../../../db/client.ts";
import { projects, projectSeasons } from "../../../db/schema/index.ts";
import { firstFreeSlug, projectSlugOf } from "../domain/project-slug.ts";
import { listSlugsLike, type Project, type SoughtSkill } from "../repository.ts";

export type ProjectFromProposalInput = {
  proposalId: string;
  title: string;
  /** One or two sentences shown under the title (defaults to the start of the problem). */
  pitch?: string | null;
  problem: string;
  codeRepository?: string | null;
  tchapRoom?: string | null;
  skillsSought?: SoughtSkill[];
  sponsorOrganisationId?: string | null;
  participatingOrganisationIds?: string[];
  /** The page of the public site that describes it, if any (`/projets/…`). */
  contentPath?: string | null;
  seasonId: string;
  decidedBy: string | null;
  reason?: string | null;
  decidedAt?: Date;
};

/** The first sentence of a text, at most 280 characters: a pitch when none was written. */
function firstSentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  const end = trimmed.search(/[.!?](\s|$)/);
  const sentence = end === -1 ? trimmed : trimmed.slice(0, end + 1);
  return sentence.length > 280 ? `${sentence.slice(0, 279).trimEnd()}…` : sentence;
}

/**
 * Creates a project from a selected proposal, in the caller's transaction: its slug from the title (made
 * unique: `titre`, `titre-2`…) and its `selected` row in the season. Throws if this proposal already
 * became a project (unique index), which rolls the caller's transaction back.
 */
export async function createProjectFromProposal(tx: Executor, input: ProjectFromProposalInput): Promise<Project> {
  const base = projectSlugOf(input.title);
  const slug = firstFreeSlug(base, await listSlugsLike(tx, base));
  const [project] = await tx
    .insert(projects)
    .values({
      slug,
      title: input.title.trim(),
      pitch: input.pitch?.trim() || firstSentence(input.problem),
      problem: input.problem,
      repositoryUrl: input.codeRepository || null,
      tchapRoom: input.tchapRoom || null,
      skillsSought: input.skillsSought ?? [],
      sponsorOrganisationId: input.sponsorOrganisationId ?? null,
      participatingOrganisationIds: input.participatingOrganisationIds ?? [],
      proposalId: input.proposalId,
      contentPath: input.contentPath ?? null,
    })
    .returning();
  await tx.insert(projectSeasons).values({
    projectId: project!.id,
    seasonId: input.seasonId,
    entry: "selected",
    decisionReason: input.reason ?? null,
    decidedBy: input.decidedBy,
    ...(input.decidedAt ? { decidedAt: input.decidedAt } : {}),
  });
  return project!;
}
