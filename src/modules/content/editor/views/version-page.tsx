import { formatDate, formatDateTime } from "../../../../shared/french-date.ts";
import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { type ContentFields, type ContentItem, contentPath } from "../../domain/content-item.ts";
import type { RevisionSummary } from "../../repository.ts";
import { valuesOfFields } from "../content-form.ts";
import { editorBreadcrumb } from "./editor-breadcrumb.ts";
import { kindLabel, statusLabel } from "./editor-labels.ts";
import { RestoreForm } from "./history-page.tsx";

const detailLabels: Record<string, string> = {
  githubUrl: "Dépôt GitHub",
  tchapUrl: "Salon Tchap",
  administrations: "Administrations participantes",
  season: "Saison",
  responsible: "Responsable du projet",
  startsAt: "Début",
  endsAt: "Fin",
  allDay: "Toute la journée",
  location: "Lieu",
  registrationUrl: "Lien d’inscription",
  organiser: "Organisateur",
  trainers: "Formateurs et formatrices",
  replayUrl: "Lien du replay",
  slidesUrl: "Lien des supports",
};

export type VersionPageProps = { context: PageContext; item: ContentItem; revision: RevisionSummary & { fields: ContentFields }; now: Date };

/** One version of an item, read-only, as it was saved. */
export function VersionPage({ context, item, revision, now }: VersionPageProps) {
  const fields = revision.fields;
  const values = valuesOfFields(fields, item.kind);
  const title = `Version ${revision.version} de «\u00a0${fields.title}\u00a0»`;
  const rows: [string, string][] = [
    ["Type", kindLabel(item.kind)],
    ["Titre", fields.title],
    ["Adresse", contentPath(item.kind, fields.slug)],
    ["Statut", statusLabel(fields, now).label],
    ["Publier à partir du", fields.publishAt ? formatDateTime(fields.publishAt) : "—"],
    ["Date affichée", fields.date ? formatDate(fields.date) : "—"],
    ["Étiquettes", fields.tags.join(", ") || "—"],
    ["Résumé", fields.summary ?? "—"],
    ["Image de couverture", fields.coverImage ? `${fields.coverImage} (texte alternatif\u00a0: ${fields.coverImageAlt ?? "aucun"})` : "—"],
    ...Object.keys(detailLabels)
      .filter((key) => values[key])
      .map((key): [string, string] => [detailLabels[key]!, key === "allDay" ? "Oui" : key === "startsAt" || key === "endsAt" ? formatDateTime(new Date(String(fields.details[key]))) : values[key]!]),
  ];
  return (
    <Layout
      context={context}
      title={title}
      breadcrumb={[...editorBreadcrumb, { label: item.title, href: `/admin/contenus/${item.id}` }, { label: "Historique", href: `/admin/contenus/${item.id}/historique` }]}
    >
      <h1>{title}</h1>
      <p>
        Enregistrée le {formatDateTime(revision.createdAt)} par {revision.authorLabel} ({revision.note}).
        {revision.version === item.version ? " C’est la version actuelle." : ""}
      </p>
      {revision.version !== item.version ? <RestoreForm context={context} itemId={item.id} version={revision.version} /> : null}
      <dl className="fr-mt-4w">
        {rows.map(([label, value]) => (
          <div key={label} className="fr-mb-2w">
            <dt className="fr-text--bold">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="fr-mb-2w">
          <dt className="fr-text--bold">Texte ({fields.bodyFormat === "html" ? "HTML" : "Markdown"})</dt>
          <dd>
            <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>{fields.body || "—"}</pre>
          </dd>
        </div>
      </dl>
    </Layout>
  );
}
