import { Alert } from "../../../ui/alert.tsx";
import { ButtonLink } from "../../../ui/button.tsx";
import { CsrfField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { attendanceModeLabels } from "../domain/event-kinds.ts";
import type { EventRecord } from "../repository.ts";
import type { TeamRegistration } from "../team-repository.ts";
import { countOf, fullName } from "./team-format.ts";
import { formatEventPeriod, formatLongDate, parisDayOf } from "../../../shared/french-date.ts";
import { arrivalText, ModeBadge, StatusBadge, TeamEventHeader, TeamStylesheet, teamBreadcrumb, teamPaths } from "./team-parts.tsx";

/** What the check-in pages say after an arrival is recorded (or was already); `at`: « à 14 h 05 » (see `arrivalText`). */
export type CheckInNotice = { name: string; at: string; already: boolean };

function CheckInAlert({ notice }: { notice: CheckInNotice | undefined }) {
  if (!notice) return null;
  return notice.already ? (
    <Alert kind="info" title={`Arrivée déjà enregistrée ${notice.at}`}>
      <p>{notice.name} était déjà pointé·e&nbsp;: rien n’a changé.</p>
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
        <span className="fr-sr-only"> de {name}</span>
      </button>
    </>
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
};

/**
 * `/admin/evenements/:id/pointage`, made for a phone: arrivals against the people expected, the camera
 * scanner where the browser can read QR codes (static/check-in.js), and a search by name that works
 * without JavaScript, with a check-in button per person.
 */
export function CheckInPage({ context, event, people, query, counts, notice, error }: CheckInPageProps) {
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
};

/**
 * `/pointage/:token`, the page a registration's QR code opens (programme team only): who it is, the event,
 * the registration's state (waiting or cancelled flagged), and « Enregistrer l’arrivée ».
 */
export function CheckInTokenPage({ context, event, registration, now, notice, error }: TokenPageProps) {
  const name = fullName(registration);
  const otherDay = parisDayOf(now) < parisDayOf(event.startsAt) || parisDayOf(now) > parisDayOf(event.endsAt);
  return (
    <Layout context={context} title={`Arrivée de ${name} — ${event.title}`} breadcrumb={[...teamBreadcrumb, { label: `Pointage — ${event.title}`, href: teamPaths.checkIn(event.id) }]}>
      <TeamStylesheet />
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
      {!notice && registration.attendedAt && registration.status !== "cancelled" ? (
        <Alert kind="info" title={`Arrivée déjà enregistrée ${arrivalText(registration.attendedAt, event)}`} />
      ) : null}
      {otherDay && registration.status !== "cancelled" ? (
        <Alert kind="warning" small>
          <p>Attention, cet événement n’a pas lieu aujourd’hui (nous sommes le {formatLongDate(now)}).</p>
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
      <form method="post" action={teamPaths.token(registration.checkInToken)} className="fr-mb-3w">
        <CsrfField token={context.csrfToken} />
        <CheckInButton registration={registration} name={name} />
      </form>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <li>
          <ButtonLink href={`${teamPaths.checkIn(event.id)}#scanner`} variant="secondary" icon="qr-code-line">
            Scanner le code suivant
          </ButtonLink>
        </li>
        <li>
          <ButtonLink href={teamPaths.checkIn(event.id)} variant="tertiary">
            Rechercher une personne
          </ButtonLink>
        </li>
      </ul>
    </Layout>
  );
}
