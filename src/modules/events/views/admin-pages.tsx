import { Alert } from "../../../ui/alert.tsx";
import { BadgesGroup } from "../../../ui/badge.tsx";
import type { BreadcrumbItem } from "../../../ui/breadcrumb.tsx";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { CheckboxGroup, CsrfField, ErrorSummary, type FieldErrors, InputField, RadioGroup, SelectField, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import type { ListedEvent } from "../agenda-repository.ts";
import { type EventFormValues, formatTimeOfDay } from "../domain/event-input.ts";
import { attendanceModeLabels, defaultQuestions, type EventAudience, eventAudienceLabels, eventAudiences, type EventKind, eventKindLabels, eventKinds } from "../domain/event-kinds.ts";
import { capacityOf, modesOffered } from "../domain/registration-rules.ts";
import { maxIntervalWeeks } from "../domain/recurrence.ts";
import type { EventRecord } from "../repository.ts";
import type { ChangedField, FollowingPreview, OccurrenceChanges } from "../use-cases/series.ts";
import { formatLongDate } from "../../../shared/french-date.ts";
import { whenText } from "./agenda-pages.tsx";

export const eventsAdminBreadcrumb: BreadcrumbItem[] = [
  { label: "Accueil", href: "/" },
  { label: "Administration", href: "/admin" },
  { label: "Événements", href: "/admin/evenements" },
];

/** Registered / capacity per mode, and how many wait: « Sur place : 12 / 30 (2 en attente) ». */
function seatsCell(event: ListedEvent) {
  const modes = modesOffered(event);
  if (modes.length === 0) return "Sans inscription";
  return (
    <ul className="fr-raw-list">
      {modes.map((mode) => (
        <li key={mode}>
          {attendanceModeLabels[mode]}&nbsp;: {event.counts.confirmed[mode]}&nbsp;/&nbsp;{capacityOf(event, mode)}
          {event.counts.waitlisted[mode] > 0 ? ` (${event.counts.waitlisted[mode]}\u00a0en attente)` : null}
        </li>
      ))}
    </ul>
  );
}

function EventsTable({ caption, events, past }: { caption: string; events: ListedEvent[]; past: boolean }) {
  return (
    <Table
      caption={caption}
      noCaption
      columns={["Événement", "Quand", "Inscrits / places", "Actions"]}
      rowHeaders
      rows={events.map((event) => [
        <>
          <a href={`/evenements/${event.slug}`}>{event.title}</a>
          <BadgesGroup
            small
            badges={[
              { label: eventKindLabels[event.kind as EventKind].one, kind: "info", noIcon: true },
              ...(event.seriesId ? [{ label: "Série", noIcon: true }] : []),
              ...(event.status === "cancelled" ? [{ label: "Annulé", kind: "error" as const }] : []),
            ]}
          />
        </>,
        whenText(event),
        seatsCell(event),
        <ul className="fr-raw-list">
          <li>
            <a href={`/admin/evenements/${event.id}/inscriptions`}>
              Inscriptions<span className="fr-sr-only"> — {event.title}</span>
            </a>
          </li>
          <li>
            <a href={`/admin/evenements/${event.id}/modifier`}>
              Modifier<span className="fr-sr-only"> — {event.title}</span>
            </a>
          </li>
          {event.status === "cancelled" || past ? null : (
            <li>
              <a href={`/admin/evenements/${event.id}/annuler`}>
                Annuler<span className="fr-sr-only"> — {event.title}</span>
              </a>
            </li>
          )}
        </ul>,
      ])}
    />
  );
}

export type AdminNotice = { kind: "series"; count: number } | { kind: "cancelled"; count: number } | null;

/** `/admin/evenements`: events to come first (soonest first), then past ones (latest first), with their seats. */
export function EventsAdminPage({ context, upcoming, past, notice }: { context: PageContext; upcoming: ListedEvent[]; past: ListedEvent[]; notice: AdminNotice }) {
  return (
    <Layout context={context} title="Événements" breadcrumb={eventsAdminBreadcrumb.slice(0, 2)}>
      <h1>Événements</h1>
      {notice?.kind === "series" ? <Alert kind="success" title={`Série créée\u00a0: ${notice.count}\u00a0séances`} /> : null}
      {notice?.kind === "cancelled" ? <Alert kind="success" title={notice.count > 1 ? `${notice.count}\u00a0séances annulées` : "Événement annulé"}>{"Les personnes inscrites ont été prévenues par courriel."}</Alert> : null}
      <p>Les ateliers, formations, bootcamps, webinaires et moments du programme&nbsp;: créez un événement ou une série (un atelier tous les quinze jours…), suivez les inscriptions et les places.</p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <ButtonLink href="/admin/evenements/nouveau" icon="add-line">
            Nouvel événement
          </ButtonLink>
        </li>
        <li>
          <ButtonLink href="/admin/evenements/nouvelle-serie" variant="secondary" icon="calendar-line">
            Nouvelle série
          </ButtonLink>
        </li>
      </ul>
      <h2 className="fr-mt-4w">À venir</h2>
      {upcoming.length === 0 ? <p>Aucun événement à venir.</p> : <EventsTable caption="Événements à venir" events={upcoming} past={false} />}
      <h2 className="fr-mt-4w">Passés</h2>
      {past.length === 0 ? <p>Aucun événement passé.</p> : <EventsTable caption="Événements passés" events={past} past />}
    </Layout>
  );
}

export type FormMode = { kind: "create" } | { kind: "series" } | { kind: "edit"; event: EventRecord; inSeries: boolean };

export type EventFormPageProps = {
  context: PageContext;
  mode: FormMode;
  values: EventFormValues & { version: string; scope: string; interval: string; until: string };
  errors: FieldErrors;
  choices: { seasons: { id: string; name: string }[]; projects: { id: string; title: string }[] };
  notice?: { saved: boolean; promoted: number; created: boolean; updatedCount: number } | undefined;
};

/** Error summary links for fields that are groups (radios, checkboxes): their fieldset. */
const groupFieldIds = { audience: "audience-fieldset", projectIds: "projectIds-fieldset", defaultQuestions: "defaultQuestions-fieldset", scope: "scope-fieldset" };

const optional = " (facultatif)";

function titleOf(mode: FormMode): string {
  if (mode.kind === "create") return "Nouvel événement";
  if (mode.kind === "series") return "Nouvelle série d’événements";
  return `Modifier «\u00a0${mode.event.title}\u00a0»`;
}

function actionOf(mode: FormMode): string {
  if (mode.kind === "create") return "/admin/evenements/nouveau";
  if (mode.kind === "series") return "/admin/evenements/nouvelle-serie";
  return `/admin/evenements/${mode.event.id}/modifier`;
}

/**
 * The event form: creation, series creation (with its repetition) and edition (with, in a series,
 * « cette séance » or « cette séance et les suivantes »). Every field of an event, grouped by sections;
 * works without JavaScript; refused, it comes back with each message at its field and the input kept.
 */
export function EventFormPage({ context, mode, values, errors, choices, notice }: EventFormPageProps) {
  const title = titleOf(mode);
  const hasErrors = Object.keys(errors).length > 0;
  const submit = mode.kind === "create" ? "Créer l’événement" : mode.kind === "series" ? "Créer la série" : "Enregistrer";
  return (
    <Layout context={context} title={title} hasErrors={hasErrors} breadcrumb={eventsAdminBreadcrumb}>
      <h1>{title}</h1>
      {notice?.created ? <Alert kind="success" title="Événement créé" /> : null}
      {notice?.saved ? (
        <Alert kind="success" title={notice.updatedCount > 1 ? `${notice.updatedCount}\u00a0séances enregistrées` : "Événement enregistré"}>
          {notice.promoted > 0 ? (
            <p>
              {notice.promoted > 1 ? `${notice.promoted}\u00a0personnes de la liste d’attente ont reçu une place` : "1\u00a0personne de la liste d’attente a reçu une place"} et en {notice.promoted > 1 ? "ont été prévenues" : "a été prévenue"} par courriel.
            </p>
          ) : undefined}
        </Alert>
      ) : null}
      {mode.kind === "edit" ? (
        <>
          {mode.inSeries ? (
            <p>
              Séance du {whenText(mode.event).replace(/^./, (letter) => letter.toLowerCase())}, dans une série&nbsp;: en bas de page, choisissez si vos modifications valent pour cette séance seulement ou aussi pour les suivantes.
            </p>
          ) : null}
          {mode.event.status === "cancelled" ? (
            <Alert kind="warning" title="Cet événement est annulé">
              <p>{mode.event.cancellationReason ? `Motif\u00a0: ${mode.event.cancellationReason}` : "Il reste visible, marqué «\u00a0Annulé\u00a0»."}</p>
            </Alert>
          ) : null}
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            <li>
              <a className="fr-btn fr-btn--tertiary" href={`/evenements/${mode.event.slug}`}>
                Voir la page publique
              </a>
            </li>
            <li>
              <a className="fr-btn fr-btn--tertiary" href={`/admin/evenements/${mode.event.id}/inscriptions`}>
                Voir les inscriptions
              </a>
            </li>
            {mode.event.status === "cancelled" ? null : (
              <li>
                <a className="fr-btn fr-btn--tertiary" href={`/admin/evenements/${mode.event.id}/annuler`}>
                  {mode.inSeries ? "Annuler cette séance…" : "Annuler l’événement…"}
                </a>
              </li>
            )}
          </ul>
        </>
      ) : null}
      {mode.kind === "series" ? (
        <p>
          Une série crée un événement par séance (par exemple un atelier un mardi sur deux, de mars à juin), aux mêmes heures de Paris, même après le passage à l’heure d’été. Chaque séance se modifie ou s’annule ensuite seule, ou avec les suivantes.
        </p>
      ) : null}
      <p>Sauf mention contraire, tous les champs sont obligatoires.</p>
      <ErrorSummary errors={errors} fieldIds={groupFieldIds} />
      <form method="post" action={actionOf(mode)} noValidate>
        <CsrfField token={context.csrfToken} />
        {mode.kind === "edit" ? <input type="hidden" name="version" value={values.version} /> : null}

        <h2 className="fr-h4">L’événement</h2>
        <SelectField name="kind" label="Type" required value={values.kind} error={errors.kind} options={eventKinds.map((kind) => ({ value: kind, label: eventKindLabels[kind].one }))} />
        <InputField name="title" label="Titre" required maxLength={200} value={values.title} error={errors.title} hint={"Par exemple\u00a0: Atelier du programme, Formation aux bonnes pratiques Python."} />
        <TextareaField name="description" label={`Description${optional}`} rows={8} value={values.description} error={errors.description} hint={"En Markdown\u00a0: **gras**, listes avec «\u00a0-\u00a0», liens [texte](https://…)."} />

        <h2 className="fr-h4">{mode.kind === "series" ? "Première séance" : "Date et horaires"}</h2>
        <p className="fr-hint-text">Heures de Paris.</p>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <InputField name="startsOn" type="date" label={mode.kind === "series" ? "Date de la première séance" : "Date"} required value={values.startsOn} error={errors.startsOn} hint={"Format\u00a0: jj/mm/aaaa, par exemple 09/03/2027."} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <InputField name="startTime" label="Heure de début" required value={values.startTime} error={errors.startTime} hint={"Par exemple\u00a0: 14:00."} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <InputField name="endTime" label="Heure de fin" required value={values.endTime} error={errors.endTime} hint={"Par exemple\u00a0: 17:30."} />
          </div>
        </div>
        <InputField name="endsOn" type="date" label={`Date de fin${optional}`} value={values.endsOn} error={errors.endsOn} hint={"Pour un événement sur plusieurs jours (un bootcamp de deux jours)\u00a0; vide, il finit le même jour."} />
        {mode.kind === "series" ? (
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <InputField name="interval" type="number" inputMode="numeric" label="Toutes les combien de semaines" required value={values.interval} error={errors.interval} hint={`De 1 à ${maxIntervalWeeks}\u00a0: 2 pour une semaine sur deux.`} />
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <InputField name="until" type="date" label="Jusqu’au" required value={values.until} error={errors.until} hint={"La dernière séance a lieu au plus tard ce jour-là. Format\u00a0: jj/mm/aaaa."} />
            </div>
          </div>
        ) : null}
        <TextareaField
          name="agenda"
          label={`Déroulé${optional}`}
          rows={5}
          value={values.agenda}
          error={errors.agenda}
          hint={"Une ligne par séquence, l’heure d’abord. Par exemple\u00a0: 14 h – 15 h : pitchs des projets."}
        />

        <h2 className="fr-h4">Lieu et visio</h2>
        <InputField name="placeName" label={`Nom du lieu${optional}`} maxLength={200} value={values.placeName} error={errors.placeName} hint={"Obligatoire pour proposer des places sur place. Par exemple\u00a0: BercyLab."} />
        <TextareaField name="placeAddress" label={`Adresse${optional}`} rows={2} maxLength={500} value={values.placeAddress} error={errors.placeAddress} />
        <TextareaField name="placeAccess" label={`Informations d’accès${optional}`} rows={3} maxLength={2000} value={values.placeAccess} error={errors.placeAccess} hint="Entrée, pièce d’identité à présenter, étage, transports…" />
        <InputField name="visioUrl" type="url" label={`Lien de la visio${optional}`} value={values.visioUrl} error={errors.visioUrl} hint="Envoyé aux personnes inscrites et affiché pour elles sur la page de l’événement, jamais aux autres visiteurs." />

        <h2 className="fr-h4">Places et inscriptions</h2>
        <p className="fr-hint-text">Un mode de participation est proposé quand sa capacité est indiquée&nbsp;; les deux à la fois pour un événement hybride. Au-delà, les inscriptions vont sur une liste d’attente.</p>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <InputField name="inPersonCapacity" type="number" inputMode="numeric" label={`Places sur place${optional}`} value={values.inPersonCapacity} error={errors.inPersonCapacity} hint="Vide si l’événement n’a pas lieu sur place." />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <InputField name="remoteCapacity" type="number" inputMode="numeric" label={`Places à distance${optional}`} value={values.remoteCapacity} error={errors.remoteCapacity} hint="Vide si l’événement ne se suit pas à distance." />
          </div>
        </div>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <InputField name="registrationOpensAt" type="datetime-local" label={`Ouverture des inscriptions${optional}`} value={values.registrationOpensAt} error={errors.registrationOpensAt} hint={"Vide\u00a0: ouvertes dès maintenant."} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <InputField name="registrationClosesAt" type="datetime-local" label={`Clôture des inscriptions${optional}`} value={values.registrationClosesAt} error={errors.registrationClosesAt} hint={"Vide\u00a0: au début de l’événement."} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <InputField name="cancellationClosesAt" type="datetime-local" label={`Fin des désinscriptions${optional}`} value={values.cancellationClosesAt} error={errors.cancellationClosesAt} hint={"Vide\u00a0: jusqu’au début de l’événement."} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <InputField name="accessListDueAt" type="datetime-local" label={`Remise de la liste d’accès au bâtiment${optional}`} value={values.accessListDueAt} error={errors.accessListDueAt} hint="L’heure à laquelle l’accueil du bâtiment attend la liste des personnes sur place." />
          </div>
        </div>
        {mode.kind === "series" ? <p className="fr-hint-text">Ces dates sont reportées sur chaque séance, au même écart de son début (la veille à 18 h reste la veille à 18 h).</p> : null}

        <h2 className="fr-h4">Public</h2>
        <RadioGroup
          name="audience"
          legend="Qui peut s’inscrire"
          required
          value={values.audience}
          error={errors.audience}
          options={eventAudiences.map((audience) => ({ value: audience, label: eventAudienceLabels[audience as EventAudience], hint: audienceHints[audience] }))}
        />
        <SelectField name="audienceProjectId" label={"Projet dont l’équipe peut s’inscrire (si «\u00a0Équipe d’un projet\u00a0»)"} value={values.audienceProjectId} error={errors.audienceProjectId} placeholder="Choisir un projet" options={choices.projects.map((project) => ({ value: project.id, label: project.title }))} />
        <SelectField name="seasonId" label={`Saison${optional}`} value={values.seasonId} error={errors.seasonId} placeholder="Aucune saison" options={choices.seasons.map((season) => ({ value: season.id, label: season.name }))} />
        {choices.projects.length > 0 ? (
          <CheckboxGroup name="projectIds" legend={`Projets concernés${optional}`} values={values.projectIds} error={errors.projectIds} options={choices.projects.map((project) => ({ value: project.id, label: project.title }))} />
        ) : null}

        <h2 className="fr-h4">Questions posées à l’inscription</h2>
        <CheckboxGroup
          name="defaultQuestions"
          legend={`Questions habituelles${optional}`}
          values={values.defaultQuestions}
          error={errors.defaultQuestions}
          options={defaultQuestions.map((question) => ({ value: question.key, label: question.label }))}
        />
        <CustomQuestionsHelp />
        <TextareaField
          name="customQuestions"
          label={`Autres questions${optional}`}
          rows={4}
          value={values.customQuestions}
          error={errors.customQuestions}
          hint="Une question par ligne, écrite comme dans l’exemple ci-dessus."
        />

        <h2 className="fr-h4">Formation&nbsp;: intervenants, replay et supports</h2>
        <InputField name="trainers" label={`Intervenants${optional}`} maxLength={300} value={values.trainers} error={errors.trainers} hint={"Par exemple\u00a0: Lino Galiana et Romain Avouac (Insee)."} />
        <InputField name="replayUrl" type="url" label={`Lien du replay${optional}`} value={values.replayUrl} error={errors.replayUrl} />
        <InputField name="slidesUrl" type="url" label={`Lien des supports${optional}`} value={values.slidesUrl} error={errors.slidesUrl} />
        <TextareaField name="resources" label={`Autres ressources${optional}`} rows={3} value={values.resources} error={errors.resources} hint={"Une par ligne\u00a0: libellé | adresse. Par exemple\u00a0: Dépôt du code | https://github.com/…"} />

        {mode.kind === "edit" && mode.inSeries ? (
          <RadioGroup
            name="scope"
            legend="Appliquer les modifications à"
            required
            value={values.scope}
            error={errors.scope}
            options={[
              { value: "one", label: "Cette séance seulement" },
              {
                value: "following",
                label: "Cette séance et les suivantes",
                hint: "Les séances suivantes ne prennent que ce que vous changez ici (un titre, un lieu, un horaire…)\u00a0; ce qui a été modifié sur l’une d’elles seule reste. Si la date change, elles sont décalées d’autant de jours. Les séances annulées ne changent pas. Une page de confirmation dit ce qui change, sur combien de séances, avant d’enregistrer.",
              },
            ]}
          />
        ) : null}
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          <li>
            <Button type="submit">{submit}</Button>
          </li>
          <li>
            <ButtonLink href="/admin/evenements" variant="secondary">
              Retour aux événements
            </ButtonLink>
          </li>
        </ul>
      </form>
    </Layout>
  );
}

/**
 * How to write the custom questions, visible beside the field: the syntax in words, a worked example and
 * what it gives on the registration form.
 */
function CustomQuestionsHelp() {
  return (
    <div className="fr-highlight fr-mb-3w">
      <p className="fr-mb-1w">Pour poser d’autres questions, écrivez-en une par ligne dans le champ ci-dessous&nbsp;:</p>
      <ul className="fr-mb-1w">
        <li>commencez la ligne par un astérisque «&nbsp;*&nbsp;» pour rendre la réponse obligatoire&nbsp;;</li>
        <li>pour proposer des réponses au choix, écrivez après la question une flèche «&nbsp;=&gt;&nbsp;» puis les réponses, séparées par une barre verticale «&nbsp;|&nbsp;»&nbsp;;</li>
        <li>sans flèche, la personne répond librement.</li>
      </ul>
      <p className="fr-mb-1w">Par exemple, ces deux lignes&nbsp;:</p>
      <pre className="fr-mb-1w" style={{ whiteSpace: "pre-wrap" }}>
        <code>{"* Quel atelier choisissez-vous\u00a0? => Python | R | SQL\nAvez-vous une question pour les intervenants\u00a0?"}</code>
      </pre>
      <p className="fr-mb-0">donnent une question obligatoire avec trois réponses au choix (Python, R ou SQL), puis une question facultative à laquelle on répond par un texte libre.</p>
    </div>
  );
}

const audienceHints: Record<string, string> = {
  public: "Les membres, et les visiteurs sans compte avec leur adresse électronique.",
  members: "Les membres du programme, connectés.",
  project: "Les membres de l’équipe du projet choisi ci-dessous.",
};

export type CancelPageProps = {
  context: PageContext;
  event: EventRecord;
  inSeries: boolean;
  followingCount: number;
  registered: number;
  values: { reason: string; scope: string; version: string };
  errors: FieldErrors;
};

/** `/admin/evenements/:id/annuler`: the reason (mailed to the registered people) and, in a series, this one or the following too. */
export function CancelEventPage({ context, event, inSeries, followingCount, registered, values, errors }: CancelPageProps) {
  const title = inSeries ? `Annuler une séance de «\u00a0${event.title}\u00a0»` : `Annuler «\u00a0${event.title}\u00a0»`;
  return (
    <Layout context={context} title={title} hasErrors={Object.keys(errors).length > 0} breadcrumb={eventsAdminBreadcrumb}>
      <h1>{title}</h1>
      <p className="fr-text--lead">{whenText(event)}</p>
      <p>
        L’événement reste visible, marqué «&nbsp;Annulé&nbsp;» avec le motif, et ses inscriptions sont conservées.{" "}
        {registered > 0 ? `${registered}\u00a0${registered > 1 ? "personnes inscrites (ou en attente) recevront" : "personne inscrite (ou en attente) recevra"} le motif par courriel.` : "Personne n’est encore inscrit."}
      </p>
      <ErrorSummary errors={errors} fieldIds={groupFieldIds} />
      <form method="post" action={`/admin/evenements/${event.id}/annuler`} noValidate>
        <CsrfField token={context.csrfToken} />
        <input type="hidden" name="version" value={values.version} />
        <TextareaField name="reason" label="Motif de l’annulation" required rows={4} maxLength={1000} value={values.reason} error={errors.reason} hint="Il est affiché sur la page de l’événement et envoyé aux personnes inscrites." />
        {inSeries ? (
          <RadioGroup
            name="scope"
            legend={"Que voulez-vous annuler\u00a0?"}
            required
            value={values.scope}
            error={errors.scope}
            options={[
              { value: "one", label: "Cette séance seulement" },
              { value: "following", label: `Cette séance et les suivantes (${followingCount + 1}\u00a0séances)`, hint: "Les séances déjà annulées ne changent pas." },
            ]}
          />
        ) : null}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit">Confirmer l’annulation</Button>
          </li>
          <li>
            <ButtonLink href={`/admin/evenements/${event.id}/modifier`} variant="secondary">
              Revenir sans annuler
            </ButtonLink>
          </li>
        </ul>
      </form>
    </Layout>
  );
}

const changedFieldLabels: Record<ChangedField, string> = {
  kind: "le type",
  title: "le titre",
  description: "la description",
  agenda: "le déroulé",
  placeName: "le nom du lieu",
  placeAddress: "l’adresse",
  placeAccess: "les informations d’accès",
  visioUrl: "le lien de la visio",
  inPersonCapacity: "les places sur place",
  remoteCapacity: "les places à distance",
  registrationOpensAt: "l’ouverture des inscriptions (au même écart du début de chaque séance)",
  registrationClosesAt: "la clôture des inscriptions (au même écart du début de chaque séance)",
  cancellationClosesAt: "la fin des désinscriptions (au même écart du début de chaque séance)",
  accessListDueAt: "la remise de la liste d’accès (au même écart du début de chaque séance)",
  audience: "qui peut s’inscrire",
  audienceProjectId: "le projet dont l’équipe peut s’inscrire",
  seasonId: "la saison",
  projectIds: "les projets concernés",
  questions: "les questions posées à l’inscription",
  trainers: "les intervenants",
  replayUrl: "le lien du replay",
  slidesUrl: "le lien des supports",
  resources: "les autres ressources",
};

function daysWords(days: number): string {
  return `${Math.abs(days)}\u00a0${Math.abs(days) > 1 ? "jours" : "jour"}`;
}

/** « la date : une semaine plus tard », « l’heure de début : 9 h 30 »… in the form's order. */
export function changeLines(changes: OccurrenceChanges): string[] {
  const lines: string[] = [];
  const field = (name: ChangedField) => (changes.fields.includes(name) ? [changedFieldLabels[name]] : []);
  lines.push(...field("kind"), ...field("title"), ...field("description"));
  if (changes.dayShift !== 0) lines.push(`la date\u00a0: ${changes.dayShift > 0 ? `${daysWords(changes.dayShift)} plus tard` : `${daysWords(changes.dayShift)} plus tôt`}`);
  if (changes.startTime) lines.push(`l’heure de début\u00a0: ${formatTimeOfDay(changes.startTime)}`);
  if (changes.end) lines.push(`l’heure de fin\u00a0: ${formatTimeOfDay(changes.end.time)}${changes.end.dayOffset > 0 ? ` (${daysWords(changes.end.dayOffset)} après le début)` : ""}`);
  const rest: ChangedField[] = ["agenda", "placeName", "placeAddress", "placeAccess", "visioUrl", "inPersonCapacity", "remoteCapacity", "registrationOpensAt", "registrationClosesAt", "cancellationClosesAt", "accessListDueAt", "audience", "audienceProjectId", "seasonId", "projectIds", "questions", "trainers", "replayUrl", "slidesUrl", "resources"];
  for (const name of rest) lines.push(...field(name));
  return lines;
}

/** The form's values carried unchanged through the confirmation page (hidden fields). */
function HiddenValues({ values }: { values: EventFormPageProps["values"] }) {
  return (
    <>
      {Object.entries(values).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((item, index) => <input key={`${name}-${index}`} type="hidden" name={name} value={item} />),
      )}
    </>
  );
}

/**
 * The confirmation of « cette séance et les suivantes »: how many occurrences, from which to which, and
 * what changes on each (only what the form changed); then « Modifier les N séances » or back to the form
 * with the input kept.
 */
export function ConfirmFollowingPage({ context, event, values, preview }: { context: PageContext; event: EventRecord; values: EventFormPageProps["values"]; preview: FollowingPreview }) {
  const count = preview.occurrences.length;
  const last = preview.occurrences.at(-1)!;
  const lines = changeLines(preview.changes);
  const title = `Modifier ${count}\u00a0séances de «\u00a0${event.title}\u00a0»`;
  return (
    <Layout context={context} title={title} breadcrumb={eventsAdminBreadcrumb}>
      <h1>{title}</h1>
      <p className="fr-text--lead">
        Cette séance ({formatLongDate(event.startsAt)}) et {count - 1 > 1 ? `les ${count - 1}\u00a0suivantes` : "la suivante"}, jusqu’au {formatLongDate(last.startsAt)}.
      </p>
      <h2 className="fr-h4">Ce qui change sur {count > 2 ? `chacune des ${count}\u00a0séances` : "les deux séances"}</h2>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>Le reste de chaque séance ne change pas&nbsp;: ce qui a été modifié sur une séance seule (un autre titre, une autre salle…) est conservé. Les séances annulées ne changent pas.</p>
      <details className="fr-mb-3w">
        <summary>Voir les {count}&nbsp;séances</summary>
        <ul>
          {preview.occurrences.map((occurrence) => (
            <li key={occurrence.id}>
              {whenText(occurrence)} — {occurrence.title}
            </li>
          ))}
        </ul>
      </details>
      <form method="post" action={`/admin/evenements/${event.id}/modifier`}>
        <CsrfField token={context.csrfToken} />
        <HiddenValues values={{ ...values, scope: "following" }} />
        <input type="hidden" name="confirmation" value="oui" />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit">{`Modifier les ${count}\u00a0séances`}</Button>
          </li>
          <li>
            <Button type="submit" variant="secondary" name="etape" value="modifier">
              Revenir au formulaire
            </Button>
          </li>
        </ul>
      </form>
    </Layout>
  );
}
