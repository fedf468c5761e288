import type { Database } from "../../db/client.ts";
import type { PageCache } from "../../http/page-cache.ts";
import type { Clock } from "../../shared/clock.ts";
import type { CurrentUser } from "../identity/api.ts";
import type { Mailer } from "../mail/api.ts";
import type { TeamSectionModel } from "./views/team-section.tsx";
import type { WorkspacePublicSectionModel } from "./views/workspace-section.tsx";

/** What the projects module needs from the platform, passed by the composition root. */
export type ProjectsDeps = {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  pageCache: PageCache;
  /** The team section of a project page (the teams module builds it; projects does not import teams). */
  teamSection?: (input: { projectId: string; projectSlug: string; viewer: CurrentUser | null; now: Date }) => Promise<TeamSectionModel | null>;
  /** What the project page shows publicly of the workspace (the workspace module builds it): public links, restitution, reuses. */
  workspaceSection?: (input: { projectId: string; projectSlug: string; viewer: CurrentUser | null; now: Date }) => Promise<WorkspacePublicSectionModel | null>;
};
