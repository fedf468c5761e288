import { formatDateTime } from "../../../../shared/french-date.ts";
import { Alert } from "../../../../ui/alert.tsx";
import { CsrfField } from "../../../../ui/fields.tsx";
import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { Table } from "../../../../ui/table.tsx";
import type { ContentItem } from "../../domain/content-item.ts";
import type { RevisionSummary } from "../../repository.ts";
import { editorBreadcrumb } from "./editor-breadcrumb.ts";

export type HistoryPageProps = {
  context: PageContext;
  item: ContentItem;
  revisions: RevisionSummary[];
  /** Why the last restore was refused. */
  error: string | null;
  restoredFrom: number | null;
};

/** Who changed an item, when and how, newest first; each older version can be viewed and restored. */
export function HistoryPage({ context, item, revisions, error, restoredFrom }: HistoryPageProps) {
  const title = `Historique de «\u00a0${item.title}\u00a0»`;
  return (
    <Layout context={context} title={title} breadcrumb={[...editorBreadcrumb, { label: item.title, href: `/admin/contenus/${item.id}` }]}>
      <h1>{title}</h1>
      {error ? (
        <Alert kind="error" title="La version n’a pas été restaurée">
          {error}
        </Alert>
      ) : null}
      {restoredFrom !== null ? (
        <Alert kind="success" title={`Version ${restoredFrom} restaurée.`}>
          <p>
            Elle est devenue la version {item.version}. <a href={`/admin/contenus/${item.id}`}>Revenir à la modification</a>
          </p>
        </Alert>
      ) : null}
      <p>
        Chaque enregistrement crée une version. Restaurer une version ancienne crée une nouvelle version avec son contenu&nbsp;: rien n’est perdu.
      </p>
      <Table
        caption={`${revisions.length} version${revisions.length > 1 ? "s" : ""}, la plus récente d’abord`}
        columns={["Version", "Date", "Auteur ou autrice", "Note", "Actions"]}
        rowHeaders
        rows={revisions.map((revision) => [
          revision.version === item.version ? `${revision.version} (actuelle)` : String(revision.version),
          formatDateTime(revision.createdAt),
          revision.authorLabel,
          revision.note,
          <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline-lg" key="actions">
            <li>
              <a className="fr-btn fr-btn--sm fr-btn--secondary" href={`/admin/contenus/${item.id}/versions/${revision.version}`}>
                Voir<span className="fr-sr-only"> la version {revision.version}</span>
              </a>
            </li>
            {revision.version !== item.version ? (
              <li>
                <RestoreForm context={context} itemId={item.id} version={revision.version} />
              </li>
            ) : null}
          </ul>,
        ])}
      />
    </Layout>
  );
}

export function RestoreForm({ context, itemId, version }: { context: PageContext; itemId: string; version: number }) {
  return (
    <form method="post" action={`/admin/contenus/${itemId}/versions/${version}/restaurer`}>
      <CsrfField token={context.csrfToken} />
      <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
        Restaurer<span className="fr-sr-only"> la version {version}</span>
      </button>
    </form>
  );
}
