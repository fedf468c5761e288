import { Alert } from "../../../ui/alert.tsx";
import { ButtonLink } from "../../../ui/button.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Pagination } from "../../../ui/pagination.tsx";
import { SearchBar } from "../../../ui/search-bar.tsx";
import { Table } from "../../../ui/table.tsx";
import { kindLabel } from "../domain/organisation-kinds.ts";
import { adminBreadcrumb } from "./breadcrumb.ts";

export type OrganisationRow = {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
  depth: number;
  parentName: string | null;
  siren: string | null;
  siret: string | null;
  ministryName: string | null;
  /** A ministry is its own ministry. */
  isOwnMinistry: boolean;
  domains: string[];
  accounts: number;
  /** Shown because it matches the search (its ancestors are shown too, for the context). */
  matches: boolean;
};

export type OrganisationsPageProps = {
  context: PageContext;
  rows: OrganisationRow[];
  total: number;
  matchCount: number;
  query: string;
  page: number;
  pageCount: number;
};

function NameCell({ row, query }: { row: OrganisationRow; query: string }) {
  const name = (
    <a href={`/admin/organisations/${row.id}`} className="fr-link">
      {row.name}
    </a>
  );
  return (
    <div style={row.depth > 0 ? { paddingLeft: `${Math.min(row.depth, 8) * 1.25}rem` } : undefined}>
      {row.depth > 0 ? <span aria-hidden="true">└&nbsp;</span> : null}
      {query && row.matches ? <strong>{name}</strong> : name}
      {row.parentName ? <span className="fr-sr-only">, rattachée à «&nbsp;{row.parentName}&nbsp;»</span> : null}
    </div>
  );
}

/** The organisations as a tree (ministry → bodies → services), searchable, with their identifiers, domains and accounts. */
export function OrganisationsPage({ context, rows, total, matchCount, query, page, pageCount }: OrganisationsPageProps) {
  const hrefFor = (target: number) => `/admin/organisations?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(target) })}`;
  return (
    <Layout context={context} title={page > 1 ? `Organisations — page ${page}` : "Organisations"} breadcrumb={adminBreadcrumb}>
      <h1>Organisations</h1>
      <p className="fr-text--lead">
        Les ministères, leurs organismes et leurs services. Le ministère de chaque organisation est déduit de sa place dans l’arbre&nbsp;: pour rattacher une organisation à un
        ministère, choisissez ce ministère (ou l’un de ses organismes) comme organisation parente.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <ButtonLink href="/admin/organisations/nouvelle" icon="add-line">
            Nouvelle organisation
          </ButtonLink>
        </li>
        <li>
          <ButtonLink href="/admin/organisations/import" variant="secondary" icon="upload-line">
            Importer le référentiel de l’État
          </ButtonLink>
        </li>
        <li>
          <ButtonLink href="/admin/domaines" variant="tertiary" icon="mail-line">
            Domaines de messagerie
          </ButtonLink>
        </li>
      </ul>
      <form method="get" action="/admin/organisations" className="fr-mb-4w">
        <SearchBar id="recherche-organisations" label="Rechercher une organisation par son nom ou son sigle" value={query} />
      </form>
      {query ? (
        <p role="status">
          {matchCount === 0 ? (
            <>Aucune organisation ne correspond à «&nbsp;{query}&nbsp;».</>
          ) : (
            <>
              {matchCount} organisation{matchCount > 1 ? "s" : ""} correspond{matchCount > 1 ? "ent" : ""} à «&nbsp;{query}&nbsp;» (en gras, avec les organisations dont elles dépendent).{" "}
            </>
          )}{" "}
          <a href="/admin/organisations" className="fr-link">
            Voir toutes les organisations
          </a>
        </p>
      ) : null}
      {total === 0 && !query ? <Alert kind="info">Aucune organisation n’est enregistrée. Créez-en une ou importez le référentiel de l’État.</Alert> : null}
      {rows.length > 0 ? (
        <Table
          caption={`Organisations, de chaque ministère à ses services (${query ? `${matchCount} sur ${total}` : total}${pageCount > 1 ? `, page ${page} sur ${pageCount}` : ""})`}
          columns={["Organisation", "Type", "Sigle", "SIREN / SIRET", "Ministère", "Domaines de messagerie", "Comptes", "Actions"]}
          rowHeaders
          size="sm"
          rows={rows.map((row) => [
            <NameCell key="name" row={row} query={query} />,
            kindLabel(row.kind),
            row.acronym ?? "—",
            row.siren || row.siret ? (
              <span key="ids">
                {row.siren ? <span>SIREN&nbsp;{row.siren}</span> : null}
                {row.siren && row.siret ? <br /> : null}
                {row.siret ? <span>SIRET&nbsp;{row.siret}</span> : null}
              </span>
            ) : (
              "—"
            ),
            row.isOwnMinistry ? "(lui-même)" : (row.ministryName ?? "—"),
            row.domains.length > 0 ? row.domains.join(", ") : "—",
            String(row.accounts),
            <a key="merge" className="fr-link fr-link--sm" href={`/admin/organisations/${row.id}/fusionner`}>
              Fusionner<span className="fr-sr-only"> «&nbsp;{row.name}&nbsp;» avec une autre organisation</span>
            </a>,
          ])}
        />
      ) : null}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </Layout>
  );
}
