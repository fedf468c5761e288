import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, type Option, SelectField, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { stateLabel, type ProposalState } from "../domain/proposal-states.ts";
import { licences, skillRows } from "../schemas.ts";

export type ProposalFormValues = Partial<Record<string, string | string[]>>;
export type SimilarProposal = { id: string; title: string };

export type ProposalFormPageProps = {
  context: PageContext;
  proposalId: string | null;
  state: ProposalState;
  version: number;
  informationRequest: string | null;
  values: ProposalFormValues;
  errors?: FieldErrors;
  saved?: boolean;
  skills: Option[];
  organisations: (Option & { depth: number })[];
  similar: SimilarProposal[];
};

const text = (values: ProposalFormValues, name: string) => {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
};

const levels = [
  { value: "1", label: "Curieux·se" },
  { value: "2", label: "Je connais" },
  { value: "3", label: "Expert·e" },
];

export function ProposalFormPage({ context, proposalId, state, version, informationRequest, values, errors = {}, saved, skills, organisations, similar }: ProposalFormPageProps) {
  const action = proposalId ? `/appel-a-projets/${proposalId}/modifier` : "/appel-a-projets/propositions/nouvelle";
  const answering = state === "information_requested";
  const participating = Array.isArray(values.participatingOrganisationIds) ? values.participatingOrganisationIds : typeof values.participatingOrganisationIds === "string" ? [values.participatingOrganisationIds] : [];
  const title = proposalId ? "Modifier ma proposition" : "Proposer un projet";
  const textarea = (name: string, label: string, hint?: string) => (
    <TextareaField name={name} label={label} {...(hint ? { hint } : {})} value={text(values, name)} error={errors[name]} required rows={4} maxLength={5000} />
  );
  return (
    <Layout context={context} title={title} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Appel à projets", href: "/appel-a-projets" }]}>
      <h1>{title}</h1>
      <p>
        État&nbsp;: {stateLabel(state)}. Sauf mention contraire, tous les champs sont obligatoires pour déposer. «&nbsp;Enregistrer le brouillon&nbsp;» ne demande que le titre.
      </p>
      {saved ? <Alert kind="success" title="Brouillon enregistré" /> : null}
      {answering && informationRequest ? (
        <Alert kind="warning" title="Des informations vous sont demandées">
          <p>{informationRequest}</p>
        </Alert>
      ) : null}
      {similar.length > 0 ? (
        <Alert kind="info" title="Des propositions proches existent déjà">
          <p>Des propositions proches existent déjà&nbsp;: lisez-les, vous pourriez les soutenir («&nbsp;Nous aussi&nbsp;») plutôt que d’en déposer une nouvelle.</p>
          <ul>
            {similar.map((proposal) => (
              <li key={proposal.id}>
                <a href={`/appel-a-projets/${proposal.id}`}>{proposal.title}</a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={{ skills: "skill0", participatingOrganisationIds: "participatingOrganisationIds" }} />
      <form method="post" action={action} noValidate>
        <CsrfField token={context.csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        <InputField name="title" label="Titre de la proposition" value={text(values, "title")} error={errors.title} required maxLength={200} />
        <h2 className="fr-h5 fr-mt-4w">Le problème et le besoin</h2>
        {textarea("problem", "Problème à résoudre")}
        {textarea("needHolders", "Qui a le besoin", "Les utilisateurs ou services nommés qui attendent le résultat.")}
        {textarea("expectedImpact", "Impact attendu")}
        {textarea("successIndicators", "Indicateurs de succès", "Ce que l’on mesurera à la fin de la saison.")}
        <h2 className="fr-h5 fr-mt-4w">Les données et le code</h2>
        {textarea("dataSources", "Sources de données")}
        {textarea("dataAccess", "Accès aux données", "Comment les participants y accéderont (ouvertes, convention, habilitation…).")}
        <InputField name="codeRepository" type="url" label="Dépôt de code (facultatif)" hint="Adresse commençant par https://, si le dépôt existe déjà." value={text(values, "codeRepository")} error={errors.codeRepository} maxLength={500} />
        <SelectField name="codeLicence" label="Licence du code" options={licences.map((licence) => ({ value: licence, label: licence }))} value={text(values, "codeLicence")} error={errors.codeLicence} required placeholder="Choisir une licence" />
        <h2 className="fr-h5 fr-mt-4w">Les compétences recherchées</h2>
        <p className="fr-hint-text">Au moins une. Laissez vides les lignes inutiles.</p>
        {Array.from({ length: skillRows }, (_, row) => (
          <fieldset className="fr-fieldset" key={row} aria-labelledby={`skill-row-${row}`}>
            <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={`skill-row-${row}`}>
              Compétence {row + 1}
            </legend>
            <div className="fr-fieldset__element">
              <SelectField name={`skill${row}`} label="Compétence" options={skills} value={text(values, `skill${row}`)} error={row === 0 ? errors.skills : undefined} placeholder="Aucune" />
            </div>
            <div className="fr-fieldset__element fr-fieldset__element--inline">
              <SelectField name={`skillLevel${row}`} label="Niveau attendu" options={levels} value={text(values, `skillLevel${row}`) ?? "2"} placeholder="Choisir un niveau" />
            </div>
            <div className="fr-fieldset__element fr-fieldset__element--inline">
              <SelectField
                name={`skillRequired${row}`}
                label="Indispensable ou souhaitée"
                options={[
                  { value: "required", label: "Indispensable" },
                  { value: "optional", label: "Souhaitée" },
                ]}
                value={text(values, `skillRequired${row}`) ?? "required"}
                placeholder="Choisir"
              />
            </div>
          </fieldset>
        ))}
        <h2 className="fr-h5 fr-mt-4w">La saison et après</h2>
        {textarea("deliverable", "Livrable")}
        {textarea("milestones", "Jalons de la saison")}
        {textarea("upkeep", "Maintien après la saison", "Qui fera vivre le résultat une fois la saison terminée.")}
        <h2 className="fr-h5 fr-mt-4w">Les organisations</h2>
        <SelectField
          name="sponsorOrganisationId"
          label="Organisation qui porte la proposition"
          options={organisations.map((organisation) => ({ value: organisation.value, label: `${"\u00a0\u00a0".repeat(organisation.depth)}${organisation.label}` }))}
          value={text(values, "sponsorOrganisationId")}
          error={errors.sponsorOrganisationId}
          required
          placeholder="Choisir une organisation"
        />
        <div className={`fr-select-group${errors.participatingOrganisationIds ? " fr-select-group--error" : ""}`}>
          <label className="fr-label" htmlFor="participatingOrganisationIds">
            Organisations participantes (facultatif)
            <span className="fr-hint-text">Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.</span>
          </label>
          <select className="fr-select" id="participatingOrganisationIds" name="participatingOrganisationIds" multiple size={6} defaultValue={participating} aria-describedby="participatingOrganisationIds-messages">
            {organisations.map((organisation) => (
              <option key={organisation.value} value={organisation.value}>
                {`${"\u00a0\u00a0".repeat(organisation.depth)}${organisation.label}`}
              </option>
            ))}
          </select>
          <div className="fr-messages-group" id="participatingOrganisationIds-messages" aria-live="polite">
            {errors.participatingOrganisationIds ? <p className="fr-message fr-message--error">{errors.participatingOrganisationIds}</p> : null}
          </div>
        </div>
        {answering ? (
          <TextareaField name="answer" label="Votre réponse à la question posée" value={text(values, "answer")} error={errors.answer} required rows={4} maxLength={2000} />
        ) : null}
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          {state === "draft" ? (
            <li>
              <button className="fr-btn fr-btn--secondary" type="submit" name="intent" value="draft">
                Enregistrer le brouillon
              </button>
            </li>
          ) : null}
          <li>
            <button className="fr-btn" type="submit" name="intent" value="submit">
              {answering ? "Envoyer la réponse" : "Déposer"}
            </button>
          </li>
        </ul>
      </form>
    </Layout>
  );
}
