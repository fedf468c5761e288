import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, RadioGroup, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { type AttendanceMode, attendanceModeLabels } from "../domain/event-kinds.ts";
import { modesOffered } from "../domain/registration-rules.ts";
import type { EventRecord } from "../repository.ts";
import type { TeamRegistration } from "../team-repository.ts";
import { type MessageAudience, messageLimits, type MessagePreview, recipientsOf } from "../use-cases/message-registrants.ts";
import { countOf, fullName, modeInSentence } from "./team-format.ts";
import { TeamEventHeader, TeamStylesheet, teamBreadcrumb, teamPaths } from "./team-parts.tsx";

export type MessageFormValues = { subject: string; body: string; audience: string; mode: string };

export type MessagePageProps = {
  context: PageContext;
  event: EventRecord;
  registrations: TeamRegistration[];
  values: MessageFormValues;
  errors: FieldErrors;
  /** How many people the last message reached (after sending). */
  sent?: number | undefined;
};

/** `/admin/evenements/:id/message`: one mail to every registrant chosen (confirmed, waiting or both; a mode or both). */
export function MessagePage({ context, event, registrations, values, errors, sent }: MessagePageProps) {
  const modes = modesOffered(event);
  const count = (audience: "confirmed" | "waitlisted" | "all", mode: AttendanceMode | "all" = "all") => recipientsOf(registrations, audience, mode).length;
  const title = "Écrire aux inscrits";
  return (
    <Layout context={context} title={`${title} — ${event.title}`} hasErrors={Object.keys(errors).length > 0} breadcrumb={teamBreadcrumb}>
      <TeamEventHeader event={event} page="message" title={title} />
      {sent !== undefined ? (
        <Alert kind="success" title="Message envoyé">
          <p>Le message part à {countOf(sent, "personne", "personnes")}, un courriel chacune.</p>
        </Alert>
      ) : null}
      <p>Chaque personne reçoit un courriel à son adresse, avec le nom et la date de l’événement en bas du message. Les inscriptions annulées et les visiteurs qui n’ont pas confirmé leur adresse ne reçoivent rien.</p>
      <ErrorSummary errors={errors} fieldIds={{ audience: "audience-fieldset", mode: "mode-fieldset" }} />
      <form method="post" noValidate>
        <CsrfField token={context.csrfToken} />
        <InputField name="subject" label="Objet" required maxLength={messageLimits.subject} value={values.subject} error={errors.subject} />
        <TextareaField name="body" label="Message" hint="Texte simple, sans mise en forme. Les adresses web deviennent des liens dans la plupart des messageries." required rows={10} maxLength={messageLimits.body} value={values.body} error={errors.body} />
        <RadioGroup
          name="audience"
          legend="Destinataires"
          required
          value={values.audience}
          error={errors.audience}
          options={[
            { value: "confirmed", label: "Les personnes confirmées", hint: countOf(count("confirmed"), "personne", "personnes") },
            { value: "waitlisted", label: "Les personnes sur liste d’attente", hint: countOf(count("waitlisted"), "personne", "personnes") },
            { value: "all", label: "Toutes les personnes inscrites (confirmées et en attente)", hint: countOf(count("all"), "personne", "personnes") },
          ]}
        />
        {modes.length > 1 ? (
          <RadioGroup
            name="mode"
            legend="Mode de participation"
            required
            value={values.mode}
            error={errors.mode}
            options={[{ value: "all", label: "Sur place et à distance" }, ...modes.map((mode) => ({ value: mode, label: `${attendanceModeLabels[mode]} seulement`, hint: `${countOf(count("all", mode), "personne inscrite", "personnes inscrites")}` }))]}
          />
        ) : (
          <input type="hidden" name="mode" value="all" />
        )}
        <p className="fr-hint-text">Rien ne part encore&nbsp;: la page suivante montre le message tel qu’il sera reçu et le nombre de destinataires, avant l’envoi.</p>
        <Button type="submit" icon="eye-line" name="etape" value="apercu">
          Voir l’aperçu avant l’envoi
        </Button>
      </form>
    </Layout>
  );
}

/** The message's values carried, unchanged, from the preview to the send (or back to the form). */
function CarriedValues({ values }: { values: MessageFormValues }) {
  return (
    <>
      <input type="hidden" name="subject" value={values.subject} />
      <input type="hidden" name="body" value={values.body} />
      <input type="hidden" name="audience" value={values.audience} />
      <input type="hidden" name="mode" value={values.mode} />
    </>
  );
}

export type MessagePreviewPageProps = {
  context: PageContext;
  event: EventRecord;
  values: MessageFormValues;
  preview: MessagePreview;
  /** The recipients changed since the preview was shown: nothing was sent. */
  changed?: boolean | undefined;
};

const audienceWords: Record<MessageAudience, string> = { confirmed: "les personnes confirmées", waitlisted: "les personnes sur liste d’attente", all: "toutes les personnes inscrites (confirmées et en attente)" };

/**
 * The confirmation step of `/admin/evenements/:id/message`: who receives it (how many, and their names),
 * the mail as they will read it (subject with the event's title, footer), then « Envoyer à N personnes »
 * or back to the form with the text kept.
 */
export function MessagePreviewPage({ context, event, values, preview, changed }: MessagePreviewPageProps) {
  const count = preview.recipients.length;
  const people = countOf(count, "personne", "personnes");
  const mode = preview.message.mode === "all" ? "" : ` ${modeInSentence[preview.message.mode]}`;
  return (
    <Layout context={context} title={`Aperçu du message — ${event.title}`} breadcrumb={[...teamBreadcrumb, { label: `Écrire aux inscrits — ${event.title}`, href: teamPaths.message(event.id) }]}>
      <TeamStylesheet />
      <h1 className="fr-mb-1w">Aperçu du message</h1>
      <p className="fr-text--lead">{event.title}</p>
      {changed ? (
        <Alert kind="warning" title="Les destinataires ont changé">
          <p>Des inscriptions ont changé depuis l’aperçu&nbsp;: rien n’est parti. Le message irait maintenant à {people}&nbsp;; vérifiez puis envoyez.</p>
        </Alert>
      ) : null}
      <p>
        Le message partira à <strong>{people}</strong>&nbsp;: {audienceWords[preview.message.audience]}
        {mode}, un courriel chacune. Rien n’est envoyé tant que vous n’avez pas confirmé.
      </p>
      <details className="fr-mb-3w">
        <summary>Voir les {count > 1 ? `${count}\u00a0destinataires` : "destinataires"}</summary>
        <ul>
          {preview.recipients.map((registration) => (
            <li key={registration.id}>
              {fullName(registration)} — {registration.email}
            </li>
          ))}
        </ul>
      </details>
      <section className="fr-mb-4w" aria-labelledby="apercu-courriel">
        <h2 id="apercu-courriel">Le courriel</h2>
        <p>
          <span className="fr-text--bold">Objet&nbsp;:</span> {preview.mail.subject}
        </p>
        {/* The text part as sent: line breaks kept, long addresses wrapped on a phone. */}
        <div className="fr-p-3w fr-background-alt--grey" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {preview.mail.text}
        </div>
      </section>
      <form method="post" action={teamPaths.message(event.id)}>
        <CsrfField token={context.csrfToken} />
        <CarriedValues values={values} />
        <input type="hidden" name="destinataires" value={String(count)} />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit" icon="mail-line" name="etape" value="envoyer">
              {`Envoyer à ${people}`}
            </Button>
          </li>
          <li>
            <Button type="submit" variant="secondary" name="etape" value="modifier">
              Modifier le message
            </Button>
          </li>
        </ul>
      </form>
    </Layout>
  );
}
