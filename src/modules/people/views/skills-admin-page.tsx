import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, SelectField, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import { skillCategories } from "../domain/skill-vocabulary.ts";
import type { Skill, SkillWithUsage } from "../repository.ts";
import { profilePath, skillPagePath } from "./profile-page.tsx";
import { RequiredFieldsMention } from "./required-fields-mention.tsx";

const adminBreadcrumb = [
  { label: "Accueil", href: "/" },
  { label: "Administration", href: "/admin" },
];

function categoryLabel(key: string): string {
  return skillCategories.find((category) => category.key === key)?.label ?? key;
}

function memberCount(count: number): string {
  return count === 0 ? "aucun membre" : count === 1 ? "1 membre" : `${count} membres`;
}

export type SkillsAdminPageProps = {
  context: PageContext;
  skills: SkillWithUsage[];
  notice?: string | undefined;
  /** A refused merge: the proposal concerned and the error at its field. */
  mergeErrors?: { skillId: string; errors: FieldErrors } | undefined;
};

/** `/admin/competences`: the vocabulary by category, and the members' proposals to accept or merge. */
export function SkillsAdminPage({ context, skills, notice, mergeErrors }: SkillsAdminPageProps) {
  const accepted = skills.filter((skill) => skill.status === "accepted");
  const proposed = skills.filter((skill) => skill.status === "proposed");
  const targets = skillCategories.flatMap((category) =>
    accepted.filter((skill) => skill.category === category.key).map((skill) => ({ value: skill.id, label: `${skill.name} (${category.label})` })),
  );
  return (
    <Layout context={context} title={`${mergeErrors ? "Erreur\u00a0: " : ""}Vocabulaire des compétences`} breadcrumb={adminBreadcrumb}>
      <h1>Vocabulaire des compétences</h1>
      <p>
        Les membres choisissent leurs compétences dans cette liste et peuvent en proposer de nouvelles. Acceptez une proposition, ou fusionnez-la avec une compétence existante :
        ses membres gardent leur niveau le plus élevé et son nom devient un synonyme. Comme dans l’annuaire, les membres comptés sont ceux qui ont terminé leur
        inscription.
      </p>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {mergeErrors ? <ErrorSummary errors={Object.fromEntries(Object.entries(mergeErrors.errors).map(([field, message]) => [`${field}-${mergeErrors.skillId}`, message]))} /> : null}

      <h2 className="fr-mt-4w" id="propositions">
        Propositions des membres ({proposed.length})
      </h2>
      {proposed.length === 0 ? <p>Aucune proposition en attente.</p> : null}
      {proposed.map((skill) => {
        const error = mergeErrors?.skillId === skill.id ? mergeErrors.errors.targetId : undefined;
        return (
          <section key={skill.id} className="fr-p-3w fr-mb-3w fr-background-alt--grey" aria-labelledby={`proposition-${skill.id}`}>
            <h3 className="fr-h5" id={`proposition-${skill.id}`}>
              {skill.name}
            </h3>
            <p>
              {categoryLabel(skill.category)} — proposée par{" "}
              {skill.proposerName ? skill.proposerSlug ? <a href={profilePath(skill.proposerSlug)}>{skill.proposerName}</a> : skill.proposerName : "un compte supprimé"} —{" "}
              {memberCount(skill.memberCount)}
            </p>
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-5">
                <form method="post" action={`/admin/competences/${skill.id}/accepter`}>
                  <CsrfField token={context.csrfToken} />
                  <button className="fr-btn fr-mb-2w" type="submit">
                    Accepter « {skill.name} »
                  </button>
                </form>
                <p>
                  <a href={`/admin/competences/${skill.id}`}>Modifier le nom, la catégorie ou les synonymes avant d’accepter</a>
                </p>
              </div>
              <div className="fr-col-12 fr-col-md-7">
                <form method="post" action={`/admin/competences/${skill.id}/fusionner`} noValidate>
                  <CsrfField token={context.csrfToken} />
                  <SelectField id={`targetId-${skill.id}`} name="targetId" label={`Fusionner « ${skill.name} » avec`} options={targets} error={error} placeholder="Choisir une compétence" />
                  <button className="fr-btn fr-btn--secondary" type="submit">
                    Fusionner
                  </button>
                </form>
              </div>
            </div>
          </section>
        );
      })}

      <h2 className="fr-mt-6w">Compétences de la liste ({accepted.length})</h2>
      {skillCategories.map((category) => {
        const inCategory = accepted.filter((skill) => skill.category === category.key);
        if (inCategory.length === 0) return null;
        return (
          <Table
            key={category.key}
            caption={category.label}
            columns={["Compétence", "Synonymes", "Membres", "Action"]}
            rowHeaders
            rows={inCategory.map((skill) => [
              <a key="name" href={skillPagePath(skill.slug)}>
                {skill.name}
              </a>,
              skill.synonyms.join(", ") || "—",
              String(skill.memberCount),
              <a key="edit" href={`/admin/competences/${skill.id}`} title={`Modifier « ${skill.name} »`}>
                Modifier
              </a>,
            ])}
          />
        );
      })}
    </Layout>
  );
}

export type SkillEditPageProps = {
  context: PageContext;
  skill: Skill & { proposerName: string | null };
  values: { name: string; category: string; synonyms: string };
  errors?: FieldErrors;
};

/** `/admin/competences/:id`: name, category and synonyms of a skill; a proposal is accepted on saving. */
export function SkillEditPage({ context, skill, values, errors = {} }: SkillEditPageProps) {
  const proposed = skill.status === "proposed";
  const title = proposed ? `Accepter la proposition « ${skill.name} »` : `Modifier « ${skill.name} »`;
  return (
    <Layout
      context={context}
      title={`${Object.keys(errors).length > 0 ? "Erreur\u00a0: " : ""}${title}`}
      breadcrumb={[...adminBreadcrumb, { label: "Vocabulaire des compétences", href: "/admin/competences" }]}
    >
      <h1>{title}</h1>
      {proposed ? <p>Proposée par {skill.proposerName ?? "un compte supprimé"}. Corrigez son nom ou sa catégorie si besoin, puis acceptez-la.</p> : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/competences/${skill.id}`} noValidate>
        <CsrfField token={context.csrfToken} />
        <RequiredFieldsMention />
        <InputField name="name" label="Nom" required maxLength={80} value={values.name} error={errors.name} />
        <SelectField
          name="category"
          label="Catégorie"
          required
          options={skillCategories.map((category) => ({ value: category.key, label: category.label }))}
          value={values.category}
          error={errors.category}
          placeholder="Choisir une catégorie"
        />
        <TextareaField
          name="synonyms"
          label="Synonymes (facultatif)"
          hint="Séparés par des virgules ou un par ligne : ils font trouver la compétence dans l’annuaire (par exemple « sig, qgis, postgis »)."
          rows={4}
          value={values.synonyms}
          error={errors.synonyms}
        />
        <button className="fr-btn" type="submit">
          {proposed ? "Enregistrer et accepter" : "Enregistrer"}
        </button>
      </form>
    </Layout>
  );
}
