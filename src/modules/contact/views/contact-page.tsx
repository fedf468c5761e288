import type { FormValues } from "../../../http/forms.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, SelectField, TextareaField } from "../../../ui/fields.tsx";
import { Layout, type SharePreview } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { topicLabels } from "../domain/topics.ts";
import { honeypotField } from "../schemas.ts";

const topicOptions = Object.entries(topicLabels).map(([value, label]) => ({ value, label }));

export type ContactPageProps = {
  context: PageContext;
  share: SharePreview;
  teamAddress: string;
  /** The signed-in member's address (shown, not editable), or null for a visitor. */
  memberEmail: string | null;
  values: FormValues;
  errors: FieldErrors;
};

function text(values: FormValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** `/contact`: the programme team's address and the form to write to the team. */
export function ContactPage({ context, share, teamAddress, memberEmail, values, errors }: ContactPageProps) {
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout context={context} title="Contacter l’équipe du programme" hasErrors={hasErrors} breadcrumb={[{ label: "Accueil", href: "/" }]} share={share} description={"Écrire à l’équipe du Programme 10\u00a0%\u00a0: une question sur le programme, un projet, les événements, ou une question de manager."}>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <h1>Contacter l’équipe du programme</h1>
          <p className="fr-text--lead">
            Une question sur le programme, un projet, les événements ou une question de manager&nbsp;? Écrivez à l’équipe du Programme 10&nbsp;%&nbsp;: elle vous répond par
            courriel, en général sous une semaine.
          </p>
          <ErrorSummary errors={errors} />
          <form method="post" action="/contact" noValidate>
            <CsrfField token={context.csrfToken} />
            <InputField name="name" label="Votre nom" hint="Prénom et nom, pour que l’équipe sache à qui elle répond." autoComplete="name" maxLength={120} required value={text(values, "name")} error={errors.name} />
            {memberEmail ? (
              <InputField name="email" type="email" label="Votre adresse électronique" hint={"L’adresse de votre compte\u00a0: la réponse vous y sera envoyée."} value={memberEmail} readOnly error={errors.email} />
            ) : (
              <InputField
                name="email"
                type="email"
                label="Votre adresse électronique"
                hint={"Par exemple\u00a0: prenom.nom@exemple.gouv.fr. La réponse vous y sera envoyée."}
                autoComplete="email"
                inputMode="email"
                spellCheck={false}
                maxLength={254}
                required
                value={text(values, "email")}
                error={errors.email}
              />
            )}
            <SelectField name="topic" label="Sujet" options={topicOptions} required value={text(values, "topic")} error={errors.topic} placeholder="Choisir un sujet" />
            <TextareaField name="body" label="Votre message" hint={"5\u00a0000\u00a0caractères au plus. N’y mettez pas de donnée sensible (santé, opinions…)."} rows={8} maxLength={5000} required value={text(values, "body")} error={errors.body} />
            {/* The honeypot: hidden from people (display: none), filled by bots that fill every field. */}
            <div className="fr-hidden" aria-hidden="true">
              <label htmlFor={honeypotField}>Ne remplissez pas ce champ</label>
              <input type="text" id={honeypotField} name={honeypotField} tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <p className="fr-text--sm">
              Votre nom, votre adresse et votre message ne servent qu’à vous répondre&nbsp;; ils sont supprimés un an après le dernier échange. Voir{" "}
              <a href="/donnees-personnelles">Données personnelles</a>.
            </p>
            <button className="fr-btn" type="submit">
              Envoyer le message
            </button>
          </form>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <div className="fr-callout">
            <h2 className="fr-callout__title fr-h5">L’adresse de l’équipe</h2>
            <p className="fr-callout__text fr-text--md">
              Vous pouvez aussi écrire directement à <a href={`mailto:${teamAddress}`}>{teamAddress}</a>.
            </p>
          </div>
        </div>
      </div>
    </Layout>
  );
}

/** After a message is sent: what happens next. */
export function MessageSentPage({ context }: { context: PageContext }) {
  return (
    <Layout context={context} title="Message envoyé" breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Contact", href: "/contact" }]}>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-8">
          <h1>Message envoyé</h1>
          <Alert kind="success" title="L’équipe du programme a bien reçu votre message">
            <p>Un accusé de réception vient de vous être envoyé par courriel. L’équipe vous répond à la même adresse, en général sous une semaine.</p>
          </Alert>
          <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
            <li>
              <a className="fr-btn" href="/">
                Page d’accueil
              </a>
            </li>
            <li>
              <a className="fr-btn fr-btn--secondary" href="/contact">
                Écrire un autre message
              </a>
            </li>
          </ul>
        </div>
      </div>
    </Layout>
  );
}
