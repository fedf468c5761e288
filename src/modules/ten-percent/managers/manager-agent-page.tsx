import { formatCalendarDay } from "../../../shared/french-date.ts";
import { ofName } from "../../../shared/french-elision.ts";
import { Badge } from "../../../ui/badge.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import type { Agreement } from "../agreement/agreement-repository.ts";
import type { AgreementViewer } from "../access.ts";
import { agreementStatusBadges, agreementStatusLabels } from "../domain/agreement-states.ts";
import { halfDaysLabel, monthLabel } from "../domain/ledger-rules.ts";
import { projectsLabel, shareLabel } from "../domain/terms.ts";
import type { LedgerLine, LedgerSummary } from "../ledger/ledger-repository.ts";
import { usedOverBudget } from "./agreement-ledgers.ts";
import { capitalised, myAgentsPath } from "./manager-agents-page.tsx";

export type ManagerAgentModel = {
  agreement: Agreement;
  viewer: AgreementViewer;
  seasonName: string;
  lines: LedgerLine[];
  summary: LedgerSummary;
  /** Whether the work lines' details are shown (the member shares them, or the programme team reads). */
  showWorkLines: boolean;
};

type WorkLine = Extract<LedgerLine, { source: "work" }>;

/** An agent's ledger as their manager (or the programme team) reads it: month by month, events attended, work declared. */
export function ManagerAgentPage({ context, model }: { context: PageContext; model: ManagerAgentModel }) {
  const { agreement, summary } = model;
  const name = agreement.terms.memberName;
  const title = `Le temps ${ofName(name)}`;
  const breadcrumb =
    model.viewer === "programme"
      ? [{ label: "Accueil", href: "/" }, { label: "Administration", href: "/admin" }, { label: "Conventions 10\u00a0%", href: "/admin/conventions" }]
      : [{ label: "Accueil", href: "/" }, { label: "Mon compte", href: "/compte" }, { label: "Mes agents", href: myAgentsPath }];
  return (
    <Layout context={context} title={title} breadcrumb={breadcrumb}>
      <h1>{title}</h1>
      <p className="fr-text--lead">
        {agreement.terms.memberOrganisation ? `${agreement.terms.memberOrganisation}, ` : ""}
        {model.seasonName}
      </p>
      <Badge label={agreementStatusLabels[agreement.status]} kind={agreementStatusBadges[agreement.status]} />
      <ul className="fr-mt-2w">
        <li>Part de temps convenue&nbsp;: {shareLabel(agreement.terms)}</li>
        <li>
          Période&nbsp;: du {formatCalendarDay(agreement.terms.startsOn)} au {formatCalendarDay(agreement.terms.endsOn)}
          {agreement.endedOn ? `, terminée le ${formatCalendarDay(agreement.endedOn)}` : ""}
        </li>
        <li>Projets&nbsp;: {projectsLabel(agreement.terms.projects)}</li>
        <li>
          Sur la période&nbsp;: {halfDaysLabel(summary.used)} utilisée{summary.used > 1 ? "s" : ""} sur un budget de {halfDaysLabel(summary.budget)}
        </li>
      </ul>
      <p>
        <a className="fr-link" href={`/conventions/${agreement.id}`}>
          Voir la convention
        </a>
      </p>
      {model.showWorkLines ? null : (
        <p>
          {name} garde le détail de ses travaux déclarés&nbsp;: vous voyez le nombre de demi-journées de travail de chaque mois, pas leur contenu. Les
          événements du programme suivis sont toujours indiqués.
        </p>
      )}
      <Table
        caption={`Temps donné au Programme 10\u00a0% par mois, en demi-journées`}
        columns={["Mois", "Utilisé / budget", "Événements du programme", "Travail déclaré"]}
        rowHeaders
        rows={summary.months.map((month) => [
          capitalised(monthLabel(month.month)),
          <span key="used">
            {usedOverBudget(month.used, month.budget)}
            {month.used > month.budget ? (
              <>
                {" "}
                <Badge as="span" label="Au-delà du budget" kind="warning" small />
              </>
            ) : null}
          </span>,
          month.attendance === 0 ? "—" : halfDaysLabel(month.attendance),
          month.work === 0 ? "—" : halfDaysLabel(month.work),
        ])}
      />
      <MonthDetails lines={model.lines} months={summary.months.map((month) => month.month)} showWorkLines={model.showWorkLines} />
    </Layout>
  );
}

/** Under the table (so a phone does not squeeze them into a column): each month's events attended and, when shown, work lines. */
function MonthDetails({ lines, months, showWorkLines }: { lines: LedgerLine[]; months: string[]; showWorkLines: boolean }) {
  const detailed = months
    .map((month) => {
      const ofMonth = lines.filter((line) => line.month === month);
      return { month, attended: ofMonth.filter((line) => line.source === "attendance"), work: showWorkLines ? ofMonth.filter((line): line is WorkLine => line.source === "work") : [] };
    })
    .filter((month) => month.attended.length > 0 || month.work.length > 0);
  if (detailed.length === 0) return null;
  return (
    <section aria-labelledby="detail-des-mois" className="fr-mt-4w">
      <h2 id="detail-des-mois">{showWorkLines ? "Le détail des mois" : "Les événements du programme suivis"}</h2>
      {detailed.map(({ month, attended, work }) => (
        <div key={month}>
          <h3 className="fr-h6">{capitalised(monthLabel(month))}</h3>
          <ul>
            {attended.map((line) => (
              <li key={line.id}>
                {formatCalendarDay(line.day)}&nbsp;: {line.title}, événement du programme ({halfDaysLabel(line.halfDays)})
              </li>
            ))}
            {work.map((line) => (
              <li key={line.id}>
                {formatCalendarDay(line.day)}&nbsp;: {line.title}
                {line.projectTitle ? ` (${line.projectTitle})` : ""}, {halfDaysLabel(line.halfDays)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
