import type { FormValues } from "../../../http/forms.ts";
import { CsrfField, ErrorSummary, type FieldErrors } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { OrganisationGroup } from "../domain/organisation-tree.ts";
import { type JoiningStep, joiningSteps } from "../domain/profile-choices.ts";
import type { Skill } from "../repository.ts";
import { profilePath } from "./profile-page.tsx";
import { RequiredFieldsMention } from "./required-fields-mention.tsx";
import { errorSummaryTargets, firstSkillShown, OrganisationAndJobFields, PresentationFields, SkillsFields } from "./profile-form-sections.tsx";

export type ProfileEditPageProps = {
  context: PageContext;
  slug: string;
  name: string;
  isOwner: boolean;
  /** Values of each section: what is stored, or what was just typed in the section that was refused. */
  values: Record<JoiningStep, FormValues>;
  /** The section whose input was refused, and its errors. */
  refused?: { section: JoiningStep; errors: FieldErrors } | undefined;
  organisations: OrganisationGroup[];
  skills: Skill[];
  /** The skills section: a skill whose category is shown open. */
  openSkillId?: string | undefined;
};

export const sectionAnchors: Record<JoiningStep, string> = { 1: "organisation-metier", 2: "competences", 3: "presentation" };

/** `/annuaire/:slug/modifier`: the wizard's three sections on one page, each saved by its own button. */
export function ProfileEditPage({ context, slug, name, isOwner, values, refused, organisations, skills, openSkillId }: ProfileEditPageProps) {
  const errorsOf = (section: JoiningStep): FieldErrors => (refused?.section === section ? refused.errors : {});
  const title = isOwner ? "Modifier mon profil" : `Modifier le profil de ${name}`;
  return (
    <Layout
      context={context}
      title={`${refused ? "Erreur\u00a0: " : ""}${title}`}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Trouver un expert", href: "/annuaire" },
        { label: name, href: profilePath(slug) },
      ]}
    >
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          <h1>{title}</h1>
          <nav className="fr-summary fr-mb-4w" role="navigation" aria-labelledby="sommaire-titre">
            <p className="fr-summary__title" id="sommaire-titre">
              Sections
            </p>
            <ol className="fr-summary__list">
              {joiningSteps.map((step) => (
                <li key={step.number}>
                  <a className="fr-summary__link" href={`#${sectionAnchors[step.number]}`}>
                    {step.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          {joiningSteps.map((step) => {
            const errors = errorsOf(step.number);
            return (
              <section key={step.number} className="fr-mb-6w" aria-labelledby={sectionAnchors[step.number]}>
                <h2 id={sectionAnchors[step.number]}>{step.title}</h2>
                <ErrorSummary errors={errors} fieldIds={errorSummaryTargets(errors, firstSkillShown(skills))} />
                <form method="post" action={`${profilePath(slug)}/modifier`} noValidate>
                  <CsrfField token={context.csrfToken} />
                  <input type="hidden" name="section" value={String(step.number)} />
                  <RequiredFieldsMention />
                  {step.number === 1 ? <OrganisationAndJobFields values={values[1]} errors={errors} organisations={organisations} /> : null}
                  {step.number === 2 ? <SkillsFields skills={skills} values={values[2]} errors={errors} openSkillId={openSkillId} /> : null}
                  {step.number === 3 ? <PresentationFields values={values[3]} errors={errors} charterHref={null} /> : null}
                  <button className="fr-btn" type="submit">
                    Enregistrer « {step.title} »
                  </button>
                </form>
              </section>
            );
          })}
        </div>
      </div>
    </Layout>
  );
}
