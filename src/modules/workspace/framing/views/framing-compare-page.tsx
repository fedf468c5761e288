import { formatDateTime } from "../../../../shared/french-date.ts";
import type { PageContext } from "../../../../ui/page-context.ts";
import { type WorkspaceFrame, WorkspaceLayout } from "../../views/workspace-layout.tsx";
import type { SectionDiff } from "../framing-diff.ts";
import type { FramingVersion } from "../framing-repository.ts";
import { reviewStatus } from "./framing-page.tsx";
import { FramingDiffView } from "./framing-text.tsx";

export type FramingComparePageModel = { from: FramingVersion; to: FramingVersion; sections: SectionDiff[]; versionsPath: string };

function describe(version: FramingVersion): string {
  return `Version ${version.version}, enregistrée le ${formatDateTime(version.createdAt)}${version.authorName ? ` par ${version.authorName}` : ""} (${reviewStatus(version).replace(/^Relue/, "relue").replace(/^Pas/, "pas")})`;
}

export function FramingComparePage({ context, frame, model }: { context: PageContext; frame: WorkspaceFrame; model: FramingComparePageModel }) {
  return (
    <WorkspaceLayout context={context} frame={frame} section="framing" title={`Comparaison des versions ${model.from.version} et ${model.to.version}`}>
      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={model.versionsPath}>
          Retour aux versions
        </a>
      </p>
      <h2>{`Comparaison de la version ${model.from.version} à la version ${model.to.version}`}</h2>
      <ul>
        <li>{`De\u00a0: ${describe(model.from)}`}</li>
        <li>{`À\u00a0: ${describe(model.to)}`}</li>
      </ul>
      <FramingDiffView sections={model.sections} />
    </WorkspaceLayout>
  );
}
