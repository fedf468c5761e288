import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { seasons } from "../../db/schema/index.ts";
import type { WorkspacePublicSectionModel } from "../projects/api.ts";
import { findPublicFraming } from "./framing/framing-repository.ts";
import { workspaceFilePath } from "./links/routes.tsx";
import { type LinkKind, linkKindLabels, listPublicLinks } from "./links/links-repository.ts";
import { hasContent, listRestitutionsOfProject } from "./restitution/restitution-repository.ts";
import { restitutionView } from "./restitution/routes.tsx";
import { sinceLabel } from "./reuses/reuse-labels.ts";
import { listReuses } from "./reuses/reuses-repository.ts";
import { parisDayOf } from "../../shared/french-date.ts";
import type { CurrentUser } from "../identity/api.ts";
import { findProjectInSeason } from "../teams/api.ts";
import { findWorkspaceAccess } from "./access.ts";

/**
 * The public part of a project's workspace for its project page (passed to the projects module as
 * `workspaceSection` by the composition root): the framing's public summary and deliverable, the public
 * links and files (never the private ones), the restitutions, and the administrations that reuse it with
 * the way to declare one. The log and the « météo » are never public. The same for every visitor (the
 * anonymous page is cached; writes clear the cache).
 */
export function createWorkspacePublicSection(deps: { db: Executor }) {
  const { db } = deps;
  /** The workspace of the project's latest season, for a viewer who may read it (the anonymous page, the one cached, never has it). */
  async function workspaceHref(projectSlug: string, viewer: CurrentUser | null, now: Date): Promise<string | null> {
    if (!viewer) return null;
    const { project, season } = await findProjectInSeason(db, projectSlug).catch(() => ({ project: null, season: null }));
    if (!project || !season) return null;
    const access = await findWorkspaceAccess(db, viewer, { projectId: project.id, seasonId: season.id, seasonEndsOn: season.endsOn }, parisDayOf(now));
    return access ? `/projets/${project.slug}/espace` : null;
  }

  return async function workspaceSection(input: { projectId: string; projectSlug: string; viewer: CurrentUser | null; now: Date }): Promise<WorkspacePublicSectionModel> {
    const [links, restitutions, reuses, framing] = [await listPublicLinks(db, input.projectId), await listRestitutionsOfProject(db, input.projectId), await listReuses(db, input.projectId), await findPublicFraming(db, input.projectId)];
    const [framingSeason] = framing ? await db.select({ name: seasons.name }).from(seasons).where(eq(seasons.id, framing.seasonId)) : [];
    return {
      framing: framing && (framing.summary || framing.deliverable) ? { seasonName: framingSeason?.name ?? "", summary: framing.summary ?? "", deliverable: framing.deliverable } : null,
      // The same address kept in several seasons is shown once (the newest).
      links: links.filter((link, index) => !link.url || links.findIndex((other) => other.url === link.url) === index).map((link) => ({
        label: link.label,
        // A public file is served to anyone at its project's address, whatever the season.
        href: link.mediaPath ? workspaceFilePath(input.projectSlug, link.id) : (link.url ?? ""),
        kindLabel: linkKindLabels[link.kind as LinkKind] ?? linkKindLabels.other,
        isFile: Boolean(link.mediaPath),
      })),
      restitutions: restitutions.filter(hasContent).map((restitution) => ({ seasonName: restitution.seasonName, ...restitutionView(restitution, input.projectSlug, restitution.seasonSlug) })),
      reuses: reuses.map((reuse) => ({ organisationName: reuse.organisationName, purpose: reuse.purpose, since: sinceLabel(reuse.since) })),
      reusesPath: `/projets/${input.projectSlug}/reutilisations`,
      workspaceHref: await workspaceHref(input.projectSlug, input.viewer, input.now),
    };
  };
}
