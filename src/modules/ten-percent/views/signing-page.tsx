import type { FormValues } from "../../../http/forms.ts";
import { Alert } from "../../../ui/alert.tsx";
import type { FieldErrors } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { Agreement, AgreementSignature } from "../agreement/agreement-repository.ts";
import { CharterSummary, StatusBadge, TermsList } from "./agreement-parts.tsx";
import { DecisionForm } from "./signing-decision-form.tsx";

export type SigningPageModel = { agreement: Agreement; signature: AgreementSignature; action: string; values: FormValues; errors: FieldErrors; message: string | null };

/** The page a signatory's personal link opens: no account, no JavaScript needed. */
export function SigningPage({ context, model }: { context: PageContext; model: SigningPageModel }) {
  const { agreement, signature } = model;
  const { terms } = agreement;
  return (
    <Layout context={context} title={`Convention 10\u00a0% de ${terms.memberName}`} hasErrors={Object.keys(model.errors).length > 0}>
      <h1>Convention 10&nbsp;% de {terms.memberName}</h1>
      <StatusBadge status={agreement.status} />
      {model.message ? <Alert kind="error">{model.message}</Alert> : null}
      <p>
        Bonjour {signature.name}, {terms.memberName} vous demande, en tant que {signature.role === "manager" ? "manager" : "troisième signataire pour son ministère"}, votre accord pour consacrer une part de son temps au
        Programme 10&nbsp;%. Vous n’avez pas besoin de compte&nbsp;: ce lien personnel suffit.
      </p>
      <h2>Le Programme 10&nbsp;%</h2>
      <p>
        Le programme réunit des agents publics experts de la donnée qui consacrent environ 10&nbsp;% de leur temps de travail (à peu près deux demi-journées par mois) à des projets d’intérêt général entre administrations. Ce
        temps est un plafond convenu avec le ou la manager, pas un objectif&nbsp;; le temps réellement consacré est déclaré sur la plateforme et vous pourrez le consulter.
      </p>
      <h2>Les conditions proposées (version {terms.version})</h2>
      <TermsList terms={terms} />
      <h2>La charte du programme</h2>
      <CharterSummary />
      <p>
        <a href="/programme/charte">Lire la charte du programme en entier</a>
      </p>
      <h2>Votre réponse</h2>
      <DecisionForm action={model.action} version={terms.version} csrfToken={context.csrfToken} values={model.values} errors={model.errors} />
    </Layout>
  );
}

/** A link that no longer opens the agreement, with why. */
export function SigningRefusedPage({ context, message, title }: { context: PageContext; message: string; title: string }) {
  return (
    <Layout context={context} title={title}>
      <h1>{title}</h1>
      <Alert kind="warning">
        <p>{message}</p>
      </Alert>
      <p>
        Si vous avez un compte sur la plateforme avec cette adresse, vous pouvez aussi <a href="/connexion">vous connecter</a> pour retrouver les conventions qui vous concernent.
      </p>
    </Layout>
  );
}

/** After an answer given through a link. */
export function SigningDonePage({ context, title, message }: { context: PageContext; title: string; message: string }) {
  return (
    <Layout context={context} title={title}>
      <h1>{title}</h1>
      <Alert kind="success">
        <p>{message}</p>
      </Alert>
    </Layout>
  );
}
