import type { FastifyRequest } from "fastify";
import type { ReactNode } from "react";
import { formatDateHour } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Badge, type BadgeKind } from "../../../ui/badge.tsx";
import { ButtonLink } from "../../../ui/button.tsx";
import type { EventsDeps } from "../deps.ts";
import { type AttendanceMode, attendanceModeLabels, type RegistrationStatus, registrationStatusLabels } from "../domain/event-kinds.ts";
import { canCancelAt, capacityOf, modesOffered, registrationWindow } from "../domain/registration-rules.ts";
import { countRegistrations, waitlistRank } from "../registration-repository.ts";
import { type EventRecord, findLiveRegistrationOfMember } from "../repository.ts";
import { registrationAccess } from "../use-cases/register.ts";

/** One mode's seats: capacity, confirmed, left, waiting. */
export type ModeAvailability = { mode: AttendanceMode; capacity: number; confirmed: number; left: number; waiting: number };

export type PanelRegistration = { status: RegistrationStatus; mode: AttendanceMode; rank: number | null; canCancel: boolean; cancellationClosesAt: Date };

/** What the event page shows about registering, for the person viewing it. */
export type RegistrationPanelModel = {
  slug: string;
  window: "open" | "not_yet" | "closed" | "cancelled";
  opensAt: Date | null;
  closesAt: Date;
  modes: ModeAvailability[];
  viewer:
    | { kind: "member"; registration: PanelRegistration | null }
    | { kind: "visitor" }
    | { kind: "sign_in" }
    | { kind: "refused"; reason: string };
  /** After a registration or a cancellation (`?inscription=…`), shown only when it matches what is true. */
  notice: "registered" | "cancelled" | null;
};

/** Seats of each offered mode, from the registrations as they are now. */
export async function modeAvailability(deps: Pick<EventsDeps, "db">, event: EventRecord): Promise<ModeAvailability[]> {
  const counts = await countRegistrations(deps.db, event.id);
  return modesOffered(event).map((mode) => {
    const capacity = capacityOf(event, mode) ?? 0;
    return { mode, capacity, confirmed: counts[mode].confirmed, left: Math.max(0, capacity - counts[mode].confirmed), waiting: counts[mode].waitlisted };
  });
}

function noticeParameter(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.inscription;
  return typeof value === "string" ? value : undefined;
}

/** Loads the registration block of the event page for the person viewing it. */
export async function loadRegistrationPanel(deps: EventsDeps, event: EventRecord, request: FastifyRequest): Promise<RegistrationPanelModel> {
  const now = deps.clock.now();
  const access = await registrationAccess(deps.db, event, request.user ?? null);
  let viewer: RegistrationPanelModel["viewer"];
  if (access.kind === "visitor" || access.kind === "sign_in" || !request.user) viewer = access.kind === "member" ? { kind: "sign_in" } : access;
  else {
    // Someone registered stays shown as such even if the audience changed since.
    const live = await findLiveRegistrationOfMember(deps.db, event.id, request.user.id);
    if (!live && access.kind === "refused") viewer = access;
    else {
      viewer = {
        kind: "member",
        registration: live
          ? {
              status: live.status as RegistrationStatus,
              mode: live.mode as AttendanceMode,
              rank: await waitlistRank(deps.db, live),
              canCancel: canCancelAt(event, now),
              cancellationClosesAt: event.cancellationClosesAt ?? event.startsAt,
            }
          : null,
      };
    }
  }
  const asked = noticeParameter(request);
  const registered = viewer.kind === "member" && viewer.registration !== null;
  const notice = asked === "enregistree" && registered ? "registered" : asked === "annulee" && viewer.kind === "member" && !registered ? "cancelled" : null;
  return {
    slug: event.slug,
    window: registrationWindow(event, now),
    opensAt: event.registrationOpensAt,
    closesAt: event.registrationClosesAt ?? event.startsAt,
    modes: await modeAvailability(deps, event),
    viewer,
    notice,
  };
}

/**
 * « 12 places restantes sur 50 », « complet, 3 personnes sur la liste d’attente »: what follows « Sur place : »
 * (lower case, one colon per line).
 */
export function availabilityText(availability: ModeAvailability): string {
  if (availability.left > 0) {
    return `${availability.left}\u00a0${availability.left > 1 ? "places restantes" : "place restante"} sur ${availability.capacity}`;
  }
  if (availability.waiting === 0) return "complet, les prochaines inscriptions vont sur la liste d’attente";
  return `complet, ${availability.waiting}\u00a0${availability.waiting > 1 ? "personnes" : "personne"} sur la liste d’attente`;
}

export function windowText(model: Pick<RegistrationPanelModel, "window" | "opensAt" | "closesAt">): string {
  switch (model.window) {
    case "open":
      return `Inscriptions ouvertes jusqu’au ${formatDateHour(model.closesAt)}.`;
    case "not_yet":
      return model.opensAt ? `Les inscriptions ne sont pas encore ouvertes\u00a0: elles ouvriront le ${formatDateHour(model.opensAt)}.` : "Les inscriptions ne sont pas encore ouvertes.";
    case "closed":
      return "Les inscriptions sont closes.";
    case "cancelled":
      return "Cet événement est annulé\u00a0: les inscriptions sont fermées.";
  }
}

const statusBadges: Record<RegistrationStatus, BadgeKind> = { confirmed: "success", waitlisted: "warning", pending: "info", cancelled: "error" };

/** « Inscription confirmée », « Sur liste d’attente », as a DSFR badge. */
export function StatusBadge({ status }: { status: RegistrationStatus }) {
  return <Badge kind={statusBadges[status]} label={registrationStatusLabels[status]} small />;
}

/**
 * A rank on the waitlist: « en première position », « en 2<sup>e</sup> position » (French typography; the
 * text mails write « en 2e position », `waitlistPositionText`).
 */
export function WaitlistPosition({ rank }: { rank: number }) {
  return rank <= 1 ? <>en première position</> : <>en {rank}<sup>e</sup> position</>;
}

/**
 * « Vous êtes inscrit·e (sur place). », « Vous êtes en 2<sup>e</sup> position sur la liste d’attente (sur place). »,
 * « Cette inscription est annulée. »
 */
export function registrationSentence(registration: Pick<PanelRegistration, "status" | "mode" | "rank">): ReactNode {
  const mode = attendanceModeLabels[registration.mode].toLowerCase();
  if (registration.status === "waitlisted") {
    return (
      <>
        Vous êtes <WaitlistPosition rank={registration.rank ?? 1} /> sur la liste d’attente ({mode}).
      </>
    );
  }
  if (registration.status === "pending") return "Votre inscription attend la confirmation de votre adresse.";
  // No column says who cancelled (the person or the team): the sentence holds for both.
  if (registration.status === "cancelled") return "Cette inscription est annulée.";
  return `Vous êtes inscrit·e (${mode}).`;
}

/** After the redirect of a registration: what was decided, the waitlist said as such. */
function RegisteredNotice({ registration }: { registration: PanelRegistration }) {
  if (registration.status !== "waitlisted") return <Alert kind="success" small>Votre inscription est enregistrée.</Alert>;
  return (
    <Alert kind="warning" small>
      <p>
        Vous êtes sur la liste d’attente ({attendanceModeLabels[registration.mode].toLowerCase()}), <WaitlistPosition rank={registration.rank ?? 1} />. Si une place se libère pour vous, vous recevrez un courriel de confirmation.
      </p>
    </Alert>
  );
}

/** The registration block of the event page: places left per mode, the window, then the button or the person's registration. */
export function RegistrationPanel({ model }: { model: RegistrationPanelModel }) {
  const registerHref = `/evenements/${model.slug}/inscription`;
  const { viewer } = model;
  const open = model.window === "open";
  return (
    <section className="fr-my-4w" aria-labelledby="inscription">
      <h2 id="inscription">Inscription</h2>
      {model.notice === "registered" && viewer.kind === "member" && viewer.registration ? <RegisteredNotice registration={viewer.registration} /> : null}
      {model.notice === "cancelled" ? <Alert kind="success" small>Votre inscription est annulée.</Alert> : null}
      <p>{windowText(model)}</p>
      {model.modes.length > 0 ? (
        <ul>
          {model.modes.map((availability) => (
            <li key={availability.mode}>
              <strong>{attendanceModeLabels[availability.mode]}</strong>&nbsp;: {availabilityText(availability)}
            </li>
          ))}
        </ul>
      ) : null}
      {viewer.kind === "member" && viewer.registration ? (
        <div>
          {model.window === "cancelled" ? (
            // The event is cancelled: the registration has nothing left to confirm.
            <p>Vous étiez inscrit·e ({attendanceModeLabels[viewer.registration.mode].toLowerCase()})&nbsp;: l’événement étant annulé, vous n’avez rien à faire.</p>
          ) : (
            <>
              <StatusBadge status={viewer.registration.status} />
              <p className="fr-mt-1w">{registrationSentence(viewer.registration)}</p>
            </>
          )}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {viewer.registration.canCancel ? (
              <li>
                <ButtonLink variant="secondary" href={`/evenements/${model.slug}/desinscription`}>
                  Annuler mon inscription
                </ButtonLink>
              </li>
            ) : null}
            <li>
              <ButtonLink variant="tertiary" href="/compte/evenements">
                Mes inscriptions
              </ButtonLink>
            </li>
          </ul>
          {!viewer.registration.canCancel && model.window !== "cancelled" ? <p className="fr-hint-text">Les annulations sont closes depuis le {formatDateHour(viewer.registration.cancellationClosesAt)}.</p> : null}
        </div>
      ) : null}
      {viewer.kind === "member" && !viewer.registration && open ? <ButtonLink href={registerHref}>S’inscrire</ButtonLink> : null}
      {viewer.kind === "visitor" && open ? (
        <>
          <ButtonLink href={registerHref}>S’inscrire avec mon adresse électronique</ButtonLink>
          <p className="fr-mt-2w">
            Membre du programme&nbsp;? <a href={`/connexion?retour=${encodeURIComponent(registerHref)}`}>Connectez-vous pour vous inscrire avec votre compte</a>.
          </p>
        </>
      ) : null}
      {viewer.kind === "sign_in" && open ? (
        <p>
          <a className="fr-link fr-icon-account-circle-line fr-link--icon-left" href={`/connexion?retour=${encodeURIComponent(registerHref)}`}>
            Connectez-vous pour vous inscrire
          </a>
        </p>
      ) : null}
      {viewer.kind === "refused" && open ? <p>{viewer.reason}</p> : null}
    </section>
  );
}
