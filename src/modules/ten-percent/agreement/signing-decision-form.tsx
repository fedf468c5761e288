import type { FormValues } from "../../../http/forms.ts";
import { CsrfField, ErrorSummary, type FieldErrors, RadioGroup, TextareaField } from "../../../ui/fields.tsx";
import { formValue } from "./agreement-parts.tsx";

/**
 * A signatory's three choices, without JavaScript: accept, decline (a reason is required) or ask a
 * question (its text is required). The form posts the version shown, so a decision is on what was read.
 */
export function DecisionForm({ action, version, csrfToken, values, errors }: { action: string; version: number; csrfToken: string; values: FormValues; errors: FieldErrors }) {
  return (
    <>
      <ErrorSummary errors={errors} fieldIds={{ choice: "choice-fieldset" }} />
      <form method="post" action={action} noValidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        <RadioGroup
          name="choice"
          legend="Votre choix"
          required
          options={[
            { value: "accept", label: "J’accepte la convention", hint: "La convention telle qu’affichée ci-dessus." },
            { value: "decline", label: "Je refuse la convention", hint: "Indiquez la raison ci-dessous\u00a0: elle est transmise au membre." },
            { value: "question", label: "J’ai une question", hint: "Écrivez-la ci-dessous\u00a0: le membre la reçoit et vous répond par courriel. Vous déciderez ensuite." },
          ]}
          value={formValue(values, "choice")}
          error={errors.choice}
        />
        <TextareaField name="reason" label="Raison du refus ou question" hint="Obligatoire pour un refus ou une question." rows={4} maxLength={2000} value={formValue(values, "reason")} error={errors.reason} />
        <button className="fr-btn" type="submit">
          Envoyer ma réponse
        </button>
      </form>
    </>
  );
}
