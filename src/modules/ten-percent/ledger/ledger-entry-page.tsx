import { formatCalendarDay } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { monthLabel } from "../domain/ledger-rules.ts";
import { ledgerBreadcrumb, ledgerPath } from "./ledger-page.tsx";
import { WorkForm, type WorkFormModel } from "./ledger-work-form.tsx";
import { ofName } from "../../../shared/french-elision.ts";

const breadcrumb = [...ledgerBreadcrumb, { label: "Mon temps", href: ledgerPath }];

/** Correcting a line of declared work. */
export function LedgerEntryPage({ context, workedOn, form }: { context: PageContext; workedOn: string; form: WorkFormModel }) {
  return (
    <Layout context={context} title="Corriger une ligne de temps" hasErrors={Object.keys(form.errors).length > 0} breadcrumb={breadcrumb}>
      <h1>Corriger une ligne de temps</h1>
      <p>La ligne du {formatCalendarDay(workedOn)}, que vous pouvez corriger jusqu’à la clôture de son mois.</p>
      <WorkForm csrfToken={context.csrfToken} model={form} />
      <p className="fr-mt-4w">
        <a href={ledgerPath}>Retour à mon temps</a>
      </p>
    </Layout>
  );
}

/** A line whose month is closed (after the 10th of the next month): it can no longer change. */
export function LedgerMonthClosedPage({ context, month }: { context: PageContext; month: string }) {
  return (
    <Layout context={context} title="Mois clos" breadcrumb={breadcrumb}>
      <h1>Mois clos</h1>
      <Alert kind="error">{`Le mois ${ofName(monthLabel(month))} est clos\u00a0: ses lignes ne peuvent plus être modifiées ni supprimées.`}</Alert>
      <p>
        <a href={ledgerPath}>Retour à mon temps</a>
      </p>
    </Layout>
  );
}
