import { formatCalendarDay } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Badge } from "../../../ui/badge.tsx";
import { CsrfField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import { type AgreementStatus, agreementStatusLabels } from "../domain/agreement-states.ts";
import { halfDaysLabel, monthLabel } from "../domain/ledger-rules.ts";
import { seasonInSentence } from "../domain/season-name.ts";
import { shareLabel, type ShareKind } from "../domain/terms.ts";
import type { LedgerLine, LedgerMonth, LedgerSummary } from "./ledger-repository.ts";
import type { SeasonRef } from "./member-ledger.ts";
import { WorkForm, type WorkFormModel } from "./ledger-work-form.tsx";
import { ofName } from "../../../shared/french-elision.ts";

export const ledgerPath = "/mon-10-pourcent/temps";

/** Accueil › Mon compte › Mon 10 % (then the page): the ledger is a part of « Mon 10 % ». */
export const ledgerBreadcrumb = [
  { label: "Accueil", href: "/" },
  { label: "Mon compte", href: "/compte" },
  { label: "Mon 10\u00a0%", href: "/mon-10-pourcent" },
];

export type LedgerNotice = "declaree" | "modifiee" | "supprimee";

export type LedgerPageModel = {
  season: SeasonRef;
  seasons: SeasonRef[];
  agreement: { status: AgreementStatus; shareKind: ShareKind; halfDaysPerMonth: number; startsOn: string; endsOn: string } | null;
  summary: LedgerSummary;
  lines: LedgerLine[];
  /** `YYYY-MM` of today, in Paris. */
  currentMonth: string;
  /** Null when the season has no open day to declare (not started, or every month closed). */
  form: WorkFormModel | null;
  notice: LedgerNotice | null;
};

const eventKindLabels: Record<string, string> = { atelier: "Atelier", formation: "Formation", bootcamp: "Bootcamp", cloture: "Clôture" };
const modeLabels: Record<string, string> = { in_person: "sur place", remote: "à distance" };
const noticeTexts: Record<LedgerNotice, string> = {
  declaree: "Votre temps est ajouté au registre.",
  modifiee: "La ligne est corrigée.",
  supprimee: "La ligne est supprimée.",
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How far over its budget a month is, said in words (the badge's colour is not the only sign). */
function overBudgetText(month: LedgerMonth): string | null {
  return month.inAgreement && month.used > month.budget ? `${halfDaysLabel(month.used - month.budget)} au-delà du budget` : null;
}

function UsedCell({ month }: { month: LedgerMonth }) {
  const over = overBudgetText(month);
  return (
    <>
      {halfDaysLabel(month.used)}
      {over ? <Badge label={over} kind="warning" small /> : null}
    </>
  );
}

function CurrentMonthWarning({ month }: { month: LedgerMonth | undefined }) {
  if (!month || month.budget === 0 || month.used < month.budget) return null;
  const over = month.used > month.budget;
  return (
    <Alert kind="warning" title={over ? `Vous avez dépassé le budget ${ofName(monthLabel(month.month))}` : `Vous avez atteint le budget ${ofName(monthLabel(month.month))}`}>
      <p>
        {halfDaysLabel(month.used)} utilisées sur {halfDaysLabel(month.budget)}. Les 10&nbsp;% sont un plafond convenu avec votre manager, pas un objectif&nbsp;: au-delà, déclarez du temps seulement avec
        son accord.
      </p>
    </Alert>
  );
}

export function LedgerPage({ context, model }: { context: PageContext; model: LedgerPageModel }) {
  const { season, summary, agreement } = model;
  const attendance = model.lines.filter((line): line is Extract<LedgerLine, { source: "attendance" }> => line.source === "attendance");
  const work = model.lines.filter((line): line is Extract<LedgerLine, { source: "work" }> => line.source === "work");
  const closedMonths = new Set(summary.months.filter((month) => month.closed).map((month) => month.month));
  // Months to come would only say « 0 demi-journée »: shown from the current month on only when they already count time.
  const shownMonths = summary.months.filter((month) => month.month <= model.currentMonth || month.used > 0);
  const hasErrors = model.form ? Object.keys(model.form.errors).length > 0 : false;
  return (
    <Layout context={context} title="Mon temps" hasErrors={hasErrors} breadcrumb={ledgerBreadcrumb}>
      <h1>Mon temps</h1>
      {model.notice ? <Alert kind="success">{noticeTexts[model.notice]}</Alert> : null}
      <p>
        Le registre compte votre temps en demi-journées&nbsp;: les ateliers, formations, bootcamps et clôtures où vous avez été émargé·e (une journée compte pour deux demi-journées), et le
        travail que vous déclarez. Vous pouvez corriger un mois jusqu’au 10 du mois suivant&nbsp;; il est ensuite clos.
      </p>
      {model.seasons.length > 1 ? (
        <form method="get" action={ledgerPath} className="fr-mb-4w">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="saison">
              Saison
            </label>
            <select className="fr-select" id="saison" name="saison" defaultValue={season.slug}>
              {model.seasons.map((option) => (
                <option key={option.slug} value={option.slug}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
          <button className="fr-btn fr-btn--secondary fr-btn--sm" type="submit">
            Afficher la saison
          </button>
        </form>
      ) : null}
      <h2>{season.name}</h2>
      {agreement ? (
        <p>
          Votre convention 10&nbsp;% de la saison&nbsp;: {shareLabel(agreement)}, du {formatCalendarDay(agreement.startsOn)} au {formatCalendarDay(agreement.endsOn)} ({agreementStatusLabels[agreement.status].toLowerCase()}).{" "}
          <a href="/mon-10-pourcent/convention">Voir ma convention</a>
        </p>
      ) : (
        <Alert kind="info" title={"Pas de convention 10\u00a0% pour cette saison"}>
          <p>
            Votre budget de temps se convient avec votre manager dans une convention 10&nbsp;%. <a href="/mon-10-pourcent/convention">Préparer ma convention</a>. Votre temps reste compté ci-dessous.
          </p>
        </Alert>
      )}
      <CurrentMonthWarning month={summary.months.find((month) => month.month === model.currentMonth)} />
      <p className="fr-text--lead">
        Utilisé sur la saison&nbsp;: {halfDaysLabel(summary.used)}
        {agreement ? ` sur un budget de ${halfDaysLabel(summary.budget)}` : ""}.
      </p>
      {model.form ? (
        <section aria-labelledby="declarer" className="fr-my-6w">
          <h2 id="declarer">Déclarer du temps</h2>
          <WorkForm csrfToken={context.csrfToken} model={model.form} />
        </section>
      ) : null}
      <h2>Temps par mois</h2>
      {shownMonths.length === 0 ? (
        <p>Aucun temps compté pour cette saison pour l’instant.</p>
      ) : (
        <Table
          caption={`Temps par mois, ${seasonInSentence(season.name)}`}
          noCaption
          columns={["Mois", "Événements émargés", "Travail déclaré", "Utilisé", "Budget", "État"]}
          rowHeaders
          rows={shownMonths.map((month) => [
            capitalised(monthLabel(month.month)),
            halfDaysLabel(month.attendance),
            halfDaysLabel(month.work),
            <UsedCell month={month} key="used" />,
            !agreement ? "Pas de convention" : month.inAgreement ? halfDaysLabel(month.budget) : "Hors de la période de la convention",
            month.closed ? "clos" : "ouvert",
          ])}
        />
      )}
      {shownMonths.length < summary.months.length ? <p>Les mois à venir apparaîtront au fil de la saison.</p> : null}
      <h2>Événements émargés</h2>
      {attendance.length === 0 ? (
        <p>Aucun événement émargé cette saison.</p>
      ) : (
        <Table
          caption="Événements émargés"
          noCaption
          columns={["Événement", "Type", "Date", "Temps", "Source"]}
          rows={attendance.map((line) => [
            <a href={`/evenements/${encodeURIComponent(line.eventSlug)}`} key="title">
              {line.title}
            </a>,
            `${eventKindLabels[line.eventKind] ?? line.eventKind}, ${modeLabels[line.mode] ?? line.mode}`,
            formatCalendarDay(line.day),
            halfDaysLabel(line.halfDays),
            "relevé à l’émargement",
          ])}
        />
      )}
      <h2>Travail déclaré</h2>
      {work.length === 0 ? (
        <p>Aucun travail déclaré cette saison.</p>
      ) : (
        <Table
          caption="Travail déclaré"
          noCaption
          columns={["Date", "Durée", "Projet", "Ce que vous avez fait", "Actions"]}
          rows={work.map((line) => [
            formatCalendarDay(line.day),
            line.halfDays === 2 ? "Journée" : "Demi-journée",
            line.projectTitle ?? "Sans projet précis",
            line.title,
            closedMonths.has(line.month) ? "Mois clos" : <WorkLineActions line={line} csrfToken={context.csrfToken} key="actions" />,
          ])}
        />
      )}
    </Layout>
  );
}

function WorkLineActions({ line, csrfToken }: { line: Extract<LedgerLine, { source: "work" }>; csrfToken: string }) {
  const day = formatCalendarDay(line.day);
  return (
    <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
      <li>
        <a className="fr-btn fr-btn--secondary fr-btn--sm" href={`${ledgerPath}/${line.id}/modifier`}>
          Modifier<span className="fr-sr-only"> la ligne du {day}</span>
        </a>
      </li>
      <li>
        <form method="post" action={`${ledgerPath}/${line.id}/supprimer`}>
          <CsrfField token={csrfToken} />
          <button className="fr-btn fr-btn--tertiary fr-btn--sm" type="submit">
            Supprimer<span className="fr-sr-only"> la ligne du {day}</span>
          </button>
        </form>
      </li>
    </ul>
  );
}

/** No season yet: nothing to count against. */
export function NoSeasonLedgerPage({ context }: { context: PageContext }) {
  return (
    <Layout context={context} title="Mon temps" breadcrumb={ledgerBreadcrumb}>
      <h1>Mon temps</h1>
      <p>Aucune saison du programme n’est encore ouverte&nbsp;: votre temps sera compté ici dès la première.</p>
    </Layout>
  );
}
