import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { ProConnectButton } from "../../../ui/proconnect-button.tsx";

export type SignInPageProps = {
  context: PageContext;
  proconnectEnabled: boolean;
  returnTo: string | null;
  values?: { email?: string | undefined };
  errors?: FieldErrors;
  /** A problem that is not about a field (expired link, ProConnect refused). */
  notice?: string | undefined;
  /** The notice refuses the person's address: it links to the contact page. */
  noticeLinksToContact?: boolean | undefined;
  /** The address is not a public body's: the field's error links to the contact page. */
  addressRefused?: boolean | undefined;
};

export function SignInPage({ context, proconnectEnabled, returnTo, values = {}, errors = {}, notice, noticeLinksToContact, addressRefused }: SignInPageProps) {
  return (
    <Layout context={context} title="Se connecter" breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Se connecter au Programme 10 %</h1>
          <p className="fr-text--lead">La plateforme est réservée aux agents publics. La première connexion crée votre compte.</p>
          {notice ? (
            <Alert kind="error" title="Connexion impossible">
              <p>{notice}</p>
              {noticeLinksToContact ? (
                <p>
                  <a className="fr-link" href="/contact">
                    Écrire à l’équipe du programme
                  </a>
                </p>
              ) : null}
            </Alert>
          ) : null}
          {proconnectEnabled ? (
            <section className="fr-mb-5w" aria-labelledby="titre-proconnect">
              <h2 id="titre-proconnect" className="fr-h4">
                Avec ProConnect
              </h2>
              <p>ProConnect est la solution d’identification des agents publics&nbsp;: utilisez le compte de votre administration.</p>
              <ProConnectButton action="/connexion/proconnect" csrfToken={context.csrfToken} returnTo={returnTo ?? undefined} />
              <p className="fr-hr-or">ou</p>
            </section>
          ) : null}
          <section aria-labelledby="titre-lien">
            <h2 id="titre-lien" className="fr-h4">
              Avec un lien reçu par courriel
            </h2>
            <ErrorSummary errors={errors} />
            <form method="post" action="/connexion" noValidate>
              <CsrfField token={context.csrfToken} />
              {returnTo ? <input type="hidden" name="retour" value={returnTo} /> : null}
              <InputField
                name="email"
                type="email"
                label="Adresse électronique professionnelle"
                hint={"Par exemple\u00a0: prenom.nom@insee.fr. Vous recevrez un lien valable 15\u00a0minutes."}
                autoComplete="email"
                inputMode="email"
                spellCheck={false}
                required
                value={values.email}
                error={errors.email}
                errorHelp={
                  addressRefused ? (
                    <a className="fr-link" href="/contact">
                      Écrire à l’équipe du programme
                    </a>
                  ) : undefined
                }
              />
              <button className="fr-btn" type="submit">
                Recevoir un lien de connexion
              </button>
            </form>
          </section>
        </div>
      </div>
    </Layout>
  );
}

export function LinkSentPage({ context, email }: { context: PageContext; email: string }) {
  return (
    <Layout context={context} title="Consultez votre messagerie" breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Se connecter", href: "/connexion" }]}>
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Consultez votre messagerie</h1>
          <Alert kind="success" title="Lien de connexion envoyé">
            <p>
              Si l’adresse <strong>{email}</strong> est correcte, vous allez recevoir un courriel avec un lien de connexion. Il est valable 15 minutes et ne sert
              qu’une fois.
            </p>
          </Alert>
          <p>Vous ne le trouvez pas&nbsp;? Regardez dans les courriels indésirables, ou <a href="/connexion">demandez un nouveau lien</a>.</p>
        </div>
      </div>
    </Layout>
  );
}

/** Mail scanners open links: signing in takes a click on this page, not the GET of the link. */
export function ConfirmLinkPage({ context, token }: { context: PageContext; token: string }) {
  return (
    <Layout context={context} title="Confirmer la connexion" breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Confirmer la connexion</h1>
          <p>Vous avez demandé à vous connecter à la plateforme du Programme 10 %.</p>
          <form method="post" action="/connexion/lien">
            <CsrfField token={context.csrfToken} />
            <input type="hidden" name="jeton" value={token} />
            <button className="fr-btn" type="submit">
              Me connecter
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function SignedOutPage({ context }: { context: PageContext }) {
  return (
    <Layout context={context} title="Vous êtes déconnecté" breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Vous êtes déconnecté</h1>
      <Alert kind="success">Votre session est fermée. À bientôt sur le Programme 10 %&nbsp;!</Alert>
      <p>
        <a className="fr-link" href="/connexion">
          Se connecter à nouveau
        </a>
      </p>
    </Layout>
  );
}
