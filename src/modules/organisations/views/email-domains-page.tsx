import { Table } from "../../../ui/table.tsx";
import { formatDate } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, type Option, SelectField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { EmailDomain } from "../repository.ts";

export type EmailDomainsPageProps = {
  context: PageContext;
  domains: EmailDomain[];
  referenceCount: number;
  organisations: Option[];
  values?: { domain?: string | undefined; organisationId?: string | undefined };
  errors?: FieldErrors;
  added?: string | undefined;
};

export function EmailDomainsPage({ context, domains, referenceCount, organisations, values = {}, errors = {}, added }: EmailDomainsPageProps) {
  return (
    <Layout context={context} title="Domaines de messagerie" breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Administration", href: "/admin" }]}>
      <h1>Domaines de messagerie</h1>
      <p>
        Une personne peut se connecter par lien si son adresse appartient à l’un des {referenceCount.toLocaleString("fr-FR")} domaines d’organismes publics de la liste de
        référence (DINUM) ou à un domaine ajouté ici.
      </p>
      {added ? <Alert kind="success">Le domaine {added} est ajouté.</Alert> : null}
      <h2 className="fr-h4">Ajouter un domaine</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/domaines" noValidate>
        <CsrfField token={context.csrfToken} />
        <InputField name="domain" label="Nom de domaine" hint="Par exemple : agriculture.gouv.fr" required maxLength={253} spellCheck={false} value={values.domain} error={errors.domain} />
        <SelectField name="organisationId" label="Organisation rattachée (facultatif)" hint="Les nouveaux comptes de ce domaine y seront rattachés." options={organisations} value={values.organisationId} error={errors.organisationId} placeholder="Aucune" />
        <button className="fr-btn" type="submit">
          Ajouter le domaine
        </button>
      </form>
      <h2 className="fr-h4 fr-mt-5w">Domaines connus de la plateforme</h2>
      <Table
        caption={`Domaines ajoutés ou rattachés à une organisation (${domains.length})`}
        columns={["Domaine", "Organisation", "Ajouté le"]}
        rows={domains.map((domain) => [domain.domain, domain.organisationName ?? "—", formatDate(domain.createdAt)])}
      />
    </Layout>
  );
}
