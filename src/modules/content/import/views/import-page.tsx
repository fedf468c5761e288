import { Alert } from "../../../../ui/alert.tsx";
import { Button } from "../../../../ui/button.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, UploadField } from "../../../../ui/fields.tsx";
import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { Table } from "../../../../ui/table.tsx";
import { formatAgendaOutcome, formatImportCounts, kindLabel, listPlaceholders, listReplacedForms, outcomeLabels } from "../format-report.ts";
import type { ImportOutcome, ImportReport } from "../import-content.ts";

const breadcrumb = [
  { label: "Accueil", href: "/" },
  { label: "Administration", href: "/admin" },
  { label: "Contenus du site", href: "/admin/contenus" },
];

const outcomeOrder: ImportOutcome[] = ["rejected", "created", "updated", "ignored", "unchanged"];

export type ImportPageProps = { context: PageContext; errors: FieldErrors; report: ImportReport | null };

/** Upload of a zip of Hugo/Jekyll content, then the report of what the import did. */
export function ImportPage({ context, errors, report }: ImportPageProps) {
  const rows = report ? [...report.entries].sort((a, b) => outcomeOrder.indexOf(a.outcome) - outcomeOrder.indexOf(b.outcome)) : [];
  const placeholders = report ? listPlaceholders(report) : [];
  const forms = report ? listReplacedForms(report) : [];
  return (
    <Layout context={context} title={report ? "Rapport d’import des contenus" : "Importer des contenus"} breadcrumb={breadcrumb}>
      <h1>Importer des contenus</h1>
      <p className="fr-text--lead">
        Déposez une archive zip d’un site Hugo ou Jekyll (dossier <code>content/</code> ou sections <code>actualites/</code>, <code>projets/</code>…) ou de fichiers Markdown et HTML
        avec leur en-tête. Un contenu déjà importé n’est modifié que si son fichier a changé, et les anciennes adresses redirigent vers les nouvelles.
      </p>
      {report ? (
        <>
          <Alert kind={report.counts.rejected > 0 ? "warning" : "success"} title={report.counts.rejected > 0 ? "Import terminé, avec des fichiers rejetés" : "Import terminé"}>
            <p>{formatImportCounts(report.counts)}.</p>
          </Alert>
          {placeholders.length > 0 ? (
            <Table
              caption="Pages de remplacement importées en brouillon, non publiées"
              columns={["Adresse", "Titre", "Fichiers", "Raison"]}
              rows={placeholders.map((page) => [<code key="path">{page.path}</code>, page.title, page.files.join(", "), page.reason])}
            />
          ) : null}
          {forms.length > 0 ? (
            <Table
              caption="Liens vers des formulaires ou services d’inscription que la plateforme remplace"
              columns={["Page", "Lien", "Service", "Remplacé par"]}
              rows={forms.map((form, index) => [
                <span key={`page-${index}`}>
                  <code>{form.path}</code> {form.title}
                </span>,
                <code key={`url-${index}`}>{form.url}</code>,
                form.service,
                form.replacementHref ? (
                  <a key={`replacement-${index}`} href={form.replacementHref}>
                    {form.replacement}
                  </a>
                ) : (
                  form.replacement
                ),
              ])}
            />
          ) : null}
          <Table
            caption="Rapport d’import : un élément par ligne"
            columns={["Résultat", "Type", "Adresse", "Fichiers", "Remarques"]}
            rows={rows.map((entry) => [
              <strong key="outcome">{outcomeLabels[entry.outcome].one}</strong>,
              kindLabel(entry.kind),
              entry.path ? <code key="path">{entry.path}</code> : "—",
              entry.files.join(", "),
              [entry.reason, ...(entry.warnings ?? []), entry.placeholder ? `Page de remplacement, importée en brouillon\u00a0: ${entry.placeholder}.` : null, entry.agenda ? `Agenda\u00a0: ${formatAgendaOutcome(entry.agenda)}.` : null].filter(Boolean).join(" ") || "—",
            ])}
          />
        </>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/contenus/import" encType="multipart/form-data" className="fr-mt-4w">
        <CsrfField token={context.csrfToken} />
        <UploadField name="archive" label="Archive zip à importer" hint="Format zip, 50 Mo au plus." accept=".zip,application/zip" error={errors.archive} />
        <Button type="submit" icon="upload-line">
          Importer
        </Button>
      </form>
    </Layout>
  );
}
