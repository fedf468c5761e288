import type { FormValues } from "../../../http/forms.ts";
import { formatCalendarDay, formatDate } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Badge } from "../../../ui/badge.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, RadioGroup, SelectField, TextareaField } from "../../../ui/fields.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { type WorkspaceFrame, WorkspaceLayout } from "../views/workspace-layout.tsx";
import { maxLogTextLength, maxWeatherNoteLength } from "./log-form.ts";
import { weatherBadges, weatherLabels } from "./log-labels.ts";
import type { LogEntry, WorkshopOption } from "./log-repository.ts";

/** An entry as shown: who of the team was checked in at its workshop (null without workshop). */
export type ShownLogEntry = LogEntry & { presence: { present: string[]; absent: string[] } | null };

export type LogPageModel = {
  entries: ShownLogEntry[];
  canEdit: boolean;
  action: string;
  workshops: WorkshopOption[];
  values: FormValues;
  errors: FieldErrors;
  saved: boolean;
};


function value(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

function names(list: string[]): string {
  return list.length === 0 ? "personne" : list.join(", ");
}

export function LogPage({ context, frame, model }: { context: PageContext; frame: WorkspaceFrame; model: LogPageModel }) {
  const { values, errors } = model;
  return (
    <WorkspaceLayout context={context} frame={frame} section="log" title="Journal de bord" hasErrors={Object.keys(errors).length > 0}>
      {model.saved ? <Alert kind="success">L’entrée est ajoutée au journal de bord.</Alert> : null}
      <p>Après chaque atelier, l’équipe note ce qu’elle a fait, ses décisions, ses prochaines étapes, ce qui la bloque et sa météo. Les présences viennent de l’émargement de l’atelier.</p>
      {model.canEdit ? (
        <section aria-labelledby="nouvelle-entree" className="fr-mb-6w">
          <h2 id="nouvelle-entree">Nouvelle entrée</h2>
          <ErrorSummary errors={errors} fieldIds={{ weather: "weather-fieldset" }} />
          <form method="post" action={model.action} noValidate>
            <CsrfField token={context.csrfToken} />
            <InputField name="happenedOn" label="Date de l’atelier" type="date" required value={value(values, "happenedOn")} error={errors.happenedOn} />
            <SelectField
              name="eventId"
              label="Atelier suivi"
              hint="Les présences de l’équipe sont lues dans l’émargement de cet atelier."
              options={model.workshops.map((workshop) => ({ value: workshop.id, label: `${workshop.title} (${formatDate(workshop.startsAt)})` }))}
              value={value(values, "eventId")}
              error={errors.eventId}
              placeholder="Atelier non listé (pas d’émargement)"
            />
            <TextareaField name="done" label="Ce que nous avons fait" required rows={4} maxLength={maxLogTextLength} value={value(values, "done")} error={errors.done} />
            <TextareaField name="decisions" label="Décisions" rows={3} maxLength={maxLogTextLength} value={value(values, "decisions")} error={errors.decisions} />
            <TextareaField name="nextSteps" label="Prochaines étapes" rows={3} maxLength={maxLogTextLength} value={value(values, "nextSteps")} error={errors.nextSteps} />
            <TextareaField name="blockers" label="Points de blocage" rows={3} maxLength={maxLogTextLength} value={value(values, "blockers")} error={errors.blockers} />
            <RadioGroup
              name="weather"
              legend="Météo de l’équipe"
              hint={"«\u00a0Bloqué\u00a0» prévient par courriel les coachs du projet et l’équipe du programme."}
              required
              inline
              options={Object.entries(weatherLabels).map(([key, label]) => ({ value: key, label }))}
              value={value(values, "weather")}
              error={errors.weather}
            />
            <InputField
              name="weatherNote"
              label="La météo en une ligne"
              hint={`Obligatoire si la météo est «\u00a0À surveiller\u00a0» ou «\u00a0Bloqué\u00a0». Au plus ${maxWeatherNoteLength}\u00a0caractères.`}
              maxLength={maxWeatherNoteLength}
              value={value(values, "weatherNote")}
              error={errors.weatherNote}
            />
            <button className="fr-btn" type="submit">
              Ajouter au journal
            </button>
          </form>
        </section>
      ) : null}
      <h2>Entrées</h2>
      {model.entries.length === 0 ? <p>Le journal de bord est vide.</p> : model.entries.map((entry) => <EntryBlock key={entry.id} entry={entry} />)}
    </WorkspaceLayout>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n+/).map((line, index) => (
        <p key={index} className="fr-mb-1w">
          {line}
        </p>
      ))}
    </>
  );
}

function EntryBlock({ entry }: { entry: ShownLogEntry }) {
  const headingId = `entree-${entry.id}`;
  const sections = [
    { label: "Décisions", text: entry.decisions },
    { label: "Prochaines étapes", text: entry.nextSteps },
    { label: "Points de blocage", text: entry.blockers },
  ].filter((section) => section.text);
  return (
    <article aria-labelledby={headingId} className="fr-mb-4w fr-pb-2w" id={headingId + "-bloc"}>
      <h3 id={headingId} className="fr-h5">
        {formatCalendarDay(entry.happenedOn)}
        {entry.eventTitle ? ` — ${entry.eventTitle}` : ""}
      </h3>
      <Badge label={weatherLabels[entry.weather]} kind={weatherBadges[entry.weather]} small />
      {entry.weatherNote ? <p className="fr-text--sm">Météo&nbsp;: {entry.weatherNote}</p> : null}
      {entry.presence ? (
        <p className="fr-text--sm">
          Présents à l’atelier&nbsp;: {names(entry.presence.present)}. Absents&nbsp;: {names(entry.presence.absent)}.
        </p>
      ) : null}
      <h4 className="fr-h6 fr-mb-1w">Ce que nous avons fait</h4>
      <Paragraphs text={entry.done} />
      {sections.map((section) => (
        <div key={section.label}>
          <h4 className="fr-h6 fr-mb-1w">{section.label}</h4>
          <Paragraphs text={section.text} />
        </div>
      ))}
      {entry.authorName ? <p className="fr-text--xs">Écrit par {entry.authorName}</p> : null}
    </article>
  );
}
