import { Alert } from "../../../ui/alert.tsx";
import { ButtonLink } from "../../../ui/button.tsx";
import { CsrfField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { attendanceModeLabels } from "../domain/event-kinds.ts";
import type { EventRecord } from "../repository.ts";
import type { TeamRegistration } from "../team-repository.ts";
import { countOf, deBefore, fullName } from "./team-format.ts";
import { formatEventPeriod, formatLongDate } from "../../../shared/french-date.ts";
import { isEventDay } from "../use-cases/check-in.ts";
import { arrivalText, ModeBadge, StatusBadge, TeamEventHeader, TeamStylesheet, teamBreadcrumb, teamPaths } from "./team-parts.tsx";

/** What the check-in pages say after an arrival is recorded (or was already, or undone); `at`: « à 14 h 05 » (see `arrivalText`). */
export type CheckInNotice = { name: string; at: string; state: "recorded" | "already" | "undone" };

function CheckInAlert({ notice }: { notice: CheckInNotice | undefined }) {
  if (!notice) return null;
  if (notice.state === "undone") {
    return (
      <Alert kind="info" title="Arrivée annulée">
        <p>L’arrivée {deBefore(notice.name)} n’est plus enregistrée.</p>
      </Alert>
    );
  }
  return notice.state === "already" ? (
    <Alert kind="info" title={`Arrivée déjà enregistrée ${notice.at}`}>
      <p>L’arrivée {deBefore(notice.name)} était déjà enregistrée&nbsp;: rien n’a changé.</p>
    </Alert>
  ) : (
    <Alert kind="success" title={`Arrivée enregistrée ${notice.at}`}>
      <p>{notice.name}</p>
    </Alert>
  );
}

/** The button that records an arrival: « Admettre… » for someone without a confirmed seat, none for a cancelled registration. */
function CheckInButton({ registration, name }: { registration: TeamRegistration; name: string }) {
  if (registration.status === "cancelled" || registration.attendedAt) return null;
  const admit = registration.status !== "confirmed";
  return (
    <>
      {admit ? <input type="hidden" name="admettre" value="oui" /> : null}
      <button type="submit" className={`fr-btn fr-btn--icon-left fr-icon-check-line${admit ? " fr-btn--secondary" : ""}`}>
        {admit ? "Admettre et enregistrer l’arrivée" : "Enregistrer l’arrivée"}
        <span className="fr-sr-only">{` ${deBefore(name)}`}</span>
      </button>
    </>
  );
}

/** « Nous sommes le mardi 2 mars 2027 ; l’événement a lieu le mardi 9 mars 2027, 14 h – 17 h 30. » */
function otherDayText(event: EventRecord, now: Date): string {
  return `Nous sommes le ${formatLongDate(now)}\u00a0; l’événement a lieu le ${formatEventPeriod(event.startsAt, event.endsAt)}.`;
}

/**
 * The second step of an arrival on a day the event does not take place: what is odd, and « Enregistrer
 * quand même » (posting again with `autre-jour`, and `admettre` when the first post admitted the person).
 */
function OtherDayConfirmation({ context, event, registration, now, action, query }: { context: PageContext; event: EventRecord; registration: TeamRegistration; now: Date; action: string; query?: string }) {
  const name = fullName(registration);
  return (
    <div className="fr-alert fr-alert--warning fr-mb-3w" role="alert">
      <h2 className="fr-alert__title">Cet événement n’a pas lieu aujourd’hui</h2>
      <p>
        {otherDayText(event, now)} L’arrivée {deBefore(name)} n’est pas enregistrée. Vérifiez qu’il s’agit du bon événement (une autre séance de la série, un code scanné en avance)&nbsp;; sinon, confirmez.
      </p>
      <form method="post" action={action} className="fr-mt-2w">
        <CsrfField token={context.csrfToken} />
        <input type="hidden" name="autre-jour" value="oui" />
        {registration.status !== "confirmed" ? <input type="hidden" name="admettre" value="oui" /> : null}
        {query !== undefined ? (
          <>
            <input type="hidden" name="inscription" value={registration.id} />
            <input type="hidden" name="q" value={query} />
          </>
        ) : null}
        <button type="submit" className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-check-line">
          Enregistrer quand même
          <span className="fr-sr-only">{` l’arrivée ${deBefore(name)}`}</span>
        </button>
      </form>
    </div>
  );
}

export type CheckInPageProps = {
  context: PageContext;
  event: EventRecord;
  /** In-person registrations matching the search (all live ones without a search), by name. */
  people: TeamRegistration[];
  query: string;
  counts: { arrived: number; expected: number };
  notice?: CheckInNotice | undefined;
  error?: string | undefined;
  now: Date;
  /** Whether today is one of the event's days (Paris): otherwise each arrival asks a second confirmation. */
  eventDay: boolean;
  /** An arrival posted on another day, waiting for « Enregistrer quand même ». */
  confirmOtherDay?: TeamRegistration | undefined;
};

/**
 * `/admin/evenements/:id/pointage`, made for a phone: arrivals against the people expected, the camera
 * scanner where the browser can read QR codes (static/check-in.js), and a search by name that works
 * without JavaScript, with a check-in button per person.
 */
export function CheckInPage({ context, event, people, query, counts, notice, error, now, eventDay, confirmOtherDay }: CheckInPageProps) {
  return (
    <Layout context={context} title={`Pointage — ${event.title}`} breadcrumb={teamBreadcrumb}>
      <script type="module" src="/static/check-in.js" async />
      <TeamEventHeader event={event} page="checkIn" title="Pointage" />
      {event.inPersonCapacity === null ? (
        <Alert kind="info" title="Événement à distance">
          <p>
            Personne n’est attendu sur place&nbsp;: les présences à distance se cochent sur la <a href={teamPaths.signInSheet(event.id)}>feuille d’émargement</a>.
          </p>
        </Alert>
      ) : null}
      <CheckInAlert notice={notice} />
      {error ? (
        <Alert kind="error" title="Arrivée non enregistrée">
          <p>{error}</p>
        </Alert>
      ) : null}
      {confirmOtherDay ? (
        <OtherDayConfirmation context={context} event={event} registration={confirmOtherDay} now={now} action={teamPaths.checkIn(event.id)} query={query} />
      ) : !eventDay && event.inPersonCapacity !== null ? (
        <Alert kind="warning" small>
          <p>Attention, cet événement n’a pas lieu aujourd’hui. {otherDayText(event, now)} Chaque arrivée enregistrée aujourd’hui demande une confirmation.</p>
        </Alert>
      ) : null}
      <p className="fr-h4 fr-mb-3w" role="status">
        {counts.arrived}&nbsp;{counts.arrived > 1 ? "arrivées" : "arrivée"} sur {countOf(counts.expected, "personne attendue", "personnes attendues")} sur place
      </p>
      <section className="p10-scanner fr-mb-4w" id="scanner" data-check-in-scanner="" hidden aria-labelledby="scanner-titre">
        <h2 id="scanner-titre">Scanner un code QR</h2>
        <p>Visez le code QR de la personne (sur son téléphone ou imprimé)&nbsp;: sa page d’arrivée s’ouvre.</p>
        <button type="button" className="fr-btn fr-btn--icon-left fr-icon-qr-code-line" data-scanner-toggle="">
          Ouvrir la caméra
        </button>
        <div className="p10-scanner__view fr-mt-2w" data-scanner-view="" />
        <p className="fr-mt-2w" data-scanner-status="" role="status" />
      </section>
      <p className="p10-scanner-hint">
        Avec l’appareil photo du téléphone, scannez le code QR de la personne&nbsp;: il ouvre sa page d’arrivée sur cette plateforme (connectez-vous sur le téléphone avec votre compte d’équipe). Sinon, cherchez-la par son nom.
      </p>
      <section aria-labelledby="recherche-titre">
        <h2 id="recherche-titre">Rechercher une personne</h2>
        <form method="get" action={teamPaths.checkIn(event.id)} role="search" className="fr-mb-3w">
          <div className="fr-search-bar" id="recherche-pointage">
            <label className="fr-label" htmlFor="q">
              Nom, prénom, organisation ou adresse
            </label>
            <input className="fr-input" type="search" id="q" name="q" defaultValue={query} autoComplete="off" />
            <button className="fr-btn" type="submit" title="Rechercher la personne">
              Rechercher la personne
            </button>
          </div>
        </form>
        {query ? (
          <p>
            {countOf(people.length, "personne inscrite sur place trouvée", "personnes inscrites sur place trouvées")} pour «&nbsp;{query}&nbsp;».{" "}
            <a href={teamPaths.checkIn(event.id)}>Voir toute la liste</a>
          </p>
        ) : (
          <p>Toutes les personnes inscrites sur place, par nom de famille.</p>
        )}
        <ul className="fr-raw-list p10-check-in-list">
          {people.map((registration) => {
            const name = fullName(registration);
            return (
              <li key={registration.id} className="fr-py-2w p10-check-in-list__item">
                <p className="fr-text--bold fr-mb-0">{name}</p>
                {registration.organisation ? <p className="fr-text--sm fr-mb-1v">{registration.organisation}</p> : null}
                <p className="fr-mb-1w">
                  {registration.status !== "confirmed" ? <StatusBadge status={registration.status} /> : null}{" "}
                  {registration.attendedAt && registration.status !== "cancelled" ? <span className="fr-badge fr-badge--sm fr-badge--success">Arrivée {arrivalText(registration.attendedAt, event)}</span> : null}
                </p>
                {registration.status !== "cancelled" && !registration.attendedAt ? (
                  <form method="post" action={teamPaths.checkIn(event.id)}>
                    <CsrfField token={context.csrfToken} />
                    <input type="hidden" name="inscription" value={registration.id} />
                    <input type="hidden" name="q" value={query} />
                    <CheckInButton registration={registration} name={name} />
                  </form>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </Layout>
  );
}

export type TokenPageProps = {
  context: PageContext;
  event: EventRecord;
  registration: TeamRegistration;
  now: Date;
  notice?: CheckInNotice | undefined;
  error?: string | undefined;
  /** The arrival was posted on a day the event does not take place: ask « Enregistrer quand même ». */
  confirmOtherDay?: boolean | undefined;
};

/**
 * `/pointage/:token`, the page a registration's QR code opens (programme team only): who it is, the event,
 * the registration's state (waiting or cancelled flagged), « Enregistrer l’arrivée » (confirmed a second
 * time on another day than the event's) or, once recorded, « Annuler l’arrivée ». « Scanner le code
 * suivant » appears only where the browser can scan (static/check-in.js); « Retour au pointage » always.
 */
export function CheckInTokenPage({ context, event, registration, now, notice, error, confirmOtherDay }: TokenPageProps) {
  const name = fullName(registration);
  const eventDay = isEventDay(event, now);
  const attended = registration.attendedAt !== null && registration.status !== "cancelled";
  return (
    <Layout context={context} title={`Arrivée ${deBefore(name)} — ${event.title}`} breadcrumb={[...teamBreadcrumb, { label: `Pointage — ${event.title}`, href: teamPaths.checkIn(event.id) }]}>
      <TeamStylesheet />
      <script type="module" src="/static/check-in.js" async />
      <h1 className="fr-mb-1w">{name}</h1>
      {registration.organisation ? <p className="fr-text--lead fr-mb-1w">{registration.organisation}</p> : null}
      {registration.ministry ? <p className="fr-mb-1w">{registration.ministry}</p> : null}
      <p className="fr-mb-3w">
        <ModeBadge mode={registration.mode} /> <StatusBadge status={registration.status} />
      </p>
      <CheckInAlert notice={notice} />
      {error ? (
        <Alert kind="error" title="Arrivée non enregistrée">
          <p>{error}</p>
        </Alert>
      ) : null}
      {registration.status === "cancelled" ? (
        <Alert kind="error" title="Inscription annulée">
          <p>Cette personne n’est plus inscrite à cet événement&nbsp;: son arrivée ne peut pas être enregistrée.</p>
        </Alert>
      ) : registration.status === "waitlisted" ? (
        <Alert kind="warning" title="Sur liste d’attente">
          <p>Cette personne n’a pas de place confirmée. Vous pouvez l’admettre&nbsp;: son inscription sera confirmée, au-delà de la capacité si besoin.</p>
        </Alert>
      ) : registration.status === "pending" ? (
        <Alert kind="warning" title="Adresse non confirmée">
          <p>Ce visiteur n’a pas confirmé son adresse&nbsp;: son inscription ne compte pas de place. Vous pouvez l’admettre.</p>
        </Alert>
      ) : null}
      {registration.mode === "remote" && registration.status !== "cancelled" ? (
        <Alert kind="info" title="Inscription à distance" small>
          <p>Cette personne s’est inscrite pour suivre l’événement à distance.</p>
        </Alert>
      ) : null}
      {!notice && attended ? <Alert kind="info" title={`Arrivée déjà enregistrée ${arrivalText(registration.attendedAt!, event)}`} /> : null}
      {confirmOtherDay && !attended && registration.status !== "cancelled" ? (
        <OtherDayConfirmation context={context} event={event} registration={registration} now={now} action={teamPaths.token(registration.checkInToken)} />
      ) : !eventDay && !attended && registration.status !== "cancelled" ? (
        <Alert kind="warning" small>
          <p>Attention, cet événement n’a pas lieu aujourd’hui. {otherDayText(event, now)} L’arrivée ne sera enregistrée qu’après une seconde confirmation.</p>
        </Alert>
      ) : null}
      <div className="fr-callout fr-mb-3w">
        <p className="fr-callout__title fr-h5">{event.title}</p>
        <p className="fr-callout__text">
          {formatEventPeriod(event.startsAt, event.endsAt)}
          {event.placeName ? ` — ${event.placeName}` : ""}
          <br />
          Inscription {attendanceModeLabels[registration.mode].toLowerCase()}
        </p>
      </div>
      {confirmOtherDay || registration.status === "cancelled" || registration.attendedAt ? null : (
        <form method="post" action={teamPaths.token(registration.checkInToken)} className="fr-mb-3w">
          <CsrfField token={context.csrfToken} />
          <CheckInButton registration={registration} name={name} />
        </form>
      )}
      {attended ? (
        <form method="post" action={teamPaths.undoArrival(registration.checkInToken)} className="fr-mb-3w">
          <CsrfField token={context.csrfToken} />
          <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--icon-left fr-icon-arrow-go-back-line">
            Annuler l’arrivée
            <span className="fr-sr-only">{` ${deBefore(name)}`}</span>
          </button>
        </form>
      ) : null}
      {/* Revealed by static/check-in.js where the browser can read QR codes: the check-in page then opens with the camera. */}
      <div className="fr-mb-2w" data-scanner-next="" hidden>
        <ButtonLink href={`${teamPaths.checkIn(event.id)}#scanner`} icon="qr-code-line">
          Scanner le code suivant
        </ButtonLink>
      </div>
      <ButtonLink href={teamPaths.checkIn(event.id)} variant="secondary" icon="arrow-left-line">
        Retour au pointage
      </ButtonLink>
    </Layout>
  );
}

/**
 * `/pointage/:token` opened by the person the code belongs to (signed in, not of the programme team):
 * the code is not a page of theirs but what the reception scans; the event's name and date remind when.
 */
export function OwnCheckInCodePage({ context, event, registration }: { context: PageContext; event: EventRecord; registration: TeamRegistration }) {
  const cancelled = registration.status === "cancelled" || event.status === "cancelled";
  return (
    <Layout context={context} title={`Votre code d’accueil — ${event.title}`} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Mon compte", href: "/compte" }, { label: "Mes inscriptions", href: "/compte/evenements" }]}>
      <h1>Votre code d’accueil</h1>
      {cancelled ? (
        <Alert kind="warning" title={event.status === "cancelled" ? "Cet événement est annulé" : "Cette inscription est annulée"}>
          <p>Ce code ne sert plus&nbsp;: vous n’avez rien à présenter.</p>
        </Alert>
      ) : (
        <Alert kind="info" title="Ce code est à présenter à l’accueil le jour de l’événement">
          <p>Montrez-le à l’entrée, sur votre téléphone ou imprimé&nbsp;: l’équipe du programme le scanne pour enregistrer votre arrivée. Cette page ne vous demande rien d’autre.</p>
        </Alert>
      )}
      <div className="fr-callout fr-mt-3w fr-mb-3w">
        <p className="fr-callout__title fr-h5">{event.title}</p>
        <p className="fr-callout__text">
          {capitalised(formatEventPeriod(event.startsAt, event.endsAt))}
          {event.placeName ? ` — ${event.placeName}` : ""}
        </p>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <ButtonLink href={`/evenements/${event.slug}`} variant="secondary">
            Voir l’événement
          </ButtonLink>
        </li>
        <li>
          <ButtonLink href="/compte/evenements" variant="tertiary">
            Mes inscriptions
          </ButtonLink>
        </li>
      </ul>
    </Layout>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
