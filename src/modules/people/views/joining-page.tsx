import type { FormValues } from "../../../http/forms.ts";
import { ButtonLink, ButtonsGroup } from "../../../ui/button.tsx";
import { CsrfField, ErrorSummary, type FieldErrors } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Stepper } from "../../../ui/stepper.tsx";
import type { OrganisationGroup } from "../domain/organisation-tree.ts";
import { type JoiningStep, joiningSteps } from "../domain/profile-choices.ts";
import type { Skill } from "../repository.ts";
import { charterPath } from "./charter-page.tsx";
import { RequiredFieldsMention } from "./required-fields-mention.tsx";
import { errorSummaryTargets, firstSkillShown, OrganisationAndJobFields, PresentationFields, SkillsFields } from "./profile-form-sections.tsx";

export type JoiningPageProps = {
  context: PageContext;
  step: JoiningStep;
  values: FormValues;
  errors?: FieldErrors;
  /** Step 1. */
  organisations?: OrganisationGroup[];
  /** Step 2. */
  skills?: Skill[];
  /** Step 2: a skill whose category is shown open. */
  openSkillId?: string | undefined;
  /** Step 3. */
  charterHref?: string;
};

export function joiningStepPath(step: JoiningStep): string {
  return `/rejoindre/inscription/etape-${step}`;
}

/** « Rejoindre la communauté »: one step of the wizard, saved on its own. */
export function JoiningPage({ context, step, values, errors = {}, organisations = [], skills = [], openSkillId, charterHref = charterPath }: JoiningPageProps) {
  const current = joiningSteps[step - 1]!;
  const next = step < joiningSteps.length ? joiningSteps[step as 1 | 2] : undefined;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout
      context={context}
      title={`${hasErrors ? "Erreur\u00a0: " : ""}${current.title} (étape ${step} sur ${joiningSteps.length}) — Rejoindre la communauté`}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Rejoindre le programme", href: "/rejoindre" },
      ]}
    >
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          <h1>Rejoindre la communauté</h1>
          {step === 1 ? (
            <p className="fr-text--lead">Trois étapes courtes, chacune enregistrée : vous pouvez vous arrêter et reprendre plus tard là où vous en étiez.</p>
          ) : null}
          <Stepper title={current.title} step={step} stepCount={joiningSteps.length} nextStepTitle={next?.title} />
          <ErrorSummary errors={errors} fieldIds={errorSummaryTargets(errors, firstSkillShown(skills))} />
          <form method="post" action={joiningStepPath(step)} noValidate>
            <CsrfField token={context.csrfToken} />
            <RequiredFieldsMention />
            {step === 1 ? <OrganisationAndJobFields values={values} errors={errors} organisations={organisations} /> : null}
            {step === 2 ? <SkillsFields skills={skills} values={values} errors={errors} openSkillId={openSkillId} /> : null}
            {step === 3 ? <PresentationFields values={values} errors={errors} charterHref={charterHref} /> : null}
            <ButtonsGroup inline="md">
              {step > 1 ? (
                <ButtonLink variant="secondary" href={joiningStepPath((step - 1) as JoiningStep)}>
                  Précédent
                </ButtonLink>
              ) : null}
              <button className="fr-btn" type="submit">
                {step < joiningSteps.length ? "Enregistrer et continuer" : "Enregistrer et rejoindre la communauté"}
              </button>
            </ButtonsGroup>
          </form>
        </div>
      </div>
    </Layout>
  );
}
