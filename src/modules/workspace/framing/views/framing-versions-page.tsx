import { formatDateTime } from "../../../../shared/french-date.ts";
import { Badge } from "../../../../ui/badge.tsx";
import { SelectField } from "../../../../ui/fields.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { Table } from "../../../../ui/table.tsx";
import { type WorkspaceFrame, WorkspaceLayout } from "../../views/workspace-layout.tsx";
import type { FramingVersion } from "../framing-repository.ts";
import { reviewStatus } from "./framing-page.tsx";

export type FramingVersionsPageModel = {
  versions: FramingVersion[];
  framingPath: string;
  /** `…/cadrage/comparer` with the season kept, without `de` and `a`. */
  comparePath: (from: number, to: number) => string;
  /** The compare form's action and the season to keep as a hidden field. */
  compareAction: string;
  seasonSlug: string | null;
};

export function FramingVersionsPage({ context, frame, model }: { context: PageContext; frame: WorkspaceFrame; model: FramingVersionsPageModel }) {
  const { versions } = model;
  const options = versions.map((version) => ({ value: String(version.version), label: `Version ${version.version}` }));
  return (
    <WorkspaceLayout context={context} frame={frame} section="framing" title="Versions de la fiche de cadrage">
      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={model.framingPath}>
          Retour à la fiche de cadrage
        </a>
      </p>
      <h2>Versions de la fiche</h2>
      {versions.length === 0 ? (
        <p>Aucune version n’a encore été enregistrée pour cette saison.</p>
      ) : (
        <>
          <Table
            caption="Versions de la fiche de cadrage, de la plus récente à la plus ancienne"
            columns={["Version", "Auteur ou autrice", "Date", "Relecture", "Comparer"]}
            rowHeaders
            rows={versions.map((version) => [
              `Version ${version.version}`,
              version.authorName ?? "Personne ayant quitté la plateforme",
              formatDateTime(version.createdAt),
              <Badge key="review" label={reviewStatus(version)} kind={version.review ? "success" : "info"} small as="span" />,
              version.version > 1 ? (
                <a key="compare" href={model.comparePath(version.version - 1, version.version)}>
                  {`Comparer à la version ${version.version - 1}`}
                </a>
              ) : (
                "Première version"
              ),
            ])}
          />
          {versions.length > 1 ? (
            <form method="get" action={model.compareAction} className="fr-mt-4w">
              <fieldset className="fr-fieldset" aria-labelledby="comparer-legend">
                <legend className="fr-fieldset__legend" id="comparer-legend">
                  Comparer deux versions
                </legend>
                {model.seasonSlug ? <input type="hidden" name="saison" value={model.seasonSlug} /> : null}
                <div className="fr-fieldset__element fr-fieldset__element--inline">
                  <SelectField name="de" label="De la version" options={options} value={options[options.length - 1]!.value} />
                </div>
                <div className="fr-fieldset__element fr-fieldset__element--inline">
                  <SelectField name="a" label="À la version" options={options} value={options[0]!.value} />
                </div>
              </fieldset>
              <button className="fr-btn fr-btn--secondary" type="submit">
                Comparer
              </button>
            </form>
          ) : null}
        </>
      )}
    </WorkspaceLayout>
  );
}
