import type { PageContext } from "../../../ui/page-context.ts";
import { type WorkspaceFrame, WorkspaceLayout } from "../views/workspace-layout.tsx";

export function OverviewPage({ context, frame }: { context: PageContext; frame: WorkspaceFrame }) {
  return (
    <WorkspaceLayout context={context} frame={frame} section="overview" title="Espace projet">
      <p>L’espace de travail de l’équipe pour cette saison.</p>
    </WorkspaceLayout>
  );
}
