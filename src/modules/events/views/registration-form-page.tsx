import type { ReactNode } from "react";
import type { FormValues } from "../../../http/forms.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, RadioGroup, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { type AttendanceMode, attendanceModeLabels, type EventQuestion } from "../domain/event-kinds.ts";
import { answerField, isInPersonOnly, maxAnswerLength } from "../domain/registration-form.ts";
import type { EventRecord } from "../repository.ts";
import { availabilityText, type ModeAvailability, windowText } from "./registration-panel.tsx";
import { formatEventPeriod } from "../../../shared/french-date.ts";

/** Why the form is not offered, with where to go instead. */
export type RegistrationBlock = { title: string; text: ReactNode; kind?: "info" | "warning" | "success"; links?: { label: string; href: string }[] };

export type RegistrationFormPageProps = {
  context: PageContext;
  event: EventRecord;
  modes: ModeAvailability[];
  questions: EventQuestion[];
  /** Nobody signed in, a public event: the visitor's identity fields, confirmed by a mailed link. */
  visitor: boolean;
  values?: FormValues;
  errors?: FieldErrors;
  /** Shown instead of the form (window, audience, already registered). */
  blocked?: RegistrationBlock | null;
};

function text(values: FormValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** « Sur place » with « 12 places restantes sur 50 », or the waitlist when the mode is full. */
function modeHint(availability: ModeAvailability): string {
  if (availability.left > 0) return availabilityText(availability);
  const waitlist = "Vous serez inscrit·e sur la liste d’attente, dans l’ordre d’arrivée.";
  return availability.waiting === 0 ? `Complet. ${waitlist}` : `Complet, ${availability.waiting}\u00a0${availability.waiting > 1 ? "personnes attendent" : "personne attend"} déjà. ${waitlist}`;
}

/** The default questions' hints, worded for the modes the event offers (the accessibility question concerns both). */
function questionHint(question: EventQuestion, offered: AttendanceMode[]): string | undefined {
  const inPerson = offered.includes("in_person");
  const remote = offered.includes("remote");
  if (isInPersonOnly(question)) return remote ? "Seulement si vous participez sur place." : undefined;
  if (question.key !== "accessibility") return undefined;
  if (inPerson && remote) return "Sur place (accès au bâtiment, place adaptée dans la salle…) comme à distance (sous-titrage, interprétation en langue des signes…).";
  if (inPerson) return "Accès au bâtiment, place adaptée dans la salle, accompagnement…";
  return "Sous-titrage, interprétation en langue des signes, documents accessibles…";
}

/**
 * A radio button's id, from the question's and the option's positions: options are the team's free text
 * (spaces, apostrophes), which an id may not hold, and `question-` never meets the `q-` of answer fields.
 */
function choiceId(questionIndex: number, optionIndex: number): string {
  return `question-${questionIndex + 1}-option-${optionIndex + 1}`;
}

/** A choice question as DSFR radio buttons (markup of ui/fields.tsx's RadioGroup, with position-based ids). */
function ChoiceQuestion({ question, index, legend, hint, value, error }: { question: EventQuestion; index: number; legend: string; hint?: string | undefined; value?: string | undefined; error?: string | undefined }) {
  const name = answerField(question);
  const id = `${name}-fieldset`;
  return (
    <fieldset className={`fr-fieldset${error ? " fr-fieldset--error" : ""}`} id={id} aria-labelledby={`${id}-legend ${id}-messages`} role="group">
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={`${id}-legend`}>
        {legend}
        {question.required ? <span className="fr-sr-only"> (obligatoire)</span> : null}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </legend>
      {(question.options ?? []).map((option, optionIndex) => {
        const optionId = choiceId(index, optionIndex);
        return (
          <div className="fr-fieldset__element" key={optionId}>
            <div className="fr-radio-group">
              <input type="radio" id={optionId} name={name} value={option} defaultChecked={value === option} />
              <label className="fr-label" htmlFor={optionId}>
                {option}
              </label>
            </div>
          </div>
        );
      })}
      <div className="fr-messages-group" id={`${id}-messages`} aria-live="polite">
        {error ? <p className="fr-message fr-message--error">{error}</p> : null}
      </div>
    </fieldset>
  );
}

export function registrationBreadcrumb(event: Pick<EventRecord, "title" | "slug">) {
  return [
    { label: "Accueil", href: "/" },
    { label: "Événements", href: "/evenements" },
    { label: event.title, href: `/evenements/${event.slug}` },
  ];
}

/** `/evenements/:slug/inscription`: the mode among those offered (places left shown), the event's questions, a visitor's identity. */
export function RegistrationFormPage({ context, event, modes, questions, visitor, values = {}, errors = {}, blocked }: RegistrationFormPageProps) {
  const title = `S’inscrire à «\u00a0${event.title}\u00a0»`;
  const hasErrors = Object.keys(errors).length > 0;
  const offered = modes.map((availability) => availability.mode);
  // The summary's links go to something that takes focus: a group's first radio button, not its fieldset.
  const fieldIds: Record<string, string> = offered[0] ? { mode: `mode-${offered[0]}` } : {};
  questions.forEach((question, index) => {
    if (question.kind === "choice") fieldIds[answerField(question)] = choiceId(index, 0);
  });
  const place = [event.placeName, event.placeAddress].filter(Boolean).join(", ");
  const selectedMode = text(values, "mode") ?? (modes.length === 1 ? modes[0]!.mode : undefined);
  const signInHref = `/connexion?retour=${encodeURIComponent(`/evenements/${event.slug}/inscription`)}`;
  return (
    <Layout context={context} title={title} hasErrors={hasErrors} breadcrumb={registrationBreadcrumb(event)}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <p>
        {formatEventPeriod(event.startsAt, event.endsAt)}
        {place ? <><br />{place}</> : null}
      </p>
      {blocked ? (
        <Alert kind={blocked.kind ?? "info"} title={blocked.title}>
          <p>{blocked.text}</p>
          {blocked.links && blocked.links.length > 0 ? (
            <ul>
              {blocked.links.map((link) => (
                <li key={link.href}>
                  <a href={link.href}>{link.label}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : (
        <>
          <p>{windowText({ window: "open", opensAt: null, closesAt: event.registrationClosesAt ?? event.startsAt })} Sauf mention contraire, tous les champs sont obligatoires.</p>
          {visitor ? (
            <Alert kind="info" title={"Membre du programme 10\u00a0%\u00a0?"} small>
              <p>
                <a href={signInHref}>Connectez-vous</a> pour vous inscrire avec votre compte et retrouver vos inscriptions. Sinon, indiquez votre adresse électronique&nbsp;: un lien vous sera envoyé pour confirmer votre inscription.
              </p>
            </Alert>
          ) : null}
          <form method="post" action={`/evenements/${event.slug}/inscription`} noValidate>
            <CsrfField token={context.csrfToken} />
            {visitor ? (
              <fieldset className="fr-fieldset" aria-labelledby="identite-legend">
                <legend className="fr-fieldset__legend" id="identite-legend">
                  Vos coordonnées
                </legend>
                <div className="fr-fieldset__element">
                  <InputField name="email" type="email" label="Adresse électronique" hint={"Format attendu\u00a0: prenom.nom@exemple.fr"} autoComplete="email" maxLength={254} required value={text(values, "email")} error={errors.email} />
                </div>
                <div className="fr-fieldset__element">
                  <InputField name="givenName" label="Prénom" autoComplete="given-name" maxLength={100} required value={text(values, "givenName")} error={errors.givenName} />
                </div>
                <div className="fr-fieldset__element">
                  <InputField name="usualName" label="Nom" autoComplete="family-name" maxLength={100} required value={text(values, "usualName")} error={errors.usualName} />
                </div>
                <div className="fr-fieldset__element">
                  <InputField name="organisationName" label="Organisation" hint={offered.includes("in_person") ? "Votre administration ou votre structure\u00a0: l’accueil du bâtiment la demande aux personnes qui viennent sur place." : "Votre administration ou votre structure."} autoComplete="organization" maxLength={200} required value={text(values, "organisationName")} error={errors.organisationName} />
                </div>
              </fieldset>
            ) : null}
            <RadioGroup
              name="mode"
              legend={"Comment participez-vous\u00a0?"}
              required
              options={modes.map((availability) => ({ value: availability.mode, label: attendanceModeLabels[availability.mode], hint: modeHint(availability) }))}
              value={selectedMode}
              error={errors.mode}
            />
            {questions.map((question, index) => {
              const name = answerField(question);
              const label = question.required ? question.label : `${question.label} (facultatif)`;
              const hint = questionHint(question, offered);
              return question.kind === "choice" ? (
                <ChoiceQuestion key={name} question={question} index={index} legend={label} hint={hint} value={text(values, name)} error={errors[name]} />
              ) : (
                <TextareaField key={name} name={name} label={label} hint={hint} required={question.required} rows={3} maxLength={maxAnswerLength} value={text(values, name)} error={errors[name]} />
              );
            })}
            <button className="fr-btn fr-mt-2w" type="submit">
              {visitor ? "Recevoir le lien de confirmation" : "S’inscrire"}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
