import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FormValues, keepValues, parseForm } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { InvalidInputError, NotFoundError, UnauthenticatedError } from "../../shared/domain-error.ts";
import type { EventsDeps } from "./deps.ts";
import { type AttendanceMode, type RegistrationStatus } from "./domain/event-kinds.ts";
import { parseRegistrationChoices, questionsAsked, questionsOf } from "./domain/registration-form.ts";
import { canCancelAt, modesOffered, registrationWindow } from "./domain/registration-rules.ts";
import { visitorLinkExpiresAt } from "./domain/visitor-link.ts";
import { checkInQrSvg, checkInUrl } from "./qr/check-in-qr.ts";
import { findByConfirmationHash, listRegistrationsOfMember, waitlistRank } from "./registration-repository.ts";
import { confirmationTokenPattern, visitorSchema } from "./registration-schemas.ts";
import { type EventRecord, findEventBySlug, findLiveRegistrationOfMember, type RegistrationRecord } from "./repository.ts";
import { createCancelRegistration } from "./use-cases/cancel-registration.ts";
import { createConfirmVisitor, expiredLinkMessage, findConfirmationLink, invalidLinkMessage } from "./use-cases/confirm-visitor.ts";
import { createRegisterMember, createRegisterVisitor, hashConfirmationToken, type RegistrationAccess, registrationAccess } from "./use-cases/register.ts";
import { type AccountRegistration, accountRegistrationsPath, RegistrationAccountPage } from "./views/registration-account-page.tsx";
import { type RegistrationBlock, RegistrationFormPage } from "./views/registration-form-page.tsx";
import { CancelRegistrationPage, type ConfirmationState, VisitorConfirmationPage, VisitorLinkSentPage } from "./views/registration-pages.tsx";
import { modeAvailability, registrationSentence, windowText } from "./views/registration-panel.tsx";

/**
 * Per IP, for visitors only (members are known and limited by one registration per event): the visitor
 * form mails whatever address it is given, like the sign-in form.
 */
const visitorRateLimit = { max: 10, timeWindow: "1 minute", hook: "preHandler", allowList: (request: FastifyRequest) => request.user !== null } as const;

function isPlausibleSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= 300 && !/[\u0000-\u001f\u007f/]/.test(slug);
}

function signInPath(event: Pick<EventRecord, "slug">): string {
  return `/connexion?retour=${encodeURIComponent(`/evenements/${event.slug}/inscription`)}`;
}

/**
 * Member registration (`/evenements/:slug/inscription`), cancellation (`/evenements/:slug/desinscription`),
 * a visitor's confirmation link (`/evenements/inscription/confirmer/:token`) and « Mes inscriptions »
 * (`/compte/evenements`).
 */
export function registerRegistrationRoutes(app: FastifyInstance, deps: EventsDeps) {
  const { db, clock } = deps;
  const registerMember = createRegisterMember(deps);
  const registerVisitor = createRegisterVisitor(deps);
  const cancelRegistration = createCancelRegistration(deps);
  const confirmVisitor = createConfirmVisitor(deps);

  async function eventOf(request: FastifyRequest<{ Params: { slug: string } }>): Promise<EventRecord> {
    const { slug } = request.params;
    const event = isPlausibleSlug(slug) ? await findEventBySlug(db, slug) : null;
    if (!event) throw new NotFoundError("Cet événement n’existe pas.");
    return event;
  }

  /** Why the form is not offered to this person now, or null. */
  async function blockOf(event: EventRecord, access: RegistrationAccess, request: FastifyRequest): Promise<RegistrationBlock | null> {
    const eventLink = { label: "Revenir à la page de l’événement", href: `/evenements/${event.slug}` };
    if (access.kind === "refused") return { title: "Inscription réservée", text: access.reason, links: [eventLink] };
    if (access.kind === "member") {
      const live = await findLiveRegistrationOfMember(db, event.id, request.user!.id);
      if (live) {
        const sentence = registrationSentence({ status: live.status as RegistrationStatus, mode: live.mode as AttendanceMode, rank: await waitlistRank(db, live) });
        return { title: "Vous êtes déjà inscrit·e", text: sentence, kind: "success", links: [eventLink, { label: "Mes inscriptions", href: "/compte/evenements" }] };
      }
    }
    const window = registrationWindow(event, clock.now());
    if (window !== "open") return { title: window === "not_yet" ? "Inscriptions pas encore ouvertes" : "Inscriptions fermées", text: windowText({ window, opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt ?? event.startsAt }), kind: "warning", links: [eventLink] };
    if (modesOffered(event).length === 0) return { title: "Pas d’inscription", text: "Cet événement ne prend pas d’inscription.", links: [eventLink] };
    return null;
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    event: EventRecord,
    access: RegistrationAccess,
    status: number,
    form: { values?: FormValues; errors?: Record<string, string>; blocked?: RegistrationBlock | null } = {},
  ) {
    const blocked = form.blocked === undefined ? await blockOf(event, access, request) : form.blocked;
    return sendPage(
      reply,
      <RegistrationFormPage
        context={pageContext(request, reply, { form: true })}
        event={event}
        modes={await modeAvailability(deps, event)}
        questions={questionsAsked(questionsOf(event.questions), modesOffered(event))}
        visitor={access.kind === "visitor"}
        values={form.values ?? {}}
        errors={form.errors ?? {}}
        blocked={blocked}
      />,
      status,
    );
  }

  app.get<{ Params: { slug: string } }>("/evenements/:slug/inscription", { config: { access: "public" } }, async (request, reply) => {
    const event = await eventOf(request);
    const access = await registrationAccess(db, event, request.user);
    if (access.kind === "sign_in") return reply.redirect(signInPath(event), 303);
    return renderForm(request, reply, event, access, 200);
  });

  app.post<{ Params: { slug: string } }>("/evenements/:slug/inscription", { config: { access: "public", rateLimit: visitorRateLimit } }, async (request, reply) => {
    const event = await eventOf(request);
    const access = await registrationAccess(db, event, request.user);
    if (access.kind === "sign_in") throw new UnauthenticatedError("Connectez-vous pour vous inscrire à cet événement.");
    if (access.kind === "refused") return renderForm(request, reply, event, access, 403);
    const body = (request.body && typeof request.body === "object" ? request.body : {}) as Record<string, unknown>;
    const values = keepValues(body, 1000);
    const choices = parseRegistrationChoices(body, modesOffered(event), questionsOf(event.questions));
    if (access.kind === "visitor") {
      const identity = parseForm(visitorSchema, body);
      const errors = { ...(identity.ok ? {} : identity.errors), ...(choices.ok ? {} : choices.errors) };
      if (!identity.ok || !choices.ok) return renderForm(request, reply, event, access, 400, { values, errors, blocked: null });
      try {
        await registerVisitor({ eventId: event.id, visitor: identity.data, mode: choices.data.mode, answers: choices.data.answers });
      } catch (error) {
        if (error instanceof InvalidInputError) return renderForm(request, reply, event, access, 422, { values, errors: error.fieldErrors, blocked: null });
        throw error;
      }
      return sendPage(reply, <VisitorLinkSentPage context={pageContext(request, reply)} event={event} email={identity.data.email} expiresAt={visitorLinkExpiresAt(clock.now(), event)} />);
    }
    if (!choices.ok) return renderForm(request, reply, event, access, 400, { values, errors: choices.errors, blocked: null });
    try {
      await registerMember({ eventId: event.id, userId: request.user!.id, mode: choices.data.mode, answers: choices.data.answers });
    } catch (error) {
      if (error instanceof InvalidInputError) return renderForm(request, reply, event, access, 422, { values, errors: error.fieldErrors, blocked: null });
      throw error;
    }
    return reply.redirect(`/evenements/${event.slug}?inscription=enregistree#inscription`, 303);
  });

  async function renderCancel(request: FastifyRequest, reply: FastifyReply, event: EventRecord, status: number, error?: string) {
    const live = await findLiveRegistrationOfMember(db, event.id, request.user!.id);
    const sentence = live ? registrationSentence({ status: live.status as RegistrationStatus, mode: live.mode as AttendanceMode, rank: await waitlistRank(db, live) }) : null;
    // Only « Mes inscriptions » is honoured as a return address: nothing else is ever written into the page.
    const returnTo = (request.query as Record<string, unknown> | undefined)?.retour === accountRegistrationsPath ? accountRegistrationsPath : undefined;
    return sendPage(reply, <CancelRegistrationPage context={pageContext(request, reply, { form: true })} event={event} sentence={sentence} canCancel={canCancelAt(event, clock.now())} error={error} returnTo={returnTo} />, status);
  }

  /** Confirms first (the event page's link and « Mes inscriptions » both lead here), then the POST cancels. */
  app.get<{ Params: { slug: string } }>("/evenements/:slug/desinscription", { config: { access: "register:event" } }, async (request, reply) => {
    return renderCancel(request, reply, await eventOf(request), 200);
  });

  app.post<{ Params: { slug: string } }>("/evenements/:slug/desinscription", { config: { access: "register:event" } }, async (request, reply) => {
    const event = await eventOf(request);
    const fromAccount = (request.body as Record<string, unknown> | undefined)?.retour === accountRegistrationsPath;
    try {
      await cancelRegistration({ eventId: event.id, userId: request.user!.id });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const message = Object.values(error.fieldErrors).join(" ");
      if (fromAccount) return renderAccount(request, reply, 422, { error: message });
      return renderCancel(request, reply, event, 422, message);
    }
    return reply.redirect(fromAccount ? "/compte/evenements?annulee=1" : `/evenements/${event.slug}?inscription=annulee#inscription`, 303);
  });

  async function renderConfirmation(request: FastifyRequest, reply: FastifyReply, event: EventRecord | null, state: ConfirmationState, status: number) {
    return sendPage(reply, <VisitorConfirmationPage context={pageContext(request, reply, { form: state.kind === "ask" })} event={event} state={state} />, status);
  }

  /** A link opened again (double click in the mail): the registration as it is now. */
  async function alreadyState(registration: RegistrationRecord): Promise<ConfirmationState> {
    return { kind: "already", status: registration.status as "confirmed" | "waitlisted" | "cancelled", mode: registration.mode as AttendanceMode, rank: await waitlistRank(db, registration), email: registration.email ?? "" };
  }

  app.get<{ Params: { token: string } }>("/evenements/inscription/confirmer/:token", { config: { access: "public" } }, async (request, reply) => {
    const { token } = request.params;
    const link = confirmationTokenPattern.test(token) ? await findConfirmationLink(db, token, clock.now()) : ({ kind: "invalid" } as const);
    if (link.kind === "invalid") return renderConfirmation(request, reply, null, { kind: "refused", message: invalidLinkMessage }, 404);
    if (link.kind === "expired") return renderConfirmation(request, reply, link.event, { kind: "refused", message: expiredLinkMessage }, 410);
    if (link.kind === "used") return renderConfirmation(request, reply, link.event, await alreadyState(link.registration), 200);
    return renderConfirmation(request, reply, link.event, { kind: "ask", token, email: link.registration.email ?? "", mode: link.registration.mode as AttendanceMode }, 200);
  });

  app.post<{ Params: { token: string } }>("/evenements/inscription/confirmer/:token", { config: { access: "public" } }, async (request, reply) => {
    const { token } = request.params;
    if (!confirmationTokenPattern.test(token)) return renderConfirmation(request, reply, null, { kind: "refused", message: invalidLinkMessage }, 404);
    const found = await findByConfirmationHash(db, hashConfirmationToken(token));
    try {
      const { outcome, event, registration, rank } = await confirmVisitor(token);
      if (outcome === "already") return renderConfirmation(request, reply, event, await alreadyState(registration), 200);
      return renderConfirmation(request, reply, event, { kind: "done", status: registration.status as "confirmed" | "waitlisted", mode: registration.mode as AttendanceMode, rank, email: registration.email ?? "" }, 200);
    } catch (error) {
      if (error instanceof NotFoundError) return renderConfirmation(request, reply, null, { kind: "refused", message: error.message }, 404);
      if (error instanceof InvalidInputError) {
        const message = Object.values(error.fieldErrors).join(" ");
        return renderConfirmation(request, reply, found?.event ?? null, { kind: "refused", message }, error.code === "link_expired" ? 410 : 422);
      }
      throw error;
    }
  });

  async function renderAccount(request: FastifyRequest, reply: FastifyReply, status: number, options: { notice?: "cancelled" | null; error?: string | null } = {}) {
    const now = clock.now();
    const rows = await listRegistrationsOfMember(db, request.user!.id);
    // One line per event: the live registration, else the latest cancelled one.
    const byEvent = new Map<string, (typeof rows)[number]>();
    for (const row of rows) {
      const kept = byEvent.get(row.event.id);
      if (!kept || (kept.registration.status === "cancelled" && row.registration.status !== "cancelled")) byEvent.set(row.event.id, row);
    }
    const upcoming: AccountRegistration[] = [];
    const past: AccountRegistration[] = [];
    for (const { event, registration } of byEvent.values()) {
      const isUpcoming = event.endsAt > now;
      const status = registration.status as RegistrationStatus;
      const mode = registration.mode as AttendanceMode;
      const showQr = isUpcoming && status === "confirmed" && mode === "in_person" && event.status !== "cancelled";
      const url = checkInUrl(deps.publicUrl, registration.checkInToken);
      const item: AccountRegistration = {
        id: registration.id,
        event: {
          title: event.title,
          slug: event.slug,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          place: [event.placeName, event.placeAddress].filter(Boolean).join(", ") || null,
          cancelled: event.status === "cancelled",
          cancellationReason: event.cancellationReason,
        },
        mode,
        status,
        rank: await waitlistRank(db, registration),
        canCancel: status !== "cancelled" && canCancelAt(event, now),
        canRegisterAgain: status === "cancelled" && registrationWindow(event, now) === "open",
        attended: registration.attendedAt !== null,
        qr: showQr ? { svg: await checkInQrSvg(url, `Code QR d’accueil pour «\u00a0${event.title}\u00a0»`), url } : null,
      };
      (isUpcoming ? upcoming : past).push(item);
    }
    past.reverse();
    const notice = options.notice === "cancelled" && rows.some((row) => row.registration.status === "cancelled") ? "cancelled" : null;
    return sendPage(reply, <RegistrationAccountPage context={pageContext(request, reply)} upcoming={upcoming} past={past} notice={notice} error={options.error ?? null} />, status);
  }

  app.get("/compte/evenements", { config: { access: "register:event" } }, async (request, reply) => {
    const cancelled = (request.query as Record<string, unknown> | undefined)?.annulee !== undefined;
    return renderAccount(request, reply, 200, { notice: cancelled ? "cancelled" : null });
  });

}
