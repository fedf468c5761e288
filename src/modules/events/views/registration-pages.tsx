import type { ReactNode } from "react";
import { formatDateHour, formatEventPeriod } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { ButtonLink } from "../../../ui/button.tsx";
import { CsrfField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { AttendanceMode } from "../domain/event-kinds.ts";
import type { EventRecord } from "../repository.ts";
import { registrationBreadcrumb } from "./registration-form-page.tsx";
import { WaitlistPosition } from "./registration-panel.tsx";
import { modeInSentence } from "./team-format.ts";

function EventLine({ event }: { event: EventRecord }) {
  return (
    <p>
      <a href={`/evenements/${event.slug}`}>{event.title}</a>, {formatEventPeriod(event.startsAt, event.endsAt)}
    </p>
  );
}

/** After the visitor form: the same answer whatever the address (it never says who is registered). */
export function VisitorLinkSentPage({ context, event, email, expiresAt }: { context: PageContext; event: EventRecord; email: string; expiresAt: Date }) {
  const title = "Confirmez votre adresse électronique";
  return (
    <Layout context={context} title={title} breadcrumb={registrationBreadcrumb(event)}>
      <h1>{title}</h1>
      <EventLine event={event} />
      <Alert kind="info" title="Un courriel de confirmation vous a été envoyé">
        <p>
          Nous avons écrit à <strong>{email}</strong>. Ouvrez le lien qu’il contient puis cliquez sur «&nbsp;Confirmer mon inscription&nbsp;»&nbsp;: votre place est attribuée à ce moment-là. Le lien est valable jusqu’au {formatDateHour(expiresAt)}.
        </p>
      </Alert>
      <p>Vous ne trouvez pas le courriel&nbsp;? Regardez dans vos courriers indésirables. Vous pourrez refaire la demande dans un quart d’heure.</p>
    </Layout>
  );
}

export type ConfirmationState =
  | { kind: "ask"; token: string; email: string; mode: AttendanceMode }
  | { kind: "done"; status: "confirmed" | "waitlisted"; mode: AttendanceMode; rank: number | null; email: string }
  /** The link was used before (a second click in the mail): the registration as it is now. */
  | { kind: "already"; status: "confirmed" | "waitlisted" | "cancelled"; mode: AttendanceMode; rank: number | null; email: string }
  | { kind: "refused"; message: string };

function titleOf(state: ConfirmationState): string {
  switch (state.kind) {
    case "ask":
      return "Confirmer mon inscription";
    case "done":
      return state.status === "confirmed" ? "Inscription confirmée" : "Inscription sur liste d’attente";
    case "already":
      return state.status === "cancelled" ? "Inscription annulée" : "Inscription déjà confirmée";
    case "refused":
      return "Lien de confirmation non valable";
  }
}

/** What a confirmed visitor holds: a seat (mail with invitation, QR code in person) or a place on the waitlist. */
function seatText(state: { status: "confirmed" | "waitlisted"; mode: AttendanceMode; rank: number | null; email: string }, sent: "is" | "was"): ReactNode {
  if (state.status === "confirmed") {
    return (
      <>
        Vous êtes inscrit·e {modeInSentence[state.mode]}. Un courriel de confirmation avec l’invitation à ajouter à votre agenda
        {state.mode === "in_person" ? " et votre code QR d’accueil" : ""} {sent === "is" ? "est envoyé" : "a été envoyé"} à {state.email}.
      </>
    );
  }
  return (
    <>
      Vous êtes <WaitlistPosition rank={state.rank ?? 1} /> sur la liste d’attente ({modeInSentence[state.mode]}). Si une place se libère, elle vous sera attribuée automatiquement et vous recevrez un courriel à {state.email}.
    </>
  );
}

/**
 * `/evenements/inscription/confirmer/:token`: the GET only shows a button (mail scanners open links and
 * must not confirm anything); the POST confirms and shows the outcome. A link used before shows the
 * registration as it is (until the event is over).
 */
export function VisitorConfirmationPage({ context, event, state }: { context: PageContext; event: EventRecord | null; state: ConfirmationState }) {
  const title = titleOf(state);
  return (
    <Layout context={context} title={title} breadcrumb={event ? registrationBreadcrumb(event) : [{ label: "Accueil", href: "/" }, { label: "Événements", href: "/evenements" }]}>
      <h1>{title}</h1>
      {event ? <EventLine event={event} /> : null}
      {state.kind === "ask" ? (
        <>
          <p>
            Inscription de <strong>{state.email}</strong> ({modeInSentence[state.mode]}). Les places sont attribuées dans l’ordre des confirmations&nbsp;: s’il n’en reste plus, vous serez inscrit·e sur la liste d’attente.
          </p>
          <form method="post" action={`/evenements/inscription/confirmer/${state.token}`}>
            <CsrfField token={context.csrfToken} />
            <button className="fr-btn" type="submit">
              Confirmer mon inscription
            </button>
          </form>
        </>
      ) : null}
      {state.kind === "done" ? (
        <Alert kind={state.status === "confirmed" ? "success" : "warning"} title={state.status === "confirmed" ? "Votre place est réservée" : "L’événement est complet"}>
          <p>{seatText(state, "is")}</p>
        </Alert>
      ) : null}
      {state.kind === "already" && state.status !== "cancelled" ? (
        <Alert kind="success" title="Votre inscription est déjà confirmée">
          <p>{seatText({ ...state, status: state.status }, "was")}</p>
          <p>Vous n’avez rien d’autre à faire.</p>
        </Alert>
      ) : null}
      {state.kind === "already" && state.status === "cancelled" ? (
        <>
          <Alert kind="info" title="Cette inscription est annulée">
            <p>Vous pouvez vous inscrire à nouveau depuis la page de l’événement, tant que les inscriptions sont ouvertes.</p>
          </Alert>
          {event ? <ButtonLink href={`/evenements/${event.slug}`}>Revenir à l’événement</ButtonLink> : null}
        </>
      ) : null}
      {state.kind === "refused" ? (
        <>
          <Alert kind="error" title="Inscription non confirmée">
            <p>{state.message}</p>
          </Alert>
          {event ? <ButtonLink href={`/evenements/${event.slug}`}>Revenir à l’événement</ButtonLink> : <ButtonLink href="/evenements">Voir les événements</ButtonLink>}
        </>
      ) : null}
    </Layout>
  );
}

/** `/evenements/:slug/desinscription`: what is cancelled, then the POST button (or why it cannot be). */
export function CancelRegistrationPage({
  context,
  event,
  sentence,
  canCancel,
  error,
  returnTo,
}: {
  context: PageContext;
  event: EventRecord;
  /** « Mes inscriptions » when the person came from there: the form and « Garder mon inscription » lead back to it. */
  returnTo?: string | undefined;
  /** « Vous êtes inscrit·e (sur place). », or null when the person has no registration. */
  sentence: ReactNode | null;
  canCancel: boolean;
  error?: string | undefined;
}) {
  const title = `Annuler mon inscription à «\u00a0${event.title}\u00a0»`;
  const closesAt = event.cancellationClosesAt ?? event.startsAt;
  return (
    <Layout context={context} title={title} hasErrors={Boolean(error)} breadcrumb={registrationBreadcrumb(event)}>
      <h1>{title}</h1>
      <EventLine event={event} />
      {error ? (
        <Alert kind="error" title="L’annulation n’a pas été faite">
          <p>{error}</p>
        </Alert>
      ) : null}
      {sentence === null ? (
        <p>
          Vous n’êtes pas inscrit·e à cet événement. <a href="/compte/evenements">Voir mes inscriptions</a>
        </p>
      ) : (
        <>
          <p>{sentence}</p>
          {canCancel ? (
            <>
              <p>Votre place sera donnée à la première personne de la liste d’attente. Vous pourrez vous inscrire à nouveau tant que les inscriptions sont ouvertes, après les personnes déjà inscrites.</p>
              <form method="post" action={`/evenements/${event.slug}/desinscription`}>
                <CsrfField token={context.csrfToken} />
                {returnTo ? <input type="hidden" name="retour" value={returnTo} /> : null}
                <ul className="fr-btns-group fr-btns-group--inline-md">
                  <li>
                    <button className="fr-btn" type="submit">
                      Confirmer l’annulation
                    </button>
                  </li>
                  <li>
                    <a className="fr-btn fr-btn--secondary" href={returnTo ?? `/evenements/${event.slug}`}>
                      Garder mon inscription
                    </a>
                  </li>
                </ul>
              </form>
            </>
          ) : !error ? (
            <p>Les annulations sont closes depuis le {formatDateHour(closesAt)}. Prévenez l’équipe du programme si vous ne pouvez pas venir.</p>
          ) : null}
        </>
      )}
    </Layout>
  );
}
