import { Alert } from "../../../ui/alert.tsx";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, type Option, SelectField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { kindLabel } from "../domain/organisation-kinds.ts";
import { organisationsBreadcrumb } from "./breadcrumb.ts";

export type MergeSide = {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
  siren: string | null;
  siret: string | null;
  referenceId: string | null;
  ministryName: string | null;
  domains: string[];
  accounts: number;
  roleGrants: number;
  children: number;
};

export type MergePageProps = {
  context: PageContext;
  source: MergeSide;
  /** Set once the organisation to keep is chosen: the page then asks for confirmation. */
  target: MergeSide | null;
  targetOptions: Option[];
  chosenId: string;
  errors: FieldErrors;
};

function describe(side: MergeSide): string {
  return `«\u00a0${side.name}\u00a0»${side.acronym ? ` (${side.acronym})` : ""}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count}\u00a0${count > 1 ? many : one}`;
}

/** What the merge will do, item by item, before the programme team confirms it. */
function MergeSummary({ source, target }: { source: MergeSide; target: MergeSide }) {
  const identifiers: string[] = [];
  const lost: string[] = [];
  const pairs: [label: string, from: string | null, to: string | null][] = [
    ["le SIREN", source.siren, target.siren],
    ["le SIRET", source.siret, target.siret],
    ["l’identifiant du référentiel de l’État", source.referenceId, target.referenceId],
    ["le sigle", source.acronym, target.acronym],
  ];
  for (const [label, from, to] of pairs) {
    if (!from || from === to) continue;
    if (to) lost.push(`${label} ${from}`);
    else identifiers.push(`${label} ${from}`);
  }
  return (
    <>
      <h2>Ce que la fusion va faire</h2>
      <ul>
        <li>
          {source.accounts === 0
            ? `Aucun compte n’est rattaché à ${describe(source)}.`
            : `${plural(source.accounts, "compte rattaché", "comptes rattachés")} à ${describe(source)} ${source.accounts > 1 ? "passent" : "passe"} à ${describe(target)}.`}
        </li>
        <li>
          {source.roleGrants === 0
            ? "Aucun rôle d’administrateur ou administratrice ministériel·le des données à déplacer."
            : `${plural(source.roleGrants, "rôle", "rôles")} d’administrateur ou administratrice ministériel·le des données sur ${describe(source)} ${source.roleGrants > 1 ? "passent" : "passe"} sur ${describe(target)} (un rôle que la personne y détient déjà n’est pas dupliqué).`}
        </li>
        <li>
          {source.domains.length === 0 ? "Aucun domaine de messagerie à déplacer." : `Domaines de messagerie déplacés\u00a0: ${source.domains.join(", ")}.`}
        </li>
        <li>{source.children === 0 ? "Aucune organisation rattachée à déplacer." : `${plural(source.children, "organisation rattachée", "organisations rattachées")} à ${describe(source)} le ${source.children > 1 ? "seront" : "sera"} à ${describe(target)}.`}</li>
        {identifiers.length > 0 ? <li>{describe(target)} reprend {identifiers.join(", ")}.</li> : null}
        {lost.length > 0 ? <li>{describe(target)} garde ses propres identifiants&nbsp;: {lost.join(", ")} de la source ne {lost.length > 1 ? "sont" : "est"} pas repris.</li> : null}
        <li>
          {describe(source)} est ensuite supprimée, et les ministères de rattachement sont recalculés. <strong>Cette opération ne peut pas être annulée.</strong>
        </li>
      </ul>
    </>
  );
}

/** Merging a duplicate: choose the organisation to keep, then confirm what moves. */
export function MergePage({ context, source, target, targetOptions, chosenId, errors }: MergePageProps) {
  const title = `Fusionner «\u00a0${source.name}\u00a0»`;
  const action = `/admin/organisations/${source.id}/fusionner`;
  return (
    <Layout context={context} title={target && Object.keys(errors).length === 0 ? `Confirmer la fusion — ${title}` : title} hasErrors={Object.keys(errors).length > 0} breadcrumb={organisationsBreadcrumb}>
      <h1>{title}</h1>
      <p className="fr-text--lead">
        Pour un doublon&nbsp;: tout ce qui est rattaché à «&nbsp;{source.name}&nbsp;» ({kindLabel(source.kind).toLowerCase()}
        {source.ministryName ? `, ${source.ministryName}` : ""}) passe à l’organisation gardée, puis «&nbsp;{source.name}&nbsp;» est supprimée.
      </p>
      <ErrorSummary errors={errors} />
      {target ? (
        <>
          <Alert kind="warning" title={`Fusionner dans «\u00a0${target.name}\u00a0»\u00a0?`}>
            <p>Vérifiez ce qui va changer avant de confirmer.</p>
          </Alert>
          <MergeSummary source={source} target={target} />
          <form method="post" action={action} noValidate>
            <CsrfField token={context.csrfToken} />
            <input type="hidden" name="cible" value={target.id} />
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <Button type="submit">Confirmer la fusion</Button>
              </li>
              <li>
                <ButtonLink href={action} variant="secondary">
                  Choisir une autre organisation
                </ButtonLink>
              </li>
            </ul>
          </form>
        </>
      ) : (
        <form method="get" action={action} noValidate>
          <SelectField
            name="cible"
            label="Organisation à garder"
            hint={"Les organisations qui dépendent de celle-ci ne sont pas proposées\u00a0: elles seront rattachées à l’organisation gardée."}
            required
            options={targetOptions}
            value={chosenId}
            error={errors.cible}
            placeholder="Choisir l’organisation à garder"
          />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="submit">Voir ce que la fusion va faire</Button>
            </li>
            <li>
              <ButtonLink href={`/admin/organisations/${source.id}`} variant="secondary">
                Annuler
              </ButtonLink>
            </li>
          </ul>
        </form>
      )}
    </Layout>
  );
}
