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
  leads: NamedMembers | null;
  /** The programme team names and removes coaches; null for a lead. */
  coaches: NamedMembers | null;
};

/** Members the programme team names (leads, coaches): the list, the form's address and error, a confirmation. */
export type NamedMembers = { list: { userId: string; name: string; implicit: boolean }[]; email: string; error?: string | undefined; done?: string | null };

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
      hasErrors={Object.keys(errors).length > 0 || Boolean(model.leads?.error) || Boolean(model.coaches?.error)}
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
      {model.leads ? <NamedMembersSection model={model} members={model.leads} kind={namedSections.lead} csrfToken={context.csrfToken} /> : null}
      {model.coaches ? <NamedMembersSection model={model} members={model.coaches} kind={namedSections.coach} csrfToken={context.csrfToken} /> : null}
    </Layout>
  );
}

/** What the leads' and the coaches' sections say (the routes are `…/equipe-recherchee/<segment>`). */
const namedSections = {
  lead: {
    id: "porteurs",
    segment: "porteurs",
    field: "leadEmail",
    title: "Porteurs et porteuses du projet",
    none: "Aucun porteur ni porteuse pour cette saison.",
    label: "Nommer un porteur ou une porteuse",
    hint: "Adresse électronique d’un membre de la communauté.",
    removeTitle: (name: string) => `Retirer ${name} des porteurs`,
  },
  coach: {
    id: "coachs",
    segment: "coachs",
    field: "coachEmail",
    title: "Coachs du projet",
    none: "Aucun ou aucune coach pour cette saison.",
    label: "Nommer un ou une coach",
    hint: "Adresse électronique d’un membre de la communauté qui a le rôle de coach. Un ou une coach peut accompagner plusieurs projets.",
    removeTitle: (name: string) => `Retirer ${name} des coachs`,
  },
};

function NamedMembersSection({ model, members, kind, csrfToken }: { model: NeedsPageModel; members: NamedMembers; kind: (typeof namedSections)[keyof typeof namedSections]; csrfToken: string }) {
  const base = `${model.projectPath}/equipe-recherchee/${kind.segment}`;
  return (
    <section aria-labelledby={kind.id} className="fr-mt-6w">
      <h2 id={kind.id}>{kind.title}</h2>
      {members.done ? <Alert kind="success">{members.done}</Alert> : null}
      {members.list.length === 0 ? (
        <p>{kind.none}</p>
      ) : (
        <ul>
          {members.list.map((member) => (
            <li key={member.userId}>
              {member.name}
              {member.implicit ? (
                " (auteur·rice de la proposition retenue)"
              ) : (
                <form method="post" action={`${base}/${member.userId}/retirer${model.query}`} className="fr-display-inline-block fr-ml-2w">
                  <CsrfField token={csrfToken} />
                  <button className="fr-btn fr-btn--sm fr-btn--tertiary" type="submit" title={kind.removeTitle(member.name)}>
                    Retirer
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}${model.query}`} noValidate>
        <CsrfField token={csrfToken} />
        <InputField name={kind.field} label={kind.label} hint={kind.hint} type="email" autoComplete="off" value={members.email} error={members.error} />
        <button className="fr-btn fr-btn--secondary" type="submit">
          Nommer
        </button>
      </form>
    </section>
  );
}
