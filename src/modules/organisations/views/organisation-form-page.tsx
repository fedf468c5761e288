import { Alert } from "../../../ui/alert.tsx";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, type Option, SelectField, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { kindLabel, kindLabels, organisationKindValues } from "../domain/organisation-kinds.ts";
import { organisationsBreadcrumb } from "./breadcrumb.ts";

export type OrganisationFormValues = { name: string; acronym: string; kind: string; parentId: string; siren: string; siret: string; domains: string };

/** What the edit page shows of the stored organisation beside the form. */
export type StoredOrganisation = {
  id: string;
  name: string;
  kind: string;
  referenceId: string | null;
  ministryName: string | null;
  isOwnMinistry: boolean;
  accounts: number;
  children: { id: string; name: string; kind: string }[];
};

export type OrganisationFormPageProps = {
  context: PageContext;
  organisation: StoredOrganisation | null;
  values: OrganisationFormValues;
  errors: FieldErrors;
  parentOptions: Option[];
  notice?: "saved" | "merged" | undefined;
};

const kindOptions: Option[] = organisationKindValues.map((kind) => ({
  value: kind,
  label: { ministry: `${kindLabels.ministry} (le ministère lui-même)`, body: `${kindLabels.body} (établissement public, autorité, agence…)`, service: `${kindLabels.service} (direction, sous-direction, bureau…)` }[kind],
}));

function MinistryLine({ organisation }: { organisation: StoredOrganisation }) {
  if (organisation.isOwnMinistry) return <p>C’est un ministère&nbsp;: les organisations qui en dépendent lui sont rattachées.</p>;
  if (organisation.ministryName) {
    return (
      <p>
        Ministère de rattachement, déduit de la hiérarchie&nbsp;: <strong>{organisation.ministryName}</strong>.
      </p>
    );
  }
  return <p>Aucun ministère de rattachement&nbsp;: ni cette organisation ni celles dont elle dépend ne sont un ministère.</p>;
}

/** Creation and edition of an organisation; the ministry is derived from the parent chosen. */
export function OrganisationFormPage({ context, organisation, values, errors, parentOptions, notice }: OrganisationFormPageProps) {
  const title = organisation ? `Modifier «\u00a0${organisation.name}\u00a0»` : "Nouvelle organisation";
  const action = organisation ? `/admin/organisations/${organisation.id}` : "/admin/organisations/nouvelle";
  return (
    <Layout context={context} title={title} hasErrors={Object.keys(errors).length > 0} breadcrumb={organisationsBreadcrumb}>
      <h1>{title}</h1>
      {notice === "saved" ? <Alert kind="success" title="Organisation enregistrée" /> : null}
      {notice === "merged" ? (
        <Alert kind="success" title="Fusion faite">
          <p>Les comptes, domaines, organisations rattachées et rôles de l’organisation fusionnée sont désormais ceux de celle-ci.</p>
        </Alert>
      ) : null}
      {organisation ? (
        <div className="fr-mb-4w">
          <MinistryLine organisation={organisation} />
          <p>
            {organisation.accounts === 0 ? "Aucun compte n’y est rattaché." : `${organisation.accounts} compte${organisation.accounts > 1 ? "s y sont rattachés" : " y est rattaché"}.`}
            {organisation.referenceId ? (
              <>
                {" "}
                Identifiant dans le référentiel de l’État&nbsp;: <code>{organisation.referenceId}</code>.
              </>
            ) : null}
          </p>
          {organisation.children.length > 0 ? (
            <>
              <h2 className="fr-h6">Organisations rattachées ({organisation.children.length})</h2>
              <ul>
                {organisation.children.map((child) => (
                  <li key={child.id}>
                    <a href={`/admin/organisations/${child.id}`}>{child.name}</a> ({kindLabel(child.kind).toLowerCase()})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} noValidate>
        <CsrfField token={context.csrfToken} />
        <InputField name="name" label="Nom" hint={"Le nom officiel, par exemple «\u00a0Direction interministérielle du numérique\u00a0»."} required maxLength={300} value={values.name} error={errors.name} />
        <InputField name="acronym" label="Sigle (facultatif)" hint={"Par exemple\u00a0: DINUM."} maxLength={40} value={values.acronym} error={errors.acronym} />
        <SelectField name="kind" label="Type" required options={kindOptions} value={values.kind} error={errors.kind} placeholder="Choisir le type" />
        <SelectField
          name="parentId"
          label="Organisation parente (facultatif)"
          hint={"Pour rattacher cette organisation à un ministère, choisissez ce ministère, ou l’un de ses organismes ou services, comme organisation parente\u00a0: son ministère de rattachement en est déduit."}
          options={parentOptions}
          value={values.parentId}
          error={errors.parentId}
          placeholder="Aucune (organisation de premier niveau)"
        />
        <InputField name="siren" label="SIREN (facultatif)" hint="9 chiffres, par exemple 130 025 265." inputMode="numeric" maxLength={40} value={values.siren} error={errors.siren} />
        <InputField
          name="siret"
          label="SIRET (facultatif)"
          hint={"14 chiffres\u00a0: le SIREN suivi de 5 chiffres. ProConnect transmet le SIRET de l’agent\u00a0: il sert à le rattacher."}
          inputMode="numeric"
          maxLength={40}
          value={values.siret}
          error={errors.siret}
        />
        <TextareaField
          name="domains"
          label="Domaines de messagerie (facultatif)"
          hint="Un domaine par ligne, par exemple agriculture.gouv.fr. Les personnes dont l’adresse est à l’un de ces domaines peuvent se connecter et sont rattachées à cette organisation. Effacez une ligne pour retirer un domaine."
          rows={4}
          maxLength={5000}
          value={values.domains}
          error={errors.domains}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit">{organisation ? "Enregistrer les modifications" : "Créer l’organisation"}</Button>
          </li>
          {organisation ? (
            <li>
              <ButtonLink href={`/admin/organisations/${organisation.id}/fusionner`} variant="secondary">
                Fusionner avec une autre organisation
              </ButtonLink>
            </li>
          ) : null}
        </ul>
      </form>
    </Layout>
  );
}
