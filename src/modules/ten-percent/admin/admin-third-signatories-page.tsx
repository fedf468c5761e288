import type { FormValues } from "../../../http/forms.ts";
import { formatDate } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, type Option, RadioGroup, SelectField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import { thirdSignatoryKindLabels } from "../domain/agreement-states.ts";
import { adminAgreementsPath, adminThirdSignatoriesPath } from "./admin-agreements-page.tsx";
import type { ThirdSignatory } from "./third-signatories-repository.ts";

export const removeThirdSignatoryPath = `${adminThirdSignatoriesPath}/supprimer`;

export type AdminThirdSignatoriesModel = {
  signatories: (ThirdSignatory & { ministryName: string })[];
  ministries: Option[];
  values: FormValues;
  errors: FieldErrors;
  notice: "saved" | "removed" | null;
};

function value(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

/** The third signatory of each ministry (HR or its data administrator), asked on every agreement of its agents. */
export function AdminThirdSignatoriesPage({ context, model }: { context: PageContext; model: AdminThirdSignatoriesModel }) {
  const title = "Signataires par ministère";
  const { values, errors } = model;
  return (
    <Layout context={context} title={title} hasErrors={Object.keys(errors).length > 0} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Administration", href: "/admin" }, { label: "Conventions 10\u00a0%", href: adminAgreementsPath }]}>
      <h1>{title}</h1>
      {model.notice === "saved" ? <Alert kind="success">Le ou la signataire est enregistré·e.</Alert> : null}
      {model.notice === "removed" ? <Alert kind="success">Le ou la signataire est retiré·e.</Alert> : null}
      <p>
        Pour un ministère, un troisième signataire (les ressources humaines ou l’administrateur ou l’administratrice ministériel·le des données) peut être demandé en plus du ou de la manager sur chaque
        convention 10&nbsp;% de ses agents. Le changement vaut pour les conventions envoyées ensuite&nbsp;; celles déjà envoyées gardent leurs signataires.
      </p>
      {model.signatories.length === 0 ? (
        <p>Aucun ministère n’a de troisième signataire&nbsp;: seul le ou la manager signe les conventions.</p>
      ) : (
        <Table
          caption="Troisièmes signataires par ministère"
          columns={["Ministère", "Rôle", "Nom", "Adresse électronique", "Mis à jour le", "Action"]}
          rowHeaders
          rows={model.signatories.map((signatory) => [
            signatory.ministryName,
            thirdSignatoryKindLabels[signatory.kind],
            signatory.name,
            signatory.email,
            formatDate(signatory.updatedAt),
            <form key="remove" method="post" action={removeThirdSignatoryPath}>
              <CsrfField token={context.csrfToken} />
              <input type="hidden" name="ministryId" value={signatory.ministryId} />
              <button className="fr-btn fr-btn--tertiary fr-btn--sm" type="submit">
                Retirer<span className="fr-sr-only"> le ou la signataire de {signatory.ministryName}</span>
              </button>
            </form>,
          ])}
        />
      )}
      <section aria-labelledby="definir-signataire" className="fr-mt-6w">
        <h2 id="definir-signataire">Définir le ou la signataire d’un ministère</h2>
        <p>Un ministère qui en a déjà un en change.</p>
        <ErrorSummary errors={errors} fieldIds={{ kind: "kind-fieldset" }} />
        <form method="post" action={adminThirdSignatoriesPath} noValidate>
          <CsrfField token={context.csrfToken} />
          <SelectField name="ministryId" label="Ministère" required options={model.ministries} value={value(values, "ministryId")} error={errors.ministryId} placeholder="Choisir un ministère" />
          <RadioGroup name="kind" legend="Rôle" required options={Object.entries(thirdSignatoryKindLabels).map(([key, label]) => ({ value: key, label }))} value={value(values, "kind")} error={errors.kind} />
          <InputField name="name" label="Nom" required autoComplete="off" value={value(values, "name")} error={errors.name} />
          <InputField name="email" label="Adresse électronique" hint="Son adresse professionnelle, par exemple prenom.nom@ministere.gouv.fr" type="email" required autoComplete="off" value={value(values, "email")} error={errors.email} />
          <button className="fr-btn" type="submit">
            Enregistrer
          </button>
        </form>
      </section>
    </Layout>
  );
}
