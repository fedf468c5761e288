import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, UploadField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import type { ImportOutcome, ImportReport } from "../use-cases/import-reference-file.ts";
import { formatImportCounts, importSummary, outcomeLabels } from "../use-cases/import-report-text.ts";
import { organisationsBreadcrumb } from "./breadcrumb.ts";

const outcomeOrder: ImportOutcome[] = ["rejected", "created", "updated", "unchanged"];

export type ImportPageProps = { context: PageContext; errors: FieldErrors; report: ImportReport | null; maxMegabytes: number };

/** Upload of a file of the State's organisation referential, then the report of the import. */
export function ImportPage({ context, errors, report, maxMegabytes }: ImportPageProps) {
  // Unchanged entries without remarks are only counted: a whole referential holds thousands of them.
  const rows = report ? report.entries.filter((entry) => entry.outcome !== "unchanged" || entry.remarks.length > 0).sort((a, b) => outcomeOrder.indexOf(a.outcome) - outcomeOrder.indexOf(b.outcome)) : [];
  const quiet = report ? report.entries.length - rows.length : 0;
  const title = report ? "Rapport d’import des organisations" : "Importer le référentiel de l’État";
  return (
    <Layout context={context} title={title} hasErrors={!report && Object.keys(errors).length > 0} breadcrumb={organisationsBreadcrumb}>
      <h1>Importer le référentiel de l’État</h1>
      <p className="fr-text--lead">
        Déposez un fichier du{" "}
        <a href="https://www.data.gouv.fr/fr/datasets/referentiel-de-lorganisation-administrative-de-letat/" target="_blank" rel="noopener" title="Référentiel de l’organisation administrative de l’État — nouvelle fenêtre">
          Référentiel de l’organisation administrative de l’État
        </a>{" "}
        (DILA, API Annuaire de l’administration, Licence Ouverte)&nbsp;: son export JSON ou CSV.
      </p>
      <ul>
        <li>Chaque organisation est retrouvée par son identifiant du référentiel&nbsp;: importer le même fichier deux fois ne change rien.</li>
        <li>La hiérarchie («&nbsp;Service Fils&nbsp;») donne les rattachements, et le ministère de chaque organisation en est déduit.</li>
        <li>Ce que le fichier laisse vide (sigle, SIREN, SIRET, rattachement d’une organisation de premier niveau) garde ce que l’équipe a saisi, ainsi que le type d’une organisation existante.</li>
        <li>Un fichier illisible, une boucle dans la hiérarchie ou un service fils absent du fichier&nbsp;: rien n’est importé.</li>
      </ul>
      {report ? (
        <>
          <Alert kind={report.counts.rejected > 0 ? "warning" : "success"} title={report.counts.rejected > 0 ? "Import terminé, avec des entrées rejetées" : "Import terminé"}>
            <p>
              {formatImportCounts(report.counts)}. {importSummary(report)}
            </p>
          </Alert>
          {quiet > 0 ? <p>{quiet === 1 ? "Une organisation inchangée et sans remarque n’est pas listée." : `${quiet} organisations inchangées et sans remarque ne sont pas listées.`}</p> : null}
          {rows.length > 0 ? (
          <Table
            caption="Rapport d’import : une organisation par ligne"
            columns={["Position dans le fichier", "Résultat", "Organisation", "Identifiant du référentiel", "Remarques"]}
            rows={rows.map((entry) => [
              entry.position,
              <strong key="outcome">{outcomeLabels[entry.outcome].one}</strong>,
              entry.name || "—",
              entry.referenceId ? <code key="id">{entry.referenceId}</code> : "—",
              [entry.reason, ...entry.remarks].filter(Boolean).join(" ") || "—",
            ])}
          />
          ) : null}
        </>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/organisations/import" encType="multipart/form-data" className="fr-mt-4w">
        <CsrfField token={context.csrfToken} />
        <UploadField
          name="fichier"
          label="Fichier du référentiel"
          hint={`Format JSON ({"service": […]} ou une liste) ou CSV séparé par des points-virgules, encodé en UTF-8, ${maxMegabytes}\u00a0Mo au plus.`}
          accept=".json,.csv,application/json,text/csv"
          error={errors.fichier}
        />
        <Button type="submit" icon="upload-line">
          Importer
        </Button>
      </form>
    </Layout>
  );
}
