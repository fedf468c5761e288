import type { FormValues } from "../../../http/forms.ts";
import { formatCalendarDay, formatDateTime } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, type Option, SelectField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import type { AttestationSummary } from "./attestation-repository.ts";
import { halfDaysLabel } from "../domain/ledger-rules.ts";
import { seasonInSentence } from "../domain/season-name.ts";

export const attestationsPath = "/mon-10-pourcent/attestations";
export const verifyPath = "/attestations/verifier";

export type AttestationListModel = {
  attestations: AttestationSummary[];
  seasons: Option[];
  values: FormValues;
  errors: FieldErrors;
  /** The attestation just issued, announced at the top. */
  issued: AttestationSummary | null;
};

function value(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

export function attestationPdfPath(id: string): string {
  return `${attestationsPath}/${id}/pdf`;
}

/** `/mon-10-pourcent/attestations`: the member's attestations and the form to issue one. */
export function AttestationListPage({ context, model }: { context: PageContext; model: AttestationListModel }) {
  const hasErrors = Object.keys(model.errors).length > 0;
  return (
    <Layout
      context={context}
      title="Mes attestations de temps"
      hasErrors={hasErrors}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Mon compte", href: "/compte" },
        { label: "Mon 10\u00a0%", href: "/mon-10-pourcent" },
      ]}
    >
      <h1>Mes attestations de temps</h1>
      {model.issued ? (
        <Alert kind="success" title="Attestation émise">
          <p>
            Votre attestation pour la {seasonInSentence(model.issued.facts.season.name)} porte le code <strong>{model.issued.code}</strong>.{" "}
            <a href={attestationPdfPath(model.issued.id)} download>
              Télécharger l’attestation (PDF)
            </a>
          </p>
        </Alert>
      ) : null}
      <p>
        Une attestation indique le temps que vous avez donné au programme pendant une saison&nbsp;: vos projets, les événements suivis et le travail que vous avez
        déclaré. Elle porte un code&nbsp;: toute personne à qui vous la remettez peut vérifier sur <a href={verifyPath}>la page de vérification</a> qu’elle est
        authentique et n’a pas été modifiée.
      </p>

      <section aria-labelledby="nouvelle-attestation" className="fr-mb-6w">
        <h2 id="nouvelle-attestation">Obtenir une attestation</h2>
        {model.seasons.length === 0 ? (
          <p>
            Aucun temps n’est encore compté à votre nom&nbsp;: une attestation sera possible dès qu’un événement du programme où vous êtes émargé·e ou un travail que vous déclarez dans{" "}
            <a href="/mon-10-pourcent/temps">Mon temps</a> sera compté.
          </p>
        ) : (
          <>
            <ErrorSummary errors={model.errors} />
            <form method="post" action={attestationsPath} noValidate>
              <CsrfField token={context.csrfToken} />
              <SelectField
                name="saison"
                label="Saison"
                hint={"Pendant la saison, l’attestation couvre la période de son début à aujourd’hui\u00a0; une fois la saison terminée, toute la saison."}
                required
                options={model.seasons}
                value={value(model.values, "saison")}
                error={model.errors.saison}
              />
              <button className="fr-btn" type="submit">
                Émettre l’attestation
              </button>
            </form>
          </>
        )}
      </section>

      <h2>Attestations émises</h2>
      {model.attestations.length === 0 ? (
        <p>Vous n’avez pas encore d’attestation.</p>
      ) : (
        <Table
          caption="Attestations émises"
          noCaption
          columns={["Émise le", "Saison", "Période", "Total", "Code", "Document"]}
          rows={model.attestations.map((attestation) => [
            formatDateTime(attestation.issuedAt),
            attestation.facts.season.name,
            `du ${formatCalendarDay(attestation.facts.period.startsOn)} au ${formatCalendarDay(attestation.facts.period.endsOn)}`,
            halfDaysLabel(attestation.facts.totalHalfDays),
            <code key="code">{attestation.code}</code>,
            <a key="pdf" href={attestationPdfPath(attestation.id)} download>
              Télécharger<span className="fr-sr-only"> l’attestation {attestation.code}</span> (PDF)
            </a>,
          ])}
        />
      )}
    </Layout>
  );
}
