import { Table } from "../../../ui/table.tsx";
import { Badge } from "../../../ui/badge.tsx";
import { formatDateTime } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, type Option, SelectField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { roleLabels } from "../domain/permissions.ts";
import type { Account, SessionSummary } from "../repository.ts";

export type AccountPageProps = {
  context: PageContext;
  account: Account;
  organisationName: string | null;
  organisations: Option[];
  sessions: SessionSummary[];
  currentSessionId: string | null;
  values?: { givenName?: string | undefined; usualName?: string | undefined; organisationId?: string | undefined };
  errors?: FieldErrors;
  saved?: boolean;
  /** « Mon profil » in the community, or the joining wizard (given by the people module through app.ts). */
  profileLink?: { href: string; label: string } | null | undefined;
  /** The review table of the call for projects, for those who review proposals (the ministry data administrator, the team). */
  reviewLink?: { href: string; label: string } | null | undefined;
  /** The season's portfolio, for the programme team, coaches and AMDs. */
  portfolioLink?: { href: string; label: string } | null | undefined;
  /** « Mes espaces projet »: the workspaces of the person's teams, newest season first. */
  workspaceLinks?: { href: string; label: string }[] | undefined;
};

const methodLabels: Record<string, string> = { magic_link: "Lien par courriel", proconnect: "ProConnect" };

export function AccountPage({ context, account, organisationName, organisations, sessions, currentSessionId, values, errors = {}, saved, profileLink, reviewLink, portfolioLink, workspaceLinks = [] }: AccountPageProps) {
  const form = values ?? { givenName: account.givenName ?? "", usualName: account.usualName ?? "", organisationId: account.organisationId ?? "" };
  return (
    <Layout context={context} title="Mon compte" breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Mon compte</h1>
      {saved ? <Alert kind="success">Vos informations sont enregistrées.</Alert> : null}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {profileLink ? (
          <li>
            <a className="fr-btn fr-btn--secondary fr-icon-user-line fr-btn--icon-left" href={profileLink.href}>
              {profileLink.label}
            </a>
          </li>
        ) : null}
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-star-line fr-btn--icon-left" href="/voeux">
            Mes vœux
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-cup-line fr-btn--icon-left" href="/cafe">
            Café 10&nbsp;%
          </a>
        </li>
      </ul>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-7">
          <h2 className="fr-h4">Mes informations</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action="/compte" noValidate>
            <CsrfField token={context.csrfToken} />
            <InputField name="givenName" label="Prénom" autoComplete="given-name" maxLength={100} required value={form.givenName} error={errors.givenName} />
            <InputField name="usualName" label="Nom" autoComplete="family-name" maxLength={100} required value={form.usualName} error={errors.usualName} />
            <SelectField
              name="organisationId"
              label="Organisation"
              hint={"Proposée d’après votre adresse électronique ou ProConnect\u00a0; modifiez-la si elle est inexacte."}
              options={organisations}
              value={form.organisationId}
              error={errors.organisationId}
              placeholder="Mon organisation n’est pas dans la liste"
            />
            <button className="fr-btn" type="submit">
              Enregistrer
            </button>
          </form>
        </div>
        <div className="fr-col-12 fr-col-md-5">
          <h2 className="fr-h4">Identifiants</h2>
          <dl>
            <dt className="fr-text--bold">Adresse électronique</dt>
            <dd className="fr-mb-2w">{account.email}</dd>
            <dt className="fr-text--bold">Organisation actuelle</dt>
            <dd className="fr-mb-2w">{organisationName ?? "Non renseignée"}</dd>
            <dt className="fr-text--bold">Rôles</dt>
            <dd className="fr-mb-2w">
              <ul className="fr-tags-group">
                {account.roles.map((grant) => (
                  <li key={`${grant.role}-${grant.organisationId ?? ""}`}>
                    <p className="fr-tag">{roleLabels[grant.role]}</p>
                  </li>
                ))}
              </ul>
            </dd>
            <dt className="fr-text--bold">Compte créé le</dt>
            <dd>{formatDateTime(account.createdAt)}</dd>
          </dl>
        </div>
      </div>
      <h2 className="fr-h4 fr-mt-5w" id="sessions">
        Mes sessions ouvertes
      </h2>
      <p>Fermez une session que vous ne reconnaissez pas&nbsp;: l’appareil concerné devra se connecter à nouveau.</p>
      <Table
        caption="Sessions ouvertes"
        noCaption
        columns={["Appareil", "Connexion", "Ouverte le", "Dernière activité", "Action"]}
        rows={sessions.map((session) => [
          describeUserAgent(session.userAgent),
          methodLabels[session.method] ?? session.method,
          formatDateTime(session.createdAt),
          formatDateTime(session.lastSeenAt),
          session.id === currentSessionId ? (
            <Badge kind="info" small label="Session actuelle" />
          ) : (
            <form method="post" action={`/compte/sessions/${session.id}/fermer`}>
              <CsrfField token={context.csrfToken} />
              <button className="fr-btn fr-btn--sm fr-btn--secondary" type="submit" title={`Fermer la session ouverte le ${formatDateTime(session.createdAt)}`}>
                Fermer
              </button>
            </form>
          ),
        ])}
      />
      {reviewLink ? (
        <>
          <h2 className="fr-h4 fr-mt-5w" id="qualification">
            Qualification des propositions
          </h2>
          <p>Les propositions de l’appel à projets que vous qualifiez, avec leurs notes, leurs soutiens et leur état.</p>
          <p>
            <a className="fr-link fr-icon-survey-line fr-link--icon-left" href={reviewLink.href}>
              {reviewLink.label}
            </a>
          </p>
        </>
      ) : null}
      {workspaceLinks.length > 0 ? (
        <>
          <h2 className="fr-h4 fr-mt-5w" id="espaces-projet">
            Mes espaces projet
          </h2>
          <p>Le cadrage, les jalons, le journal de bord et les liens de vos équipes, saison par saison.</p>
          <ul className="fr-links-group">
            {workspaceLinks.map((link) => (
              <li key={link.href}>
                <a className="fr-link fr-icon-folder-2-line fr-link--icon-left" href={link.href}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {portfolioLink ? (
        <>
          <h2 className="fr-h4 fr-mt-5w" id="portefeuille">
            Portefeuille des projets
          </h2>
          <p>Où en est chaque projet de la saison : phase, prochain jalon, dernier journal de bord et météo, équipe.</p>
          <p>
            <a className="fr-link fr-icon-folder-2-line fr-link--icon-left" href={portfolioLink.href}>
              {portfolioLink.label}
            </a>
          </p>
        </>
      ) : null}
      <h2 className="fr-h4 fr-mt-5w" id="mon-10-pourcent">
        Mon 10&nbsp;%
      </h2>
      <p>Ma convention 10&nbsp;% avec mon ou ma manager, mon temps consacré au programme et mes attestations.</p>
      <ul className="fr-links-group">
        <li>
          <a className="fr-link fr-icon-time-line fr-link--icon-left" href="/mon-10-pourcent">
            Ma convention et mon temps
          </a>
        </li>
      </ul>
      <p>
        Vous êtes manager d’un ou d’une membre du programme&nbsp;? Suivez son temps et sa convention dans{" "}
        <a href="/mes-agents">Mes agents</a>.
      </p>
      <h2 className="fr-h4 fr-mt-5w" id="evenements">
        Mes événements
      </h2>
      <ul className="fr-links-group">
        <li>
          <a className="fr-link fr-icon-calendar-event-line fr-link--icon-left" href="/compte/evenements">
            Mes inscriptions
          </a>
        </li>
        <li>
          <a className="fr-link fr-icon-calendar-line fr-link--icon-left" href="/compte/calendrier">
            Mes inscriptions dans mon agenda
          </a>
        </li>
      </ul>
      <h2 className="fr-h4 fr-mt-5w" id="donnees">
        Mes données personnelles
      </h2>
      <p>Consultez tout ce que la plateforme conserve sur vous, téléchargez-le, ou supprimez votre compte.</p>
      <ul className="fr-links-group">
        <li>
          <a className="fr-link fr-icon-file-text-line fr-link--icon-left" href="/compte/donnees">
            Voir et télécharger mes données
          </a>
        </li>
        <li>
          <a className="fr-link fr-icon-delete-line fr-link--icon-left" href="/compte/suppression">
            Supprimer mon compte
          </a>
        </li>
      </ul>
      <form method="post" action="/deconnexion" className="fr-mt-3w">
        <CsrfField token={context.csrfToken} />
        <button className="fr-btn fr-btn--tertiary fr-icon-logout-box-r-line fr-btn--icon-left" type="submit">
          Se déconnecter
        </button>
      </form>
    </Layout>
  );
}

function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Appareil inconnu";
  const browser = /Firefox\//.test(userAgent) ? "Firefox" : /Edg\//.test(userAgent) ? "Edge" : /Chrom(e|ium)\//.test(userAgent) ? "Chrome ou Chromium" : /Safari\//.test(userAgent) ? "Safari" : "Navigateur";
  const system = /Windows/.test(userAgent) ? "Windows" : /Mac OS X/.test(userAgent) ? "macOS" : /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS" : /Linux/.test(userAgent) ? "Linux" : "";
  return system ? `${browser} sur ${system}` : browser;
}
