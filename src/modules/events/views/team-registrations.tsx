import { formatHour, formatLongDate } from "../../../shared/french-date.ts";
import { Alert, type AlertKind } from "../../../ui/alert.tsx";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { CsrfField, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import { type AttendanceMode, attendanceModeLabels } from "../domain/event-kinds.ts";
import { capacityOf, modesOffered } from "../domain/registration-rules.ts";
import type { EventRecord } from "../repository.ts";
import { byName, type TeamRegistration } from "../team-repository.ts";
import { countOf, deBefore, fullName, modeInSentence } from "./team-format.ts";
import { Answers, arrivalText, ModeBadge, OrganisationCell, PersonCell, questionsOf, StatusBadge, TeamEventHeader, teamBreadcrumb, teamPaths } from "./team-parts.tsx";

export type TeamNotice = { kind: AlertKind; title: string; text?: string | undefined };

export type RegistrationsPageProps = {
  context: PageContext;
  event: EventRecord;
  registrations: TeamRegistration[];
  now: Date;
  notice?: TeamNotice | undefined;
};

function NoticeAlert({ notice }: { notice: TeamNotice | undefined }) {
  if (!notice) return null;
  return (
    <Alert kind={notice.kind} title={notice.title}>
      {notice.text ? <p>{notice.text}</p> : null}
    </Alert>
  );
}

/** « mardi 2 mars 2027 à 12 h ». */
function dueText(date: Date): string {
  return `${formatLongDate(date)} à\u00a0${formatHour(date)}`;
}

/** The building's access list: its cut-off, the download, and who got a seat after the cut-off. */
function AccessListSection({ event, registrations, now }: { event: EventRecord; registrations: TeamRegistration[]; now: Date }) {
  const expected = registrations.filter((registration) => registration.mode === "in_person" && registration.status === "confirmed");
  const due = event.accessListDueAt;
  const late = due ? expected.filter((registration) => registration.confirmedAt && registration.confirmedAt > due) : [];
  return (
    <section className="fr-mb-6w" aria-labelledby="liste-acces">
      <h2 id="liste-acces">Liste d’accès du bâtiment</h2>
      {due ? (
        now < due ? (
          <p>
            Liste d’accès à envoyer à l’accueil avant le <strong>{dueText(due)}</strong>.
          </p>
        ) : (
          <Alert kind={late.length > 0 ? "warning" : "info"} small>
            <p>
              La liste d’accès devait être envoyée à l’accueil avant le {dueText(due)}.
              {late.length > 0 ? ` ${countOf(late.length, "personne a", "personnes ont")} obtenu une place sur place depuis\u00a0: envoyez-les à l’accueil en complément.` : ""}
            </p>
          </Alert>
        )
      ) : (
        <p>Aucune date d’envoi à l’accueil n’est fixée pour cet événement.</p>
      )}
      <p>
        {countOf(expected.length, "personne confirmée", "personnes confirmées")} sur place. Le fichier CSV (séparateur point-virgule) s’ouvre dans un tableur et donne les nom, prénom, organisation, adresse électronique, date et heures d’arrivée et de départ prévues.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href={teamPaths.accessList(event.id)} download>
            Télécharger la liste d’accès
          </a>
        </li>
        {late.length > 0 ? (
          <li>
            <a className="fr-btn fr-btn--tertiary fr-icon-download-line fr-btn--icon-left" href={`${teamPaths.accessList(event.id)}?depuis-echeance=1`} download>
              Télécharger le complément
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** Places, confirmed, free seats, waitlist and arrivals per mode offered. */
function CountsTable({ event, registrations }: { event: EventRecord; registrations: TeamRegistration[] }) {
  const rows = modesOffered(event).map((mode) => {
    const ofMode = registrations.filter((registration) => registration.mode === mode);
    const confirmed = ofMode.filter((registration) => registration.status === "confirmed").length;
    const capacity = capacityOf(event, mode) ?? 0;
    const over = confirmed - capacity;
    return [
      attendanceModeLabels[mode],
      String(capacity),
      String(confirmed),
      over > 0 ? `aucune (${over}\u00a0en surréservation)` : String(capacity - confirmed),
      String(ofMode.filter((registration) => registration.status === "waitlisted").length),
      String(ofMode.filter((registration) => registration.status !== "cancelled" && registration.attendedAt).length),
    ];
  });
  return <Table caption="Places et inscriptions par mode de participation" columns={["Mode", "Places", "Confirmées", "Places libres", "Liste d’attente", "Présences"]} rowHeaders rows={rows} />;
}

type Group = { id: string; title: string; registrations: TeamRegistration[]; ranked?: boolean; empty: string };

function actionsOf(event: EventRecord, registration: TeamRegistration) {
  if (registration.status === "cancelled" || event.status === "cancelled") return null;
  const name = fullName(registration);
  const other: AttendanceMode = registration.mode === "in_person" ? "remote" : "in_person";
  const canMove = modesOffered(event).includes(other);
  return (
    <ul className="fr-raw-list">
      {registration.status === "waitlisted" ? (
        <li>
          <a className="fr-link fr-link--sm" href={teamPaths.action(event.id, registration.id, "confirmer")}>
            Confirmer<span className="fr-sr-only">{` l’inscription ${deBefore(name)}`}</span>
          </a>
        </li>
      ) : null}
      {canMove ? (
        <li>
          <a className="fr-link fr-link--sm" href={teamPaths.action(event.id, registration.id, "changer-de-mode")}>
            Passer {modeInSentence[other]}
            <span className="fr-sr-only">{`\u00a0: ${name}`}</span>
          </a>
        </li>
      ) : null}
      <li>
        <a className="fr-link fr-link--sm" href={teamPaths.action(event.id, registration.id, "annuler")}>
          Annuler<span className="fr-sr-only">{` l’inscription ${deBefore(name)}`}</span>
        </a>
      </li>
    </ul>
  );
}

function RegistrationGroup({ event, group, headingLevel }: { event: EventRecord; group: Group; headingLevel: "h2" | "h3" }) {
  const Heading = headingLevel;
  const questions = questionsOf(event);
  const columns = [...(group.ranked ? ["Rang"] : []), "Personne", "Organisation", "Adresse électronique", "Réponses", "Présence", "Actions"];
  return (
    <section className="fr-mb-4w" aria-labelledby={group.id}>
      <Heading id={group.id} className={headingLevel === "h3" ? "fr-h5" : undefined}>
        {group.title} ({group.registrations.length})
      </Heading>
      {group.registrations.length === 0 ? (
        <p>{group.empty}</p>
      ) : (
        <Table
          caption={`${group.title}\u00a0: ${event.title}`}
          noCaption
          size="sm"
          columns={columns}
          rows={group.registrations.map((registration, index) => [
            ...(group.ranked ? [String(index + 1)] : []),
            <PersonCell registration={registration} />,
            <OrganisationCell registration={registration} />,
            registration.email ?? "—",
            <Answers registration={registration} questions={questions} />,
            registration.status !== "cancelled" && registration.attendedAt ? `Présence enregistrée ${arrivalText(registration.attendedAt, event)}` : "—",
            actionsOf(event, registration) ?? "—",
          ])}
        />
      )}
    </section>
  );
}

/**
 * `/admin/evenements/:id/inscriptions`: the event's registrations by mode (confirmed by name, waitlist in
 * queue order), unconfirmed visitors and cancellations, with the counts against the capacities, the access
 * list and the actions (move to the other mode, take off the waitlist, cancel: each confirmed on its own page).
 */
export function RegistrationsPage({ context, event, registrations, now, notice }: RegistrationsPageProps) {
  const modes = modesOffered(event);
  const live = (mode: AttendanceMode, status: "confirmed" | "waitlisted") => registrations.filter((registration) => registration.mode === mode && registration.status === status);
  const pending = registrations.filter((registration) => registration.status === "pending");
  const cancelled = registrations.filter((registration) => registration.status === "cancelled").sort((a, b) => (b.cancelledAt?.getTime() ?? 0) - (a.cancelledAt?.getTime() ?? 0));
  return (
    <Layout context={context} title={`Inscriptions — ${event.title}`} breadcrumb={teamBreadcrumb}>
      <TeamEventHeader event={event} page="registrations" title="Inscriptions" />
      <NoticeAlert notice={notice} />
      <CountsTable event={event} registrations={registrations} />
      {modes.includes("in_person") ? <AccessListSection event={event} registrations={registrations} now={now} /> : null}
      {modes.length === 0 ? <p>Cet événement n’a pas de mode de participation ouvert.</p> : null}
      {modes.map((mode) => (
        <section key={mode} className="fr-mb-6w" aria-labelledby={`mode-${mode}`}>
          <h2 id={`mode-${mode}`}>{attendanceModeLabels[mode]}</h2>
          <RegistrationGroup event={event} headingLevel="h3" group={{ id: `confirmees-${mode}`, title: "Inscriptions confirmées", registrations: live(mode, "confirmed").sort(byName), empty: "Personne pour le moment." }} />
          <RegistrationGroup event={event} headingLevel="h3" group={{ id: `attente-${mode}`, title: "Liste d’attente", registrations: live(mode, "waitlisted"), ranked: true, empty: "Personne n’attend." }} />
        </section>
      ))}
      {pending.length > 0 ? (
        <RegistrationGroup event={event} headingLevel="h2" group={{ id: "a-confirmer", title: "Visiteurs dont l’adresse reste à confirmer", registrations: pending, empty: "" }} />
      ) : null}
      <RegistrationGroup event={event} headingLevel="h2" group={{ id: "annulees", title: "Inscriptions annulées", registrations: cancelled, empty: "Aucune inscription annulée." }} />
    </Layout>
  );
}

export type RegistrationAction = "move" | "admit" | "cancel";

export type ActionPageProps = {
  context: PageContext;
  event: EventRecord;
  registration: TeamRegistration;
  action: RegistrationAction;
  /** For a move or taking off the waitlist: the seats of the mode concerned now. */
  seats: { mode: AttendanceMode; capacity: number; confirmed: number; waiting: number };
  /** The action cannot apply (a cancelled registration…): the page says why, without the button. */
  blocked?: boolean | undefined;
  error?: string | undefined;
  values?: { message?: string | undefined };
};

const actionTitles: Record<RegistrationAction, (name: string, other: AttendanceMode) => string> = {
  move: (name, other) => `Faire participer ${name} ${modeInSentence[other]}`,
  admit: (name) => `Confirmer l’inscription ${deBefore(name)}`,
  cancel: (name) => `Annuler l’inscription ${deBefore(name)}`,
};

const actionSegments = { move: "changer-de-mode", admit: "confirmer", cancel: "annuler" } as const;

function moveConsequence(registration: TeamRegistration, seats: ActionPageProps["seats"]): string {
  if (registration.status === "pending") return `L’inscription passera ${modeInSentence[seats.mode]} et restera en attente de la confirmation de l’adresse (elle ne prend pas de place).`;
  const free = Math.max(0, seats.capacity - seats.confirmed);
  const freed = registration.status === "confirmed" ? ` Sa place ${modeInSentence[registration.mode]} ira à la première personne de la liste d’attente.` : "";
  const there =
    free > seats.waiting
      ? `Il reste ${countOf(free, "place", "places")} ${modeInSentence[seats.mode]}${seats.waiting > 0 ? ` et ${countOf(seats.waiting, "personne attend", "personnes attendent")}` : ""}\u00a0: la personne aura une place.`
      : `Il ne reste pas de place ${modeInSentence[seats.mode]}${seats.waiting > 0 ? ` (${countOf(seats.waiting, "personne attend", "personnes attendent")} déjà)` : ""}\u00a0: la personne rejoindra la fin de la liste d’attente.`;
  return `${there}${freed} La personne sera prévenue par courriel.`;
}

/** « Les 2 places sur place sont prises (2 personnes confirmées)… », agreed for one place and for several. */
export function overbookingText(seats: ActionPageProps["seats"]): string {
  const where = modeInSentence[seats.mode];
  const taken = seats.capacity === 0 ? `Aucune place n’est prévue ${where}` : seats.capacity === 1 ? `La seule place ${where} est prise` : `Les ${seats.capacity}\u00a0places ${where} sont prises`;
  const confirmed = seats.confirmed > 0 ? ` (${countOf(seats.confirmed, "personne confirmée", "personnes confirmées")})` : "";
  const places = seats.capacity === 0 ? "aucune place" : countOf(seats.capacity, "place", "places");
  return `${taken}${confirmed}. En confirmant cette personne, l’événement comptera ${countOf(seats.confirmed + 1, "personne", "personnes")} ${where} pour ${places}. La personne passera avant les autres personnes en attente et sera prévenue par courriel.`;
}

/** The confirmation page of an action on one registration: what will happen, then the button (POST with CSRF). */
export function RegistrationActionPage({ context, event, registration, action, seats, blocked, error, values }: ActionPageProps) {
  const name = fullName(registration);
  const other: AttendanceMode = registration.mode === "in_person" ? "remote" : "in_person";
  const title = actionTitles[action](name, other);
  return (
    <Layout context={context} title={`${title} — ${event.title}`} hasErrors={Boolean(error)} breadcrumb={[...teamBreadcrumb, { label: `Inscriptions — ${event.title}`, href: teamPaths.registrations(event.id) }]}>
      <h1>{title}</h1>
      <p className="fr-text--lead">{event.title}</p>
      {error ? (
        <Alert kind="error" title="L’action n’a pas été faite">
          <p>{error}</p>
        </Alert>
      ) : null}
      <ul className="fr-raw-list fr-mb-3w">
        <li>
          <PersonCell registration={registration} />
        </li>
        <li>
          <OrganisationCell registration={registration} />
        </li>
        <li className="fr-mt-1w">
          <ModeBadge mode={registration.mode} /> <StatusBadge status={registration.status} />
        </li>
      </ul>
      {blocked ? (
        <ButtonLink href={teamPaths.registrations(event.id)} variant="secondary">
          Retour aux inscriptions
        </ButtonLink>
      ) : (
        <ActionForm context={context} event={event} registration={registration} action={action} seats={seats} values={values} />
      )}
    </Layout>
  );
}

function ActionForm({ context, event, registration, action, seats, values }: Omit<ActionPageProps, "blocked" | "error">) {
  const other: AttendanceMode = registration.mode === "in_person" ? "remote" : "in_person";
  const full = seats.confirmed >= seats.capacity;
  return (
    <>
      {action === "move" ? <p>{moveConsequence(registration, seats)}</p> : null}
      {action === "admit" ? (
        full ? (
          <Alert kind="warning" title="Surréservation">
            <p>{overbookingText(seats)}</p>
          </Alert>
        ) : (
          <p>
            Il reste {countOf(seats.capacity - seats.confirmed, "place", "places")} {modeInSentence[seats.mode]}. La personne sera prévenue par courriel que son inscription est confirmée.
          </p>
        )
      ) : null}
      {action === "cancel" ? (
        <p>
          {registration.status === "confirmed" ? `Sa place ${modeInSentence[registration.mode]} ira à la première personne de la liste d’attente. ` : ""}
          La personne sera prévenue par courriel, avec votre message si vous en écrivez un.
        </p>
      ) : null}
      <form method="post" action={teamPaths.action(event.id, registration.id, actionSegments[action])}>
        <CsrfField token={context.csrfToken} />
        {action === "cancel" ? <TextareaField name="message" label="Message à la personne (facultatif)" hint="Ajouté au courriel qui la prévient, par exemple la raison de l’annulation." rows={4} maxLength={2000} value={values?.message} /> : null}
        {action === "admit" && full ? <input type="hidden" name="surreservation" value="oui" /> : null}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit">{action === "move" ? `Passer ${modeInSentence[other]}` : action === "admit" ? (full ? "Confirmer au-delà de la capacité" : "Confirmer l’inscription") : "Annuler l’inscription"}</Button>
          </li>
          <li>
            <ButtonLink href={teamPaths.registrations(event.id)} variant="secondary">
              Retour aux inscriptions
            </ButtonLink>
          </li>
        </ul>
      </form>
    </>
  );
}
