import type { ReactNode } from "react";
import { formatDateTime } from "../../../shared/french-date.ts";
import { ButtonLink, ButtonsGroup } from "../../../ui/button.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Summary } from "../../../ui/summary.tsx";
import { Table } from "../../../ui/table.tsx";
import type { PersonalDataRow, PersonalDataSection, PersonalDataTables } from "../personal-data.ts";

export type PersonalDataPageProps = { context: PageContext; tables: PersonalDataTables; sections: Record<string, PersonalDataSection> };

/** A table exported without a description still shows, under its own name, with every column. */
function sectionFor(table: string, rows: PersonalDataRow[], sections: Record<string, PersonalDataSection>): PersonalDataSection {
  return sections[table] ?? { title: table, purpose: "", columns: Object.fromEntries(Object.keys(rows[0] ?? {}).map((column) => [column, column])) };
}

const anchorOf = (table: string) => `donnees-${table.replace(/[^a-z0-9]+/gi, "-")}`;

/** `/compte/donnees`: everything the platform holds on the signed-in person, one section per table. */
export function PersonalDataPage({ context, tables, sections }: PersonalDataPageProps) {
  const entries = Object.entries(tables);
  return (
    <Layout context={context} title="Mes données personnelles" breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Mon compte", href: "/compte" }]}>
      <h1>Mes données personnelles</h1>
      <p className="fr-text--lead">
        Voici tout ce que la plateforme conserve sur vous, section par section. Les jetons de connexion ne sont jamais affichés ni exportés&nbsp;: la plateforme
        n’en garde qu’une empreinte.
      </p>
      <p>
        Vous pouvez télécharger ces données, corriger ce qui est inexact depuis les liens de chaque section, ou supprimer votre compte. Les règles sont
        détaillées sur la page <a href="/donnees-personnelles">Données personnelles et cookies</a>.
      </p>
      <ButtonsGroup inline="md" iconPosition="left">
        <ButtonLink href="/compte/donnees.json" icon="download-line">
          Télécharger mes données (JSON)
        </ButtonLink>
        <ButtonLink href="/compte/suppression" variant="secondary" icon="delete-line">
          Supprimer mon compte
        </ButtonLink>
      </ButtonsGroup>
      <Summary items={entries.map(([table, rows]) => ({ label: sectionFor(table, rows, sections).title, href: `#${anchorOf(table)}` }))} />
      {entries.map(([table, rows]) => {
        const section = sectionFor(table, rows, sections);
        const href = typeof section.correction?.href === "function" ? section.correction.href(tables) : section.correction?.href;
        const columns = Object.entries(section.columns);
        return (
          <section key={table} className="fr-mt-6w">
            <h2 id={anchorOf(table)} className="fr-h4">
              {section.title} ({rows.length})
            </h2>
            {section.purpose ? <p>{section.purpose}</p> : null}
            {rows.length === 0 ? (
              <p className="fr-text--sm">Aucune donnée.</p>
            ) : rows.length === 1 && columns.length > 4 ? (
              // One row of many columns (the account, the profile) reads as a list of fields and never scrolls sideways.
              <Table
                caption={section.title}
                noCaption
                rowHeaders
                columns={["Donnée", "Valeur"]}
                rows={columns.map(([column, label]) => [label, <CellValue value={rows[0]![column]} labels={section.valueLabels?.[column]} />])}
              />
            ) : (
              <Table caption={section.title} noCaption columns={columns.map(([, label]) => label)} rows={rows.map((row) => columns.map(([column]) => <CellValue value={row[column]} labels={section.valueLabels?.[column]} />))} />
            )}
            {section.correction && href ? (
              <p>
                <a className="fr-link fr-icon-edit-line fr-link--icon-left" href={href}>
                  {section.correction.label}
                </a>
              </p>
            ) : null}
          </section>
        );
      })}
    </Layout>
  );
}

function CellValue({ value, labels }: { value: unknown; labels?: Record<string, string> | undefined }): ReactNode {
  if (value === null || value === undefined || value === "")
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="fr-sr-only">non renseigné</span>
      </>
    );
  if (value instanceof Date) return formatDateTime(value);
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  if (labels?.[text]) return labels[text];
  return text.split("\n").map((line, index) => [index > 0 ? <br key={`br-${index}`} /> : null, ...breakable(line, index)]);
}

/** Long addresses and links get break opportunities after their separators, so a column never overflows. */
function breakable(line: string, lineIndex: number): ReactNode[] {
  return line.split(/(\S{30,})/).map((part, index) =>
    part.length >= 30 ? part.split(/(?<=[/?&=.@_-])/).flatMap((piece, pieceIndex) => (pieceIndex === 0 ? [piece] : [<wbr key={`${lineIndex}-${index}-${pieceIndex}`} />, piece])) : part,
  );
}
