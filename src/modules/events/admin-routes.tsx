import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FormValues, keepValues } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { InvalidInputError, NotFoundError } from "../../shared/domain-error.ts";
import { parseParisDateTime, toParisDateTimeInput } from "../content/api.ts";
import { countSeats, listEventProjectIds, listEvents, listFormChoices, listSeriesFrom } from "./agenda-repository.ts";
import type { EventsDeps } from "./deps.ts";
import { agendaText, calendarDayOf, customQuestionsText, type EventFormValues, inFormOrder, parseEventForm, resourcesText } from "./domain/event-input.ts";
import { type AgendaItem, defaultQuestions, type EventQuestion } from "./domain/event-kinds.ts";
import { isCalendarDay, parisWallTime, validateRule } from "./domain/recurrence.ts";
import { type EventRecord, findEventById } from "./repository.ts";
import { createEvent } from "./use-cases/save-event.ts";
import { cancelOccurrences, createSeries, hasChanges, type OccurrenceScope, previewFollowing, updateOccurrences } from "./use-cases/series.ts";
import { type AdminNotice, CancelEventPage, ConfirmFollowingPage, EventFormPage, type EventFormPageProps, type FormMode, EventsAdminPage } from "./views/admin-pages.tsx";
import { isUuid } from "../../shared/uuid.ts";

const access = { access: "manage:event:any" } as const;

type IdParams = { id: string };
type FormPageValues = EventFormPageProps["values"];

function text(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === "string" ? value : Array.isArray(value) ? (value[0] ?? "") : "";
}

function list(values: FormValues, name: string): string[] {
  const value = values[name];
  return typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
}

/** The form as posted, every value kept as typed. */
function valuesOf(body: FormValues): FormPageValues {
  return {
    kind: text(body, "kind"),
    title: text(body, "title"),
    description: text(body, "description"),
    startsOn: text(body, "startsOn"),
    startTime: text(body, "startTime"),
    endsOn: text(body, "endsOn"),
    endTime: text(body, "endTime"),
    agenda: text(body, "agenda"),
    placeName: text(body, "placeName"),
    placeAddress: text(body, "placeAddress"),
    placeAccess: text(body, "placeAccess"),
    visioUrl: text(body, "visioUrl"),
    inPersonCapacity: text(body, "inPersonCapacity"),
    remoteCapacity: text(body, "remoteCapacity"),
    registrationOpensAt: text(body, "registrationOpensAt"),
    registrationClosesAt: text(body, "registrationClosesAt"),
    cancellationClosesAt: text(body, "cancellationClosesAt"),
    accessListDueAt: text(body, "accessListDueAt"),
    audience: text(body, "audience"),
    audienceProjectId: text(body, "audienceProjectId"),
    seasonId: text(body, "seasonId"),
    projectIds: list(body, "projectIds"),
    defaultQuestions: list(body, "defaultQuestions"),
    customQuestions: text(body, "customQuestions"),
    trainers: text(body, "trainers"),
    replayUrl: text(body, "replayUrl"),
    slidesUrl: text(body, "slidesUrl"),
    resources: text(body, "resources"),
    version: text(body, "version"),
    scope: text(body, "scope"),
    interval: text(body, "interval"),
    until: text(body, "until"),
  };
}

const emptyValues: FormPageValues = valuesOf({ audience: "members", defaultQuestions: defaultQuestions.map((question) => question.key), interval: "2", scope: "one" });

/** The stored event as the edit form shows it (Paris wall times). */
function valuesOfEvent(event: EventRecord, projectIds: string[]): FormPageValues {
  const start = parisWallTime(event.startsAt);
  const end = parisWallTime(event.endsAt);
  const dateTime = (date: Date | null) => (date ? toParisDateTimeInput(date) : "");
  const questions = event.questions as EventQuestion[];
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    startsOn: start.day,
    startTime: start.time,
    endsOn: end.day === start.day ? "" : end.day,
    endTime: end.time,
    agenda: agendaText(event.agenda as AgendaItem[]),
    placeName: event.placeName ?? "",
    placeAddress: event.placeAddress ?? "",
    placeAccess: event.placeAccess ?? "",
    visioUrl: event.visioUrl ?? "",
    inPersonCapacity: event.inPersonCapacity === null ? "" : String(event.inPersonCapacity),
    remoteCapacity: event.remoteCapacity === null ? "" : String(event.remoteCapacity),
    registrationOpensAt: dateTime(event.registrationOpensAt),
    registrationClosesAt: dateTime(event.registrationClosesAt),
    cancellationClosesAt: dateTime(event.cancellationClosesAt),
    accessListDueAt: dateTime(event.accessListDueAt),
    audience: event.audience,
    audienceProjectId: event.audienceProjectId ?? "",
    seasonId: event.seasonId ?? "",
    projectIds,
    defaultQuestions: questions.filter((question) => defaultQuestions.some((candidate) => candidate.key === question.key)).map((question) => question.key),
    customQuestions: customQuestionsText(questions),
    trainers: event.trainers ?? "",
    replayUrl: event.replayUrl ?? "",
    slidesUrl: event.slidesUrl ?? "",
    resources: resourcesText(event.resources as { label: string; url: string }[]),
    version: String(event.version),
    scope: "one",
    interval: "2",
    until: "",
  };
}

function positiveInteger(value: string): number | null {
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

/**
 * The programme team's event management (`manage:event:any`): the list with seats, creation of an event
 * or a series, edition of an event or of an occurrence and the following ones, cancellation with a reason.
 */
export function registerEventAdminRoutes(app: FastifyInstance, deps: EventsDeps) {
  const { db, clock } = deps;

  async function requireEvent(id: string): Promise<EventRecord> {
    const event = isUuid(id) ? await findEventById(db, id) : null;
    if (!event) throw new NotFoundError("Cet événement n’existe pas.");
    return event;
  }

  async function renderForm(request: FastifyRequest, reply: FastifyReply, status: number, mode: FormMode, values: FormPageValues, errors: Record<string, string> = {}, notice?: EventFormPageProps["notice"]) {
    const choices = await listFormChoices(db);
    return sendPage(reply, <EventFormPage context={pageContext(request, reply)} mode={mode} values={values} errors={inFormOrder(errors)} choices={choices} notice={notice} />, status);
  }

  async function parse(values: EventFormValues, event?: EventRecord) {
    const choices = await listFormChoices(db);
    return parseEventForm(values, {
      seasonIds: new Set(choices.seasons.map((season) => season.id)),
      projectIds: new Set(choices.projects.map((project) => project.id)),
      parseDateTime: parseParisDateTime,
      existingQuestions: event ? (event.questions as EventQuestion[]) : [],
    });
  }

  function written() {
    deps.pageCache?.clear();
  }

  app.get("/admin/evenements", { config: access }, async (request, reply) => {
    const now = clock.now();
    const all = await listEvents(db, {}, "asc");
    const query = request.query as Record<string, unknown>;
    const count = (name: string) => positiveInteger(typeof query[name] === "string" ? (query[name] as string) : "");
    const series = count("serie");
    const cancelled = count("annules");
    const notice: AdminNotice = series ? { kind: "series", count: series } : cancelled ? { kind: "cancelled", count: cancelled } : null;
    return sendPage(
      reply,
      <EventsAdminPage context={pageContext(request, reply)} upcoming={all.filter((event) => event.endsAt > now)} past={all.filter((event) => event.endsAt <= now).reverse()} notice={notice} />,
    );
  });

  app.get("/admin/evenements/nouveau", { config: access }, async (request, reply) => renderForm(request, reply, 200, { kind: "create" }, emptyValues));

  app.post("/admin/evenements/nouveau", { config: access }, async (request, reply) => {
    const values = valuesOf(keepValues(request.body));
    const parsed = await parse(values);
    if ("errors" in parsed) return renderForm(request, reply, 400, { kind: "create" }, values, parsed.errors);
    const event = await createEvent(deps, { draft: parsed.draft, actorId: request.user?.id ?? null, now: clock.now() });
    written();
    return reply.redirect(`/admin/evenements/${event.id}/modifier?cree=1`, 303);
  });

  app.get("/admin/evenements/nouvelle-serie", { config: access }, async (request, reply) => renderForm(request, reply, 200, { kind: "series" }, emptyValues));

  app.post("/admin/evenements/nouvelle-serie", { config: access }, async (request, reply) => {
    const values = valuesOf(keepValues(request.body));
    const parsed = await parse(values);
    const interval = /^\d{1,3}$/.test(values.interval.trim()) ? Number(values.interval.trim()) : null;
    const until = calendarDayOf(values.until);
    const ruleErrors = validateRule(calendarDayOf(values.startsOn), { interval, until });
    if (!isCalendarDay(until)) ruleErrors.until = "Indiquez la date de la dernière séance possible au format jj/mm/aaaa, par exemple 30/06/2027.";
    if ("errors" in parsed || Object.keys(ruleErrors).length > 0) {
      return renderForm(request, reply, 400, { kind: "series" }, values, { ...("errors" in parsed ? parsed.errors : {}), ...ruleErrors });
    }
    const created = await createSeries(deps, { draft: parsed.draft, rule: { frequency: "weekly", interval: interval!, until }, actorId: request.user?.id ?? null, now: clock.now() });
    written();
    return reply.redirect(`/admin/evenements?serie=${created.events.length}`, 303);
  });

  app.get<{ Params: IdParams }>("/admin/evenements/:id/modifier", { config: access }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    const query = request.query as Record<string, unknown>;
    const notice = {
      created: query.cree === "1",
      saved: query.enregistre === "1",
      promoted: positiveInteger(typeof query.promus === "string" ? query.promus : "") ?? 0,
      updatedCount: positiveInteger(typeof query.seances === "string" ? query.seances : "") ?? 1,
    };
    return renderForm(request, reply, 200, { kind: "edit", event, inSeries: event.seriesId !== null }, valuesOfEvent(event, await listEventProjectIds(db, event.id)), {}, notice);
  });

  app.post<{ Params: IdParams }>("/admin/evenements/:id/modifier", { config: access }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    const values = valuesOf(keepValues(request.body));
    const mode: FormMode = { kind: "edit", event, inSeries: event.seriesId !== null };
    const version = positiveInteger(values.version.trim());
    const errors: Record<string, string> = {};
    if (version === null) errors._form = "Le formulaire est incomplet\u00a0: rechargez la page de modification.";
    const scope = values.scope === "following" && event.seriesId ? "following" : values.scope === "one" || !event.seriesId ? "one" : null;
    if (scope === null) errors.scope = "Choisissez les séances à modifier.";
    // Back from the confirmation of « cette séance et les suivantes », the form as it was typed.
    if (text(keepValues(request.body), "etape") === "modifier") return renderForm(request, reply, 200, mode, values);
    const parsed = await parse(values, event);
    if ("errors" in parsed || version === null || scope === null) return renderForm(request, reply, 400, mode, values, { ...errors, ...("errors" in parsed ? parsed.errors : {}) });
    if (scope === "following" && text(keepValues(request.body), "confirmation") !== "oui") {
      // Say what changes on how many occurrences before storing anything; without changes, nothing to confirm.
      try {
        const preview = await previewFollowing(db, event, parsed.draft);
        if (hasChanges(preview.changes) && preview.occurrences.length > 1) {
          return sendPage(reply, <ConfirmFollowingPage context={pageContext(request, reply)} event={event} values={values} preview={preview} />);
        }
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return renderForm(request, reply, 400, mode, values, error.fieldErrors);
      }
    }
    try {
      const result = await updateOccurrences(deps, { id: event.id, expectedVersion: version, draft: parsed.draft, scope: scope as OccurrenceScope, now: clock.now() });
      written();
      const promoted = result.promoted;
      return reply.redirect(`/admin/evenements/${event.id}/modifier?enregistre=1${promoted > 0 ? `&promus=${promoted}` : ""}${result.updated.length > 1 ? `&seances=${result.updated.length}` : ""}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderForm(request, reply, error.code === "stale_version" ? 409 : 400, mode, values, error.fieldErrors);
    }
  });

  async function renderCancel(request: FastifyRequest, reply: FastifyReply, status: number, event: EventRecord, values: { reason: string; scope: string; version: string }, errors: Record<string, string> = {}) {
    const following = event.seriesId ? (await listSeriesFrom(db, event.seriesId, event.startsAt)).filter((other) => other.id !== event.id && other.status !== "cancelled") : [];
    const seats = (await countSeats(db, [event.id])).get(event.id)!;
    const registered = seats.confirmed.in_person + seats.confirmed.remote + seats.waitlisted.in_person + seats.waitlisted.remote;
    return sendPage(
      reply,
      <CancelEventPage context={pageContext(request, reply)} event={event} inSeries={event.seriesId !== null} followingCount={following.length} registered={registered} values={values} errors={errors} />,
      status,
    );
  }

  app.get<{ Params: IdParams }>("/admin/evenements/:id/annuler", { config: access }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    if (event.status === "cancelled") return reply.redirect(`/admin/evenements/${event.id}/modifier`, 303);
    return renderCancel(request, reply, 200, event, { reason: "", scope: "one", version: String(event.version) });
  });

  app.post<{ Params: IdParams }>("/admin/evenements/:id/annuler", { config: access }, async (request, reply) => {
    const event = await requireEvent(request.params.id);
    const body = keepValues(request.body);
    const values = { reason: text(body, "reason"), scope: text(body, "scope"), version: text(body, "version") };
    const version = positiveInteger(values.version.trim());
    const scope = values.scope === "following" && event.seriesId ? "following" : values.scope === "one" || !event.seriesId ? "one" : null;
    const errors: Record<string, string> = {};
    if (version === null) errors._form = "Le formulaire est incomplet\u00a0: rechargez la page.";
    if (scope === null) errors.scope = "Choisissez les séances à annuler.";
    if (!values.reason.trim()) errors.reason = "Indiquez le motif de l’annulation\u00a0: il est envoyé aux personnes inscrites.";
    if (Object.keys(errors).length > 0) return renderCancel(request, reply, 400, event, values, errors);
    try {
      const result = await cancelOccurrences(deps, { id: event.id, expectedVersion: version!, reason: values.reason, scope: scope!, now: clock.now() });
      written();
      return reply.redirect(`/admin/evenements?annules=${Math.max(1, result.cancelled.length)}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderCancel(request, reply, error.code === "stale_version" ? 409 : 400, event, values, error.fieldErrors);
    }
  });
}
