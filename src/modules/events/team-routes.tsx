import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { keepValues } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../../shared/domain-error.ts";
import { hasPermission } from "../identity/api.ts";
import { accessListCsv, accessListFileName } from "./access-list-csv.ts";
import type { EventsDeps } from "./deps.ts";
import type { AttendanceMode } from "./domain/event-kinds.ts";
import { capacityOf, modesOffered } from "./domain/registration-rules.ts";
import { countConfirmed, type EventRecord, findEventById } from "./repository.ts";
import { byName, findRegistrationByCheckInToken, findTeamRegistration, listRegistrationsOfEvent, type TeamRegistration } from "./team-repository.ts";
import { checkIn, isEventDay, OtherDayNotConfirmedError, saveAttendanceSheet, undoCheckIn } from "./use-cases/check-in.ts";
import { admitFromWaitlist, cancelRegistrationByTeam, moveRegistration, otherMode, OverbookingNotConfirmedError } from "./use-cases/manage-registrations.ts";
import { messageRegistrants, previewMessage, RecipientsChangedError } from "./use-cases/message-registrants.ts";
import { CheckInPage, type CheckInNotice, CheckInTokenPage, OwnCheckInCodePage } from "./views/team-check-in.tsx";
import { deBefore, fullName, modeInSentence } from "./views/team-format.ts";
import { type MessageFormValues, MessagePage, MessagePreviewPage } from "./views/team-message.tsx";
import { arrivalText, teamPaths } from "./views/team-parts.tsx";
import { type ActionPageProps, type RegistrationAction, RegistrationActionPage, RegistrationsPage, type TeamNotice } from "./views/team-registrations.tsx";
import { SignInSheetPage } from "./views/team-sign-in-sheet.tsx";
import { isUuid } from "../../shared/uuid.ts";

const manage = { access: "manage:event:any" } as const;
const checkInAccess = { access: "check-in:event:any" } as const;
const tokenPattern = /^[A-Za-z0-9_-]{8,200}$/;

type IdParams = { id: string };
type ActionParams = { id: string; registrationId: string };

const actionsBySegment: Record<string, RegistrationAction> = { "changer-de-mode": "move", confirmer: "admit", annuler: "cancel" };

function queryText(request: FastifyRequest, name: string, max = 100): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.trim().slice(0, max) : "";
}

function bodyText(body: Record<string, unknown>, name: string, max: number): string {
  const value = body[name];
  return typeof value === "string" ? value.slice(0, max) : "";
}

function bodyList(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string");
}

/** Accents and case ignored: « benali » finds « Bénali ». */
function normalised(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

function matches(registration: TeamRegistration, query: string): boolean {
  const haystack = normalised([registration.givenName, registration.usualName, registration.organisation ?? "", registration.email ?? ""].join(" "));
  return normalised(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * The programme team's pages of an event: registrations and their management (move, off the waitlist,
 * cancel), the building's access list, a message to the registrants, check-in (phone page with camera
 * scanner and search, `/pointage/:token` opened by a QR code) and the attendance sheet.
 */
export function registerTeamRoutes(app: FastifyInstance, deps: EventsDeps) {
  const { db, clock } = deps;

  async function requireEvent(id: string): Promise<EventRecord> {
    const event = isUuid(id) ? await findEventById(db, id) : null;
    if (!event) throw new NotFoundError("Cet événement n’existe pas.");
    return event;
  }

  async function requireRegistration(event: EventRecord, registrationId: string): Promise<TeamRegistration> {
    const registration = isUuid(registrationId) ? await findTeamRegistration(db, event.id, registrationId) : null;
    if (!registration) throw new NotFoundError("Cette inscription n’existe pas.");
    return registration;
  }

  /** Event pages may show places left: forget any cached copy once seats change. */
  function seatsChanged() {
    deps.pageCache.clear();
  }

  async function registrationsNotice(request: FastifyRequest, event: EventRecord): Promise<TeamNotice | undefined> {
    const done = queryText(request, "fait");
    const id = queryText(request, "inscription");
    if (!done || !isUuid(id)) return undefined;
    const registration = await findTeamRegistration(db, event.id, id);
    if (!registration) return undefined;
    const name = fullName(registration);
    const promoted = Number.parseInt(queryText(request, "promues"), 10) || 0;
    const promotedText = promoted > 0 ? ` ${promoted > 1 ? `${promoted}\u00a0personnes de la liste d’attente ont reçu une place et en sont prévenues` : "1\u00a0personne de la liste d’attente a reçu une place et en est prévenue"} par courriel.` : "";
    const mailed = "Un courriel lui a été envoyé.";
    if (done === "deplacee") {
      const where = modeInSentence[registration.mode];
      const state =
        registration.status === "confirmed"
          ? `Sa place ${where} est confirmée.`
          : registration.status === "waitlisted"
            ? `Son inscription est sur la liste d’attente ${where}.`
            : "Son inscription attend toujours la confirmation de son adresse.";
      return { kind: "success", title: `${name} participera ${where}`, text: `${state} ${mailed}${promotedText}` };
    }
    if (done === "confirmee") {
      return { kind: "success", title: `L’inscription ${deBefore(name)} est confirmée`, text: `${queryText(request, "surreservation") ? "L’événement est en surréservation. " : ""}${mailed}` };
    }
    if (done === "annulee") return { kind: "success", title: `L’inscription ${deBefore(name)} est annulée`, text: `${mailed}${promotedText}` };
    return undefined;
  }

  app.get<{ Params: IdParams }>("/admin/evenements/:id/inscriptions", { config: manage }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    const registrations = await listRegistrationsOfEvent(db, event.id);
    const notice = await registrationsNotice(request, event);
    return sendPage(reply, <RegistrationsPage context={pageContext(request, reply)} event={event} registrations={registrations} now={clock.now()} notice={notice} />);
  });

  /** Why an action cannot apply to this registration now, or null. */
  function refusalOf(event: EventRecord, registration: TeamRegistration, action: RegistrationAction): string | null {
    if (registration.status === "cancelled") return "Cette inscription est annulée.";
    if (action !== "cancel" && event.status === "cancelled") return "Cet événement est annulé\u00a0: ses inscriptions ne changent plus.";
    if (action === "admit" && registration.status !== "waitlisted") return "Cette personne n’est pas sur la liste d’attente.";
    if (action === "move" && !modesOffered(event).includes(otherMode(registration.mode))) return `Cet événement ne se suit pas ${modeInSentence[otherMode(registration.mode)]}.`;
    return null;
  }

  async function renderAction(request: FastifyRequest, reply: FastifyReply, status: number, event: EventRecord, registration: TeamRegistration, action: RegistrationAction, extra: Pick<ActionPageProps, "error" | "values"> = {}) {
    const mode: AttendanceMode = action === "move" ? otherMode(registration.mode) : registration.mode;
    const all = await listRegistrationsOfEvent(db, event.id);
    const seats = {
      mode,
      capacity: capacityOf(event, mode) ?? 0,
      confirmed: (await countConfirmed(db, event.id))[mode],
      waiting: all.filter((other) => other.mode === mode && other.status === "waitlisted" && other.id !== registration.id).length,
    };
    const refusal = refusalOf(event, registration, action);
    return sendPage(
      reply,
      <RegistrationActionPage context={pageContext(request, reply)} event={event} registration={registration} action={action} seats={seats} blocked={refusal !== null} error={extra.error ?? refusal ?? undefined} values={extra.values} />,
      refusal && status === 200 ? 409 : status,
    );
  }

  app.get<{ Params: ActionParams & { action: string } }>("/admin/evenements/:id/inscriptions/:registrationId/:action", { config: manage }, async (request, reply) => {
    const action = actionsBySegment[request.params.action];
    if (!action) throw new NotFoundError();
    const event = await requireEvent(request.params.id);
    const registration = await requireRegistration(event, request.params.registrationId);
    return renderAction(request, reply, 200, event, registration, action);
  });

  app.post<{ Params: ActionParams & { action: string } }>("/admin/evenements/:id/inscriptions/:registrationId/:action", { config: manage }, async (request, reply) => {
    const action = actionsBySegment[request.params.action];
    if (!action) throw new NotFoundError();
    const event = await requireEvent(request.params.id);
    const registration = await requireRegistration(event, request.params.registrationId);
    const body = keepValues(request.body) as Record<string, unknown>;
    const input = { eventId: event.id, registrationId: registration.id, now: clock.now() };
    const message = bodyText(body, "message", 2000).trim();
    const list = teamPaths.registrations(event.id);
    try {
      if (action === "move") {
        const result = await moveRegistration(deps, input);
        seatsChanged();
        return reply.redirect(`${list}?fait=deplacee&inscription=${registration.id}&promues=${result.promoted}`, 303);
      }
      if (action === "admit") {
        const result = await admitFromWaitlist(deps, { ...input, overbook: body.surreservation === "oui" });
        seatsChanged();
        return reply.redirect(`${list}?fait=confirmee&inscription=${registration.id}${result.overbooked ? "&surreservation=1" : ""}`, 303);
      }
      const result = await cancelRegistrationByTeam(deps, { ...input, message: message || undefined });
      seatsChanged();
      return reply.redirect(`${list}?fait=annulee&inscription=${registration.id}&promues=${result.promoted}`, 303);
    } catch (error) {
      const current = await requireRegistration(event, registration.id);
      if (error instanceof OverbookingNotConfirmedError) {
        return renderAction(request, reply, 409, event, current, action, { error: "Entre-temps, toutes les places ont été prises\u00a0: confirmez à nouveau pour inscrire cette personne au-delà de la capacité." });
      }
      if (error instanceof InvalidInputError) return renderAction(request, reply, 409, await requireEvent(event.id), current, action, { error: error.message, values: { message } });
      throw error;
    }
  });

  app.get<{ Params: IdParams }>("/admin/evenements/:id/liste-acces.csv", { config: manage }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    let registrations = await listRegistrationsOfEvent(db, event.id);
    const due = event.accessListDueAt;
    // The complement: people who got an in-person seat after the list was due at the reception.
    if (queryText(request, "depuis-echeance") && due) registrations = registrations.filter((registration) => registration.confirmedAt && registration.confirmedAt > due);
    return reply
      .code(200)
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${accessListFileName(event)}"`)
      .header("cache-control", "no-store")
      .send(accessListCsv(event, registrations));
  });

  const emptyMessage: MessageFormValues = { subject: "", body: "", audience: "confirmed", mode: "all" };

  app.get<{ Params: IdParams }>("/admin/evenements/:id/message", { config: manage }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    const sentText = queryText(request, "envoye");
    const sent = /^\d{1,6}$/.test(sentText) ? Number(sentText) : undefined;
    return sendPage(reply, <MessagePage context={pageContext(request, reply)} event={event} registrations={await listRegistrationsOfEvent(db, event.id)} values={emptyMessage} errors={{}} sent={sent} />);
  });

  // Three steps without JavaScript: the form, its preview (« Voir l’aperçu avant l’envoi », nothing sent), then
  // « Envoyer à N personnes » (refused if the recipients changed meanwhile) or « Modifier le message ».
  app.post<{ Params: IdParams }>("/admin/evenements/:id/message", { config: manage }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    const body = keepValues(request.body) as Record<string, unknown>;
    const values: MessageFormValues = { subject: bodyText(body, "subject", 500), body: bodyText(body, "body", 20_000), audience: bodyText(body, "audience", 20), mode: bodyText(body, "mode", 20) };
    const step = bodyText(body, "etape", 20);
    const renderForm = async (status: number, errors: Record<string, string> = {}) =>
      sendPage(reply, <MessagePage context={pageContext(request, reply)} event={event} registrations={await listRegistrationsOfEvent(db, event.id)} values={values} errors={errors} />, status);
    const renderPreview = async (status: number, changed = false) =>
      sendPage(reply, <MessagePreviewPage context={pageContext(request, reply)} event={event} values={values} preview={await previewMessage(deps, { eventId: event.id, ...values })} changed={changed} />, status);
    try {
      if (step === "modifier") return await renderForm(200);
      if (step !== "envoyer") return await renderPreview(200);
      const expected = bodyText(body, "destinataires", 10);
      const { sent } = await messageRegistrants(deps, { eventId: event.id, ...values, expectedRecipients: /^\d{1,6}$/.test(expected) ? Number(expected) : -1 });
      return reply.redirect(`${teamPaths.message(event.id)}?envoye=${sent}`, 303);
    } catch (error) {
      if (error instanceof RecipientsChangedError) {
        try {
          return await renderPreview(409, true);
        } catch (again) {
          if (!(again instanceof InvalidInputError)) throw again;
          return renderForm(409, again.fieldErrors);
        }
      }
      if (!(error instanceof InvalidInputError)) throw error;
      return renderForm(400, error.fieldErrors);
    }
  });

  function checkInNotice(request: FastifyRequest, registration: TeamRegistration | null, event: EventRecord): CheckInNotice | undefined {
    if (!registration || registration.status === "cancelled") return undefined;
    if (queryText(request, "annulee")) return registration.attendedAt ? undefined : { name: fullName(registration), at: "", state: "undone" };
    if (!registration.attendedAt) return undefined;
    return { name: fullName(registration), at: arrivalText(registration.attendedAt, event), state: queryText(request, "deja") ? "already" : "recorded" };
  }

  async function renderCheckIn(request: FastifyRequest, reply: FastifyReply, status: number, event: EventRecord, extra: { error?: string; confirmOtherDay?: TeamRegistration } = {}) {
    const query = queryText(request, "q") || (request.method === "POST" ? bodyText(keepValues(request.body) as Record<string, unknown>, "q", 100).trim() : "");
    const registrations = (await listRegistrationsOfEvent(db, event.id)).filter((registration) => registration.mode === "in_person");
    const people = (query ? registrations.filter((registration) => matches(registration, query)) : registrations.filter((registration) => registration.status !== "cancelled")).sort(byName);
    const counts = {
      expected: registrations.filter((registration) => registration.status === "confirmed").length,
      arrived: registrations.filter((registration) => registration.status !== "cancelled" && registration.attendedAt).length,
    };
    const arrivedId = queryText(request, "arrivee");
    const arrived = isUuid(arrivedId) ? (registrations.find((registration) => registration.id === arrivedId) ?? null) : null;
    const notice = checkInNotice(request, arrived, event);
    const now = clock.now();
    return sendPage(
      reply,
      <CheckInPage context={pageContext(request, reply)} event={event} people={people} query={query} counts={counts} notice={notice} error={extra.error} now={now} eventDay={isEventDay(event, now)} confirmOtherDay={extra.confirmOtherDay} />,
      status,
    );
  }

  app.get<{ Params: IdParams }>("/admin/evenements/:id/pointage", { config: checkInAccess }, async (request, reply) => renderCheckIn(request, reply, 200, await requireEvent(request.params.id)));

  app.post<{ Params: IdParams }>("/admin/evenements/:id/pointage", { config: checkInAccess }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    const body = keepValues(request.body) as Record<string, unknown>;
    const registration = await requireRegistration(event, bodyText(body, "inscription", 40));
    const query = bodyText(body, "q", 100).trim();
    try {
      const result = await checkIn(db, { target: { eventId: event.id, registrationId: registration.id }, by: request.user!.id, now: clock.now(), admit: body.admettre === "oui", otherDay: body["autre-jour"] === "oui" });
      if (body.admettre === "oui") seatsChanged();
      const search = new URLSearchParams({ ...(query ? { q: query } : {}), arrivee: registration.id, ...(result.already ? { deja: "1" } : {}) });
      return reply.redirect(`${teamPaths.checkIn(event.id)}?${search}`, 303);
    } catch (error) {
      if (error instanceof OtherDayNotConfirmedError) return renderCheckIn(request, reply, 409, event, { confirmOtherDay: await requireRegistration(event, registration.id) });
      if (!(error instanceof InvalidInputError)) throw error;
      return renderCheckIn(request, reply, 409, event, { error: `${fullName(registration)}\u00a0: ${error.message}` });
    }
  });

  async function requireToken(token: string): Promise<{ registration: TeamRegistration; event: EventRecord }> {
    const registration = tokenPattern.test(token) ? await findRegistrationByCheckInToken(db, token) : null;
    const event = registration ? await findEventById(db, registration.eventId) : null;
    if (!registration || !event) throw new NotFoundError("Ce code QR ne correspond à aucune inscription.");
    return { registration, event };
  }

  // The code is for the reception: the team gets the check-in page. The person it belongs to, signed in, gets a
  // page saying when to show it; anyone else is refused (403 whether the code exists or not: nothing to guess).
  // Signed out, the sign-in page comes first and brings the team member back here.
  app.get<{ Params: { token: string } }>("/pointage/:token", { config: { access: "signed-in" } }, async (request, reply) => {
    const user = request.user!;
    if (!hasPermission(user, "check-in:event:any")) {
      const registration = tokenPattern.test(request.params.token) ? await findRegistrationByCheckInToken(db, request.params.token) : null;
      const event = registration && registration.userId === user.id ? await findEventById(db, registration.eventId) : null;
      if (!registration || !event) throw new ForbiddenError();
      return sendPage(reply, <OwnCheckInCodePage context={pageContext(request, reply)} event={event} registration={registration} />);
    }
    const { registration, event } = await requireToken(request.params.token);
    const notice = queryText(request, "enregistree") || queryText(request, "deja") || queryText(request, "annulee") ? checkInNotice(request, registration, event) : undefined;
    return sendPage(reply, <CheckInTokenPage context={pageContext(request, reply)} event={event} registration={registration} now={clock.now()} notice={notice} />);
  });

  app.post<{ Params: { token: string } }>("/pointage/:token", { config: checkInAccess }, async (request, reply) => {
    const { registration } = await requireToken(request.params.token);
    const body = keepValues(request.body) as Record<string, unknown>;
    try {
      const result = await checkIn(db, { target: { token: registration.checkInToken }, by: request.user!.id, now: clock.now(), admit: body.admettre === "oui", otherDay: body["autre-jour"] === "oui" });
      if (body.admettre === "oui") seatsChanged();
      return reply.redirect(`${teamPaths.token(registration.checkInToken)}?${result.already ? "deja" : "enregistree"}=1`, 303);
    } catch (error) {
      const otherDay = error instanceof OtherDayNotConfirmedError;
      if (!otherDay && !(error instanceof InvalidInputError)) throw error;
      const current = await requireToken(registration.checkInToken);
      return sendPage(
        reply,
        <CheckInTokenPage context={pageContext(request, reply)} event={current.event} registration={current.registration} now={clock.now()} error={otherDay ? undefined : (error as Error).message} confirmOtherDay={otherDay} />,
        409,
      );
    }
  });

  app.post<{ Params: { token: string } }>("/pointage/:token/annuler-arrivee", { config: checkInAccess }, async (request, reply) => {
    const { registration } = await requireToken(request.params.token);
    const result = await undoCheckIn(db, { token: registration.checkInToken, now: clock.now() });
    return reply.redirect(`${teamPaths.token(registration.checkInToken)}${result.undone ? "?annulee=1" : ""}`, 303);
  });

  /** The attendance sheet lists confirmed people and anyone already marked present, by name. */
  function sheetPeople(registrations: TeamRegistration[]): TeamRegistration[] {
    return registrations.filter((registration) => registration.status !== "cancelled" && (registration.status === "confirmed" || registration.attendedAt)).sort(byName);
  }

  app.get<{ Params: IdParams }>("/admin/evenements/:id/emargement", { config: manage }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    const people = sheetPeople(await listRegistrationsOfEvent(db, event.id));
    const present = (mode: AttendanceMode) => people.filter((registration) => registration.mode === mode && registration.attendedAt).length;
    const saved = queryText(request, "enregistre") ? { present: { in_person: present("in_person"), remote: present("remote") } } : undefined;
    return sendPage(reply, <SignInSheetPage context={pageContext(request, reply)} event={event} people={people} saved={saved} />);
  });

  app.post<{ Params: IdParams }>("/admin/evenements/:id/emargement", { config: manage }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    const body = request.body as Record<string, unknown>;
    await saveAttendanceSheet(db, { eventId: event.id, listed: bodyList(body, "listed"), present: bodyList(body, "present"), by: request.user!.id, now: clock.now() });
    return reply.redirect(`${teamPaths.signInSheet(event.id)}?enregistre=1`, 303);
  });
}
