import type { ReactNode } from "react";
import { formatEventPeriod, formatHour, formatLongDate, parisDayOf } from "../../../shared/french-date.ts";
import { Badge, type BadgeKind } from "../../../ui/badge.tsx";
import type { BreadcrumbItem } from "../../../ui/breadcrumb.tsx";
import { type AttendanceMode, attendanceModeLabels, type EventQuestion, type RegistrationStatus } from "../domain/event-kinds.ts";
import type { EventRecord } from "../repository.ts";
import type { TeamRegistration } from "../team-repository.ts";
import { fullName } from "./team-format.ts";

/** Where the team's event pages sit: under the administration's list of events. */
export const teamBreadcrumb: BreadcrumbItem[] = [
  { label: "Accueil", href: "/" },
  { label: "Administration", href: "/admin" },
  { label: "Événements", href: "/admin/evenements" },
];

export const teamPaths = {
  registrations: (id: string) => `/admin/evenements/${id}/inscriptions`,
  action: (id: string, registrationId: string, action: "changer-de-mode" | "confirmer" | "annuler") => `/admin/evenements/${id}/inscriptions/${registrationId}/${action}`,
  accessList: (id: string) => `/admin/evenements/${id}/liste-acces.csv`,
  message: (id: string) => `/admin/evenements/${id}/message`,
  checkIn: (id: string) => `/admin/evenements/${id}/pointage`,
  signInSheet: (id: string) => `/admin/evenements/${id}/emargement`,
  edit: (id: string) => `/admin/evenements/${id}/modifier`,
  token: (token: string) => `/pointage/${encodeURIComponent(token)}`,
  undoArrival: (token: string) => `/pointage/${encodeURIComponent(token)}/annuler-arrivee`,
};

type TeamPage = "registrations" | "message" | "checkIn" | "signInSheet";

const pageLinks: { page: TeamPage; label: string }[] = [
  { page: "registrations", label: "Inscriptions" },
  { page: "message", label: "Écrire aux inscrits" },
  { page: "checkIn", label: "Pointage" },
  { page: "signInSheet", label: "Émargement" },
];

/** The stylesheet of the team's pages (print and the check-in page), hoisted into <head> by React. */
export function TeamStylesheet() {
  return <link rel="stylesheet" href="/static/event-team.css" precedence="default" />;
}

/** The event's name and time under the page title, and the links between the team's pages of this event. */
export function TeamEventHeader({ event, page, title }: { event: EventRecord; page: TeamPage; title: string }) {
  return (
    <>
      <TeamStylesheet />
      <h1 className="fr-mb-1w">{title}</h1>
      <p className="fr-text--lead fr-mb-1w">{event.title}</p>
      <p className="fr-mb-2w">
        {formatEventPeriod(event.startsAt, event.endsAt)}
        {event.placeName ? ` — ${event.placeName}` : ""}
      </p>
      {event.status === "cancelled" ? <Badge kind="error" label="Événement annulé" /> : null}
      <nav className="p10-no-print fr-mt-2w fr-mb-4w" aria-label="Pages de l’événement pour l’équipe">
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          {pageLinks.map((link) => (
            <li key={link.page}>
              <a className={`fr-btn fr-btn--sm ${link.page === page ? "" : "fr-btn--tertiary"}`} href={teamPaths[link.page](event.id)} aria-current={link.page === page ? "page" : undefined}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

const statusBadges: Record<RegistrationStatus, { label: string; kind: BadgeKind }> = {
  confirmed: { label: "Confirmée", kind: "success" },
  waitlisted: { label: "Liste d’attente", kind: "warning" },
  pending: { label: "Adresse à confirmer", kind: "info" },
  cancelled: { label: "Annulée", kind: "error" },
};

export function StatusBadge({ status }: { status: RegistrationStatus }) {
  return <Badge small as="span" {...statusBadges[status]} />;
}

export function ModeBadge({ mode }: { mode: AttendanceMode }) {
  return <Badge small as="span" noIcon label={attendanceModeLabels[mode]} />;
}

/** When an arrival was recorded, after a verb: « à 14 h 05 » on the event's day, « le mardi 9 mars 2027 à 14 h 05 » otherwise. */
export function arrivalText(attendedAt: Date, event: Pick<EventRecord, "startsAt">): string {
  const time = `à\u00a0${formatHour(attendedAt)}`;
  return parisDayOf(attendedAt) === parisDayOf(event.startsAt) ? time : `le ${formatLongDate(attendedAt)} ${time}`;
}

/** The person: name, organisation (and ministry), « visiteur » for someone without an account. */
export function PersonCell({ registration }: { registration: TeamRegistration }) {
  return (
    <>
      <span className="fr-text--bold">{fullName(registration)}</span>
      {registration.isVisitor ? <span className="fr-hint-text">Visiteur ou visiteuse sans compte</span> : null}
    </>
  );
}

export function OrganisationCell({ registration }: { registration: TeamRegistration }) {
  if (!registration.organisation && !registration.ministry) return <>—</>;
  return (
    <>
      {registration.organisation ?? ""}
      {registration.ministry ? <span className="fr-hint-text">{registration.ministry}</span> : null}
    </>
  );
}

/** The answers given to the event's questions, each under its question; empty ones left out. */
export function Answers({ registration, questions }: { registration: TeamRegistration; questions: EventQuestion[] }): ReactNode {
  const given = questions.filter((question) => (registration.answers[question.key] ?? "").trim() !== "");
  if (given.length === 0) return "—";
  return (
    <ul className="fr-raw-list">
      {given.map((question) => (
        <li key={question.key} className="fr-text--sm fr-mb-1v">
          <span className="fr-text--bold">{question.label}</span> {registration.answers[question.key]}
        </li>
      ))}
    </ul>
  );
}

export function questionsOf(event: EventRecord): EventQuestion[] {
  return Array.isArray(event.questions) ? (event.questions as EventQuestion[]) : [];
}
