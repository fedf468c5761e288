import type { FormValues } from "../../../http/forms.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, type Option, RadioGroup, SelectField, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { maxSkillRows, maxWhyJoinLength, needLevelLabels, rhythmLabels } from "./needs-form.ts";

export type NeedsPageModel = {
  projectTitle: string;
  projectPath: string;
  seasonName: string;
  /** `?saison=<slug>` kept in the forms' addresses. */
  query: string;
  skillOptions: Option[];
  values: FormValues;
  errors: FieldErrors;
  saved: boolean;
  /** The programme team names and removes leads; null for a lead. */
  leads: { list: { userId: string; name: string; implicit: boolean }[]; email: string; error?: string | undefined; done?: string | null } | null;
};

function value(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

export function NeedsPage({ context, model }: { context: PageContext; model: NeedsPageModel }) {
  const { values, errors } = model;
  const action = `${model.projectPath}/equipe-recherchee${model.query}`;
  const levelOptions = Object.entries(needLevelLabels).map(([key, label]) => ({ value: key, label }));
  const needOptions = [
    { value: "required", label: "Indispensable" },
    { value: "welcome", label: "Bienvenue" },
  ];
  const title = `Équipe recherchée — ${model.projectTitle}`;
  return (
    <Layout
      context={context}
      title={title}
      hasErrors={Object.keys(errors).length > 0 || Boolean(model.leads?.error)}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Projets", href: "/projets" },
        { label: model.projectTitle, href: model.projectPath },
      ]}
    >
      <h1>Équipe recherchée</h1>
      <p className="fr-text--lead">
        {model.projectTitle}, {model.seasonName.replace(/^Saison/, "saison")}
      </p>
      {model.saved ? <Alert kind="success">L’équipe recherchée est enregistrée. Elle est affichée sur la page du projet.</Alert> : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} noValidate>
        <CsrfField token={context.csrfToken} />
        <fieldset className="fr-fieldset" aria-labelledby="taille-legend">
          <legend className="fr-fieldset__legend" id="taille-legend">
            Taille de l’équipe
          </legend>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <InputField name="minSize" label="Minimum de personnes" type="number" inputMode="numeric" required value={value(values, "minSize")} error={errors.minSize} />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <InputField name="maxSize" label="Maximum de personnes" hint="Au plus 50." type="number" inputMode="numeric" required value={value(values, "maxSize")} error={errors.maxSize} />
          </div>
        </fieldset>
        <h2 className="fr-h4">Compétences recherchées</h2>
        <p className="fr-hint-text">Jusqu’à {maxSkillRows}&nbsp;compétences. Laissez une ligne vide pour ne rien demander.</p>
        {Array.from({ length: maxSkillRows }, (_, index) => index + 1).map((row) => (
          <fieldset className="fr-fieldset" aria-labelledby={`competence-${row}-legend`} key={row}>
            <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={`competence-${row}-legend`}>
              Compétence n°&nbsp;{row}
            </legend>
            <div className="fr-fieldset__element fr-fieldset__element--inline">
              <SelectField name={`skill-${row}`} label="Compétence" options={model.skillOptions} value={value(values, `skill-${row}`)} error={errors[`skill-${row}`]} placeholder="Aucune" />
            </div>
            <div className="fr-fieldset__element fr-fieldset__element--inline">
              <SelectField name={`level-${row}`} label="Niveau attendu" options={levelOptions} value={value(values, `level-${row}`)} error={errors[`level-${row}`]} />
            </div>
            <div className="fr-fieldset__element fr-fieldset__element--inline">
              <SelectField name={`need-${row}`} label="Importance" options={needOptions} value={value(values, `need-${row}`)} error={errors[`need-${row}`]} />
            </div>
          </fieldset>
        ))}
        <RadioGroup
          name="rhythm"
          legend="Rythme de travail"
          required
          inline
          options={Object.entries(rhythmLabels).map(([key, label]) => ({ value: key, label }))}
          value={value(values, "rhythm")}
          error={errors.rhythm}
        />
        <TextareaField name="whyJoin" label="Pourquoi nous rejoindre" hint={`En quelques phrases, au plus ${maxWhyJoinLength}\u00a0caractères.`} rows={4} maxLength={maxWhyJoinLength} value={value(values, "whyJoin")} error={errors.whyJoin} />
        <button className="fr-btn" type="submit">
          Enregistrer l’équipe recherchée
        </button>
      </form>
      {model.leads ? <LeadsSection model={model} action={`${model.projectPath}/equipe-recherchee/porteurs${model.query}`} csrfToken={context.csrfToken} /> : null}
    </Layout>
  );
}

function LeadsSection({ model, action, csrfToken }: { model: NeedsPageModel; action: string; csrfToken: string }) {
  const leads = model.leads!;
  return (
    <section aria-labelledby="porteurs" className="fr-mt-6w">
      <h2 id="porteurs">Porteurs et porteuses du projet</h2>
      {leads.done ? <Alert kind="success">{leads.done}</Alert> : null}
      {leads.list.length === 0 ? (
        <p>Aucun porteur ni porteuse pour cette saison.</p>
      ) : (
        <ul>
          {leads.list.map((lead) => (
            <li key={lead.userId}>
              {lead.name}
              {lead.implicit ? (
                " (auteur·rice de la proposition retenue)"
              ) : (
                <form method="post" action={`${model.projectPath}/equipe-recherchee/porteurs/${lead.userId}/retirer${model.query}`} className="fr-display-inline-block fr-ml-2w">
                  <CsrfField token={csrfToken} />
                  <button className="fr-btn fr-btn--sm fr-btn--tertiary" type="submit" title={`Retirer ${lead.name} des porteurs`}>
                    Retirer
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={action} noValidate>
        <CsrfField token={csrfToken} />
        <InputField name="leadEmail" label="Nommer un porteur ou une porteuse" hint="Adresse électronique d’un membre de la communauté." type="email" autoComplete="off" value={leads.email} error={leads.error} />
        <button className="fr-btn fr-btn--secondary" type="submit">
          Nommer
        </button>
      </form>
    </section>
  );
}
