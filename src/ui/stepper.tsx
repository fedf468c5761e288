import { Heading, type HeadingLevel } from "./heading.tsx";

export type StepperProps = {
  /** Title of the current step. */
  title: string;
  /** The current step, from 1. */
  step: number;
  stepCount: number;
  /** Title of the step after this one; none on the last step. */
  nextStepTitle?: string | undefined;
  headingLevel?: HeadingLevel;
};

/** DSFR "indicateur d’étapes": where the user is in a multi-page form. */
export function Stepper({ title, step, stepCount, nextStepTitle, headingLevel = 2 }: StepperProps) {
  return (
    <div className="fr-stepper">
      <Heading level={headingLevel} className="fr-stepper__title">
        {title}
        <span className="fr-stepper__state">
          Étape {step} sur {stepCount}
        </span>
      </Heading>
      <div className="fr-stepper__steps" data-fr-current-step={step} data-fr-steps={stepCount} />
      {nextStepTitle && step < stepCount ? (
        <p className="fr-stepper__details">
          <span className="fr-text--bold">Étape suivante&nbsp;:</span> {nextStepTitle}
        </p>
      ) : null}
    </div>
  );
}
