import type { FormValues } from "../../../http/forms.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CheckboxField, CsrfField, ErrorSummary, type FieldErrors, InputField, RadioGroup, SelectField } from "../../../ui/fields.tsx";
import { halfDaysLabel, monthLabel } from "../domain/ledger-rules.ts";
import { maxWorkLineLength, noProject, workLengthLabels } from "./ledger-form.ts";
import type { ProjectOption } from "./time-entry-repository.ts";
import { ofName } from "../../../shared/french-elision.ts";

/** A declaration that would take its month over budget: how far, to say it before asking for the confirmation. */
export type OverBudget = { month: string; used: number; budget: number; adding: number };

export type WorkFormModel = {
  action: string;
  submitLabel: string;
  values: FormValues;
  errors: FieldErrors;
  projects: ProjectOption[];
  overBudget: OverBudget | null;
};

function value(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

/** The declaration form (date, half-day or day, project, one line), with the over-budget warning and its confirmation. */
export function WorkForm({ csrfToken, model }: { csrfToken: string; model: WorkFormModel }) {
  const { values, errors, overBudget } = model;
  return (
    <>
      <ErrorSummary errors={errors} fieldIds={{ length: "length-fieldset" }} />
      {overBudget ? (
        <Alert kind="warning" title={`Cette déclaration dépasse le budget ${ofName(monthLabel(overBudget.month))}`}>
          <p>
            Vous avez déjà utilisé {halfDaysLabel(overBudget.used)} sur {halfDaysLabel(overBudget.budget)} ce mois-là&nbsp;; avec celle-ci, ce serait {halfDaysLabel(overBudget.used + overBudget.adding)}. Les 10&nbsp;% sont un
            plafond convenu avec votre manager, pas un objectif. Ne dépassez qu’avec son accord, et confirmez-le ci-dessous.
          </p>
        </Alert>
      ) : null}
      <form method="post" action={model.action} noValidate>
        <CsrfField token={csrfToken} />
        <InputField name="workedOn" label="Date du travail" hint="Au plus tard aujourd’hui." type="date" required value={value(values, "workedOn")} error={errors.workedOn} />
        <RadioGroup
          name="length"
          legend="Durée"
          required
          inline
          options={Object.entries(workLengthLabels).map(([key, label]) => ({ value: key, label }))}
          value={value(values, "length") || "demi-journee"}
          error={errors.length}
        />
        <SelectField
          name="projectId"
          label="Projet"
          required
          options={[...model.projects.map((project) => ({ value: project.id, label: project.title })), { value: noProject, label: "Sans projet précis" }]}
          value={value(values, "projectId")}
          error={errors.projectId}
          placeholder="Choisir un projet"
        />
        <InputField
          name="description"
          label="Ce que vous avez fait, en une ligne"
          hint={`Au plus ${maxWorkLineLength}\u00a0caractères.`}
          required
          maxLength={maxWorkLineLength}
          value={value(values, "description")}
          error={errors.description}
        />
        {overBudget || errors.depasserBudget ? (
          <CheckboxField
            name="depasserBudget"
            value="oui"
            label={`J’ai l’accord de mon ou ma manager pour dépasser le budget ${ofName(monthLabel(overBudget?.month ?? value(values, "workedOn").slice(0, 7)))}.`}
            checked={value(values, "depasserBudget") === "oui"}
            error={errors.depasserBudget}
          />
        ) : null}
        <button className="fr-btn" type="submit">
          {model.submitLabel}
        </button>
      </form>
    </>
  );
}
