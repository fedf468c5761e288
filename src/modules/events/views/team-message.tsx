import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, RadioGroup, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { type AttendanceMode, attendanceModeLabels } from "../domain/event-kinds.ts";
import { modesOffered } from "../domain/registration-rules.ts";
import type { EventRecord } from "../repository.ts";
import type { TeamRegistration } from "../team-repository.ts";
import { messageLimits, recipientsOf } from "../use-cases/message-registrants.ts";
import { countOf } from "./team-format.ts";
import { TeamEventHeader, teamBreadcrumb } from "./team-parts.tsx";

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
        <Button type="submit" icon="mail-line">
          Envoyer le message
        </Button>
      </form>
    </Layout>
  );
}
