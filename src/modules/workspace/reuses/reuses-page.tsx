import type { FormValues } from "../../../http/forms.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { sinceLabel } from "./reuse-labels.ts";
import { maxPurposeLength } from "./reuses-form.ts";

export type ReuseLine = { id: string; organisationName: string; purpose: string; since: string; withdrawAction: string | null };

export type ReusesPageModel = {
  projectTitle: string;
  projectPath: string;
  reuses: ReuseLine[];
  /** What the viewer may do: sign in, declare for their organisation, nothing (no organisation, or not allowed). */
  form: { kind: "sign-in"; href: string } | { kind: "declare"; organisationName: string; action: string; values: FormValues; errors: FieldErrors } | { kind: "no-organisation" } | { kind: "none" };
  done: string | null;
};

function value(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

export function ReusesPage({ context, model }: { context: PageContext; model: ReusesPageModel }) {
  const errors = model.form.kind === "declare" ? model.form.errors : {};
  return (
    <Layout
      context={context}
      title={`Nous l’utilisons — ${model.projectTitle}`}
      hasErrors={Object.keys(errors).length > 0}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Projets", href: "/projets" },
        { label: model.projectTitle, href: model.projectPath },
      ]}
    >
      <h1>Nous l’utilisons</h1>
      <p className="fr-text--lead">Les administrations qui réutilisent {model.projectTitle}.</p>
      {model.done ? <Alert kind="success">{model.done}</Alert> : null}
      {model.reuses.length === 0 ? (
        <p>Aucune administration n’a encore déclaré utiliser ce projet.</p>
      ) : (
        <ul className="fr-raw-list">
          {model.reuses.map((reuse) => (
            <li key={reuse.id} className="fr-mb-3w">
              <p className="fr-mb-1v">
                <strong>{reuse.organisationName}</strong>, {sinceLabel(reuse.since)}
              </p>
              <p className="fr-mb-1v" style={{ whiteSpace: "pre-line" }}>
                {reuse.purpose}
              </p>
              {reuse.withdrawAction ? (
                <form method="post" action={reuse.withdrawAction}>
                  <CsrfField token={context.csrfToken} />
                  <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                    Retirer la déclaration<span className="fr-sr-only"> de {reuse.organisationName}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h2 className="fr-mt-6w">Votre administration utilise ce projet ?</h2>
      {model.form.kind === "sign-in" ? (
        <p>
          <a className="fr-link" href={model.form.href}>
            Connectez-vous pour le déclarer au nom de votre administration
          </a>
        </p>
      ) : model.form.kind === "no-organisation" ? (
        <Alert kind="info">Votre compte n’est rattaché à aucune administration : indiquez-la sur la page « Mon compte » pour pouvoir déclarer une réutilisation en son nom.</Alert>
      ) : model.form.kind === "none" ? (
        <p>Seuls les membres de la communauté peuvent déclarer une réutilisation.</p>
      ) : (
        <>
          <ErrorSummary errors={model.form.errors} />
          <form method="post" action={model.form.action} noValidate>
            <CsrfField token={context.csrfToken} />
            <p>Vous déclarez au nom de : {model.form.organisationName}.</p>
            <TextareaField name="purpose" label="Pour quoi faire ?" hint="Ce que votre administration fait avec ce projet." required rows={4} maxLength={maxPurposeLength} value={value(model.form.values, "purpose")} error={model.form.errors.purpose} />
            <InputField name="since" label="Depuis quand ?" hint="Le mois, au format AAAA-MM, par exemple 2025-03." required value={value(model.form.values, "since")} error={model.form.errors.since} />
            <button type="submit" className="fr-btn">
              Déclarer « Nous l’utilisons »
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
