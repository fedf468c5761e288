import { formatDateTime } from "../../../../shared/french-date.ts";
import { Badge } from "../../../../ui/badge.tsx";
import { ButtonLink, ButtonsGroup } from "../../../../ui/button.tsx";
import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { Pagination } from "../../../../ui/pagination.tsx";
import { Table } from "../../../../ui/table.tsx";
import { type ContentKind, contentKinds, isPubliclyVisible } from "../../domain/content-item.ts";
import { type EditorListRow, editorPageSize, type ListStatus } from "../editor-queries.ts";
import { kindLabel, newItemLabels, statusLabel } from "./editor-labels.ts";
import { editorBreadcrumb } from "./editor-breadcrumb.ts";

const statusOptions: { value: ListStatus; label: string }[] = [
  { value: "published", label: "Publié" },
  { value: "scheduled", label: "Programmé" },
  { value: "draft", label: "Brouillon" },
];

export type ContentListPageProps = {
  context: PageContext;
  rows: EditorListRow[];
  total: number;
  page: number;
  filter: { kind: ContentKind | null; status: ListStatus | null };
  now: Date;
};

function listHref(filter: ContentListPageProps["filter"], page: number): string {
  const query = new URLSearchParams();
  if (filter.kind) query.set("type", filter.kind);
  if (filter.status) query.set("statut", filter.status);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/admin/contenus?${text}` : "/admin/contenus";
}

/** The programme team's list of the site's content, filtered by kind and status. */
export function ContentListPage({ context, rows, total, page, filter, now }: ContentListPageProps) {
  const pageCount = Math.max(1, Math.ceil(total / editorPageSize));
  const filtered = Boolean(filter.kind || filter.status);
  return (
    <Layout context={context} title="Contenus du site" breadcrumb={editorBreadcrumb.slice(0, 2)}>
      <h1>Contenus du site</h1>
      <p className="fr-text--lead">Écrivez, programmez et publiez les actualités, pages, projets, événements et formations du site public.</p>
      <ButtonsGroup inline="md" iconPosition="left">
        {contentKinds.map((kind) => (
          <ButtonLink key={kind} href={`/admin/contenus/nouveau?type=${kind}`} variant={kind === "news" ? "primary" : "secondary"} icon="add-line">
            {newItemLabels[kind]}
          </ButtonLink>
        ))}
      </ButtonsGroup>

      <form method="get" action="/admin/contenus" className="fr-mt-4w fr-mb-2w" aria-labelledby="filtres-titre">
        <h2 className="fr-h6" id="filtres-titre">
          Filtrer la liste
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="filtre-type">
                Type de contenu
              </label>
              <select className="fr-select" id="filtre-type" name="type" defaultValue={filter.kind ?? ""}>
                <option value="">Tous les types</option>
                {contentKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {kindLabel(kind)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="filtre-statut">
                Statut
              </label>
              <select className="fr-select" id="filtre-statut" name="statut" defaultValue={filter.status ?? ""}>
                <option value="">Tous les statuts</option>
                {statusOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <ul className="fr-btns-group fr-btns-group--inline-sm fr-mb-3v">
              <li>
                <button type="submit" className="fr-btn fr-btn--secondary">
                  Filtrer
                </button>
              </li>
              {filtered ? (
                <li>
                  <a className="fr-btn fr-btn--tertiary-no-outline" href="/admin/contenus">
                    Tout afficher
                  </a>
                </li>
              ) : null}
            </ul>
          </div>
        </div>
      </form>

      <p role="status">{total === 0 ? "Aucun contenu ne correspond." : total === 1 ? "1 contenu." : `${total} contenus.`}</p>
      {rows.length > 0 ? (
        <Table
          caption={filtered ? "Contenus du site correspondant aux filtres" : "Contenus du site, les plus récemment modifiés d’abord"}
          columns={["Titre", "Type", "Statut", "Dernière modification", "Actions"]}
          rowHeaders
          rows={rows.map((row) => {
            const status = statusLabel(row, now);
            return [
              <a href={`/admin/contenus/${row.id}`} key="title">
                {row.title}
              </a>,
              kindLabel(row.kind),
              <Badge key="status" label={status.label} kind={status.kind} small noIcon />,
              `${formatDateTime(row.updatedAt)} (version ${row.version})`,
              <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline-lg" key="actions">
                <li>
                  <a className="fr-btn fr-btn--sm fr-btn--secondary" href={`/admin/contenus/${row.id}/historique`}>
                    Historique<span className="fr-sr-only"> de « {row.title} »</span>
                  </a>
                </li>
                {isPubliclyVisible(row, now) ? (
                  <li>
                    <a className="fr-btn fr-btn--sm fr-btn--tertiary" href={row.path}>
                      Voir sur le site<span className="fr-sr-only"> : « {row.title} »</span>
                    </a>
                  </li>
                ) : null}
              </ul>,
            ];
          })}
        />
      ) : null}
      <Pagination page={page} pageCount={pageCount} hrefFor={(target) => listHref(filter, target)} />
    </Layout>
  );
}
