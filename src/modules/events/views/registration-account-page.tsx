import { Alert } from "../../../ui/alert.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import { type AttendanceMode, attendanceModeLabels, type RegistrationStatus, registrationStatusLabels } from "../domain/event-kinds.ts";
import { registrationSentence, StatusBadge } from "./registration-panel.tsx";
import { formatEventPeriod } from "../../../shared/french-date.ts";

/** « Mes inscriptions »: the only return address the cancellation page honours. */
export const accountRegistrationsPath = "/compte/evenements";

/** One registration on « Mes inscriptions ». */
export type AccountRegistration = {
  id: string;
  event: { title: string; slug: string; startsAt: Date; endsAt: Date; place: string | null; cancelled: boolean; cancellationReason: string | null };
  mode: AttendanceMode;
  status: RegistrationStatus;
  rank: number | null;
  canCancel: boolean;
  /** A cancelled registration while registration is open: « S’inscrire à nouveau ». */
  canRegisterAgain: boolean;
  attended: boolean;
  /** In person and confirmed: the QR code to show at the entrance (inline SVG) and the address it encodes. */
  qr: { svg: string; url: string } | null;
};

export type RegistrationAccountPageProps = {
  context: PageContext;
  upcoming: AccountRegistration[];
  past: AccountRegistration[];
  notice?: "cancelled" | null;
  error?: string | null;
};

function UpcomingRegistration({ registration }: { registration: AccountRegistration }) {
  const { event } = registration;
  return (
    <li className="fr-mb-4w">
      <h3 className="fr-h5 fr-mb-1w">
        <a href={`/evenements/${event.slug}`}>{event.title}</a>
      </h3>
      <p className="fr-mb-1w">
        {formatEventPeriod(event.startsAt, event.endsAt)}
        {event.place && registration.mode === "in_person" ? <><br />{event.place}</> : null}
      </p>
      {event.cancelled ? (
        // The event's cancellation is all there is to say: no seat, no QR code, nothing to cancel.
        <>
          <p className="fr-badge fr-badge--error fr-badge--sm">Événement annulé</p>
          <p className="fr-mt-1w fr-mb-1w">
            {event.cancellationReason ? `Événement annulé\u00a0: ${event.cancellationReason}` : "Cet événement est annulé."}
            <br />
            Vous n’avez rien à faire.
          </p>
        </>
      ) : (
        <>
          <StatusBadge status={registration.status} />
          <p className="fr-mt-1w fr-mb-1w">
            {registrationSentence(registration)}
            {registration.canRegisterAgain ? (
              <>
                {" "}
                <a href={`/evenements/${event.slug}/inscription`}>
                  S’inscrire à nouveau<span className="fr-sr-only"> à «&nbsp;{event.title}&nbsp;»</span>
                </a>
              </>
            ) : null}
          </p>
        </>
      )}
      {registration.qr ? (
        <div className="fr-mb-2w">
          <div dangerouslySetInnerHTML={{ __html: registration.qr.svg }} />
          <p className="fr-text--sm">
            Présentez ce code QR à l’accueil, sur votre téléphone ou imprimé. Il correspond à l’adresse <a href={registration.qr.url}>{registration.qr.url}</a>.
          </p>
        </div>
      ) : null}
      {registration.canCancel ? (
        // The event page's confirmation step, which brings the person back here.
        <a className="fr-btn fr-btn--sm fr-btn--secondary" href={`/evenements/${event.slug}/desinscription?retour=${encodeURIComponent(accountRegistrationsPath)}`}>
          Annuler mon inscription<span className="fr-sr-only"> à «&nbsp;{event.title}&nbsp;»</span>
        </a>
      ) : null}
    </li>
  );
}

/** `/compte/evenements` « Mes inscriptions »: upcoming registrations (QR code, cancel) and past ones (attendance). */
export function RegistrationAccountPage({ context, upcoming, past, notice, error }: RegistrationAccountPageProps) {
  return (
    <Layout context={context} title="Mes inscriptions" breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Mon compte", href: "/compte" }]}>
      <h1>Mes inscriptions</h1>
      <p>
        Retrouvez vos inscriptions dans votre agenda (Thunderbird, Outlook, Google Agenda…)&nbsp;: <a href="/compte/calendrier">Mes inscriptions dans mon agenda</a>.
      </p>
      {notice === "cancelled" ? <Alert kind="success">Votre inscription est annulée.</Alert> : null}
      {error ? (
        <Alert kind="error" title="L’annulation n’a pas été faite">
          <p>{error}</p>
        </Alert>
      ) : null}
      <h2>À venir</h2>
      {upcoming.length === 0 ? (
        <p>
          Aucune inscription à venir. <a href="/evenements">Voir les événements</a>
        </p>
      ) : (
        <ul className="fr-raw-list">
          {upcoming.map((registration) => (
            <UpcomingRegistration key={registration.id} registration={registration} />
          ))}
        </ul>
      )}
      <h2>Passées</h2>
      {past.length === 0 ? (
        <p>Aucun événement passé.</p>
      ) : (
        <Table
          caption="Mes inscriptions passées"
          noCaption
          columns={["Événement", "Date", "Participation", "Inscription", "Présence"]}
          rows={past.map((registration) => [
            <a key="title" href={`/evenements/${registration.event.slug}`}>
              {registration.event.title}
            </a>,
            formatEventPeriod(registration.event.startsAt, registration.event.endsAt),
            attendanceModeLabels[registration.mode],
            registration.event.cancelled ? "Événement annulé" : registrationStatusLabels[registration.status],
            registration.attended ? "Présent·e" : "—",
          ])}
        />
      )}
    </Layout>
  );
}
