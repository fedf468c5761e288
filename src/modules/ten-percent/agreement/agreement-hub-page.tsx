import { formatCalendarDay } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { type Agreement, currentSignatures } from "./agreement-repository.ts";
import { agreementStatusLabels } from "../domain/agreement-states.ts";
import { shareLabel } from "../domain/terms.ts";
import { PendingQuestions, SignaturesTable, StatusBadge, TermsList } from "./agreement-parts.tsx";

export type AgreementHubModel = {
  season: { name: string; startsOn: string; endsOn: string } | null;
  current: Agreement | null;
  /** Signatories waiting for the member's answer to their question. */
  questionPending: boolean;
  earlier: Agreement[];
  notice: string | null;
};

/** « Mon 10 % »: the member's agreement of the running season, its signatories, actions, and earlier agreements. */
export function AgreementHubPage({ context, model }: { context: PageContext; model: AgreementHubModel }) {
  const { current, season } = model;
  return (
    <Layout context={context} title={"Mon 10\u00a0%"} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Mon compte", href: "/compte" }]}>
      <h1>Mon 10&nbsp;%</h1>
      {model.notice ? <Alert kind="success">{model.notice}</Alert> : null}
      <p>
        Le programme repose sur une promesse&nbsp;: environ 10&nbsp;% de votre temps, à peu près deux demi-journées par mois, avec l’accord de votre manager. Votre convention 10&nbsp;% formalise cet accord&nbsp;; votre
        temps est compté dans «&nbsp;Mon temps&nbsp;» et attesté dans «&nbsp;Mes attestations&nbsp;».
      </p>
      <ul className="fr-links-group fr-mb-4w">
        <li>
          <a className="fr-link fr-icon-time-line fr-link--icon-left" href="/mon-10-pourcent/temps">
            Mon temps
          </a>
        </li>
        <li>
          <a className="fr-link fr-icon-file-text-line fr-link--icon-left" href="/mon-10-pourcent/attestations">
            Mes attestations
          </a>
        </li>
      </ul>
      <h2>Ma convention {season ? `de la ${season.name.replace(/^Saison/, "saison")}` : ""}</h2>
      {!season ? (
        <Alert kind="info" title="Aucune saison en cours">
          <p>Aucune saison du programme n’est en cours ni annoncée. Vous pourrez préparer votre convention dès qu’une saison sera ouverte.</p>
        </Alert>
      ) : !current ? (
        <>
          <p>
            Vous n’avez pas encore de convention en cours pour cette saison (du {formatCalendarDay(season.startsOn)} au {formatCalendarDay(season.endsOn)}).
          </p>
          <p>
            <a className="fr-btn" href="/mon-10-pourcent/convention">
              Préparer ma convention
            </a>
          </p>
        </>
      ) : (
        <CurrentAgreement agreement={current} questionPending={model.questionPending} />
      )}
      {model.earlier.length > 0 ? (
        <>
          <h2 className="fr-mt-6w">Mes conventions précédentes</h2>
          <ul>
            {model.earlier.map((agreement) => (
              <li key={agreement.id}>
                <a href={`/conventions/${agreement.id}`}>
                  Convention avec {agreement.terms.managerName}, du {formatCalendarDay(agreement.terms.startsOn)} au {formatCalendarDay(agreement.terms.endsOn)}
                </a>{" "}
                — {agreementStatusLabels[agreement.status]}, {shareLabel(agreement.terms)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

function CurrentAgreement({ agreement, questionPending }: { agreement: Agreement; questionPending: boolean }) {
  const base = `/conventions/${agreement.id}`;
  return (
    <>
      <StatusBadge status={agreement.status} />
      {questionPending ? (
        <Alert kind="warning" title="Une question attend votre réponse">
          <PendingQuestions agreement={agreement} />
          <p>
            <a href={`${base}#repondre`}>Répondre à la question</a>
          </p>
        </Alert>
      ) : null}
      <TermsList terms={agreement.terms} />
      <SignaturesTable caption="Où en sont les signataires" signatures={currentSignatures(agreement)} agreement={agreement} />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-4w">
        <li>
          <a className="fr-btn" href={base}>
            Voir la convention et son historique
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={`${base}/modifier`}>
            Modifier la convention
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={`${base}/changer-de-manager`}>
            Changer de manager
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--tertiary" href={`${base}#terminer`}>
            {agreement.status === "sent" ? "Retirer ma demande" : "Terminer la convention"}
          </a>
        </li>
        {agreement.status === "accepted" ? (
          <li>
            <a className="fr-btn fr-btn--tertiary fr-icon-download-line fr-btn--icon-left" href={`${base}/pdf`}>
              Télécharger la convention signée (PDF)
            </a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
