import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createElement } from "react";
import { pageContext, sendPage } from "../../http/render.tsx";
import { NotFoundError } from "../../shared/domain-error.ts";
import { hasPermission } from "../identity/api.ts";
import { calendarEventOf, createFeed, findFeedOf, findFeedOwner, listFeedEntries, listProgrammeFeedEvents, replaceFeed } from "./calendar/calendar-store.ts";
import { buildCalendar } from "./calendar/event-ics.ts";
import type { EventsDeps } from "./deps.ts";
import { type EventRecord, findEventBySlug, findLiveRegistrationOfMember } from "./repository.ts";
import { CalendarFeedPage } from "./views/calendar-feed-page.tsx";

type SlugParams = { slug: string };
type TokenParams = { token: string };

/** Subscribed clients are asked to fetch feeds again every hour. */
const feedRefreshSeconds = 3600;
const feedAccess = { access: "manage:calendar-feed:own" } as const;
/** Calendar clients fetch a feed every few minutes at most; more from one address is someone guessing tokens. */
const feedRateLimit = { max: 30, timeWindow: "1 minute" };
const slugPattern = /^[a-z0-9-]{1,200}$/;

function sendCalendar(reply: FastifyReply, content: string, options: { filename?: string; cache: string }) {
  reply.header("cache-control", options.cache).type("text/calendar; charset=utf-8");
  if (options.filename) reply.header("content-disposition", `attachment; filename="${options.filename}"`);
  return reply.send(content);
}

/**
 * The visio link goes to whoever the event page shows it to (agenda-routes.tsx): the programme team and
 * the people holding a confirmed seat (a waiting person has none yet); the others read that it is sent to
 * registered people. The programme feed is anonymous: it never carries the link.
 */
async function mayReceiveVisio(deps: EventsDeps, event: EventRecord, request: FastifyRequest): Promise<boolean> {
  const user = request.user;
  if (!user) return false;
  if (hasPermission(user, "manage:event:any")) return true;
  const registration = await findLiveRegistrationOfMember(deps.db, event.id, user.id);
  return registration?.status === "confirmed";
}

/**
 * iCalendar files and feeds (`/evenements/<slug>/calendrier.ics`, `/evenements/calendrier.ics`, the personal
 * feed `/calendrier/<token>.ics`), the page where a member gets and renews their feed address
 * (`/compte/calendrier`), and the reminder sweep.
 */
export function registerCalendarRoutes(app: FastifyInstance, deps: EventsDeps) {
  const { db, clock, publicUrl } = deps;
  const feedUrlOf = (token: string) => new URL(`/calendrier/${token}.ics`, publicUrl).href;
  const programmeFeedUrl = new URL("/evenements/calendrier.ics", publicUrl).href;

  app.get("/evenements/calendrier.ics", { config: { access: "public" } }, async (_request, reply) => {
    const events = await listProgrammeFeedEvents(db, clock.now());
    const content = buildCalendar(
      events.map((event) => calendarEventOf(event, { withVisio: false })),
      { name: "Programme 10\u00a0% — événements publics", description: "Les événements ouverts à tous du Programme 10\u00a0%.", method: "PUBLISH", publicUrl, refreshSeconds: feedRefreshSeconds },
    );
    return sendCalendar(reply, content, { cache: "public, max-age=300" });
  });

  app.get<{ Params: SlugParams }>("/evenements/:slug/calendrier.ics", { config: { access: "public" } }, async (request, reply) => {
    const event = slugPattern.test(request.params.slug) ? await findEventBySlug(db, request.params.slug) : null;
    if (!event) throw new NotFoundError("Cet événement n’existe pas.");
    const withVisio = await mayReceiveVisio(deps, event, request);
    const content = buildCalendar([calendarEventOf(event, { withVisio })], { name: event.title, method: "PUBLISH", publicUrl });
    return sendCalendar(reply, content, { filename: `${event.slug}.ics`, cache: "private, no-cache" });
  });

  app.get<{ Params: TokenParams }>("/calendrier/:token.ics", { config: { access: "public", rateLimit: feedRateLimit } }, async (request, reply) => {
    const userId = await findFeedOwner(db, request.params.token);
    if (!userId) throw new NotFoundError("Cette adresse de calendrier n’existe pas ou a été révoquée.");
    const entries = await listFeedEntries(db, userId);
    const content = buildCalendar(
      entries.map((entry) =>
        calendarEventOf(entry.event, {
          withVisio: entry.status === "confirmed",
          registration: { status: entry.status, mode: entry.mode },
        }),
      ),
      { name: "Mes inscriptions — Programme 10\u00a0%", description: "Les événements du Programme 10\u00a0% auxquels je suis inscrit·e.", method: "PUBLISH", publicUrl, refreshSeconds: feedRefreshSeconds },
    );
    reply.header("x-robots-tag", "noindex");
    return sendCalendar(reply, content, { cache: "private, no-cache" });
  });

  async function renderFeedPage(request: FastifyRequest, reply: FastifyReply) {
    const feed = await findFeedOf(db, request.user!.id);
    const query = request.query as Record<string, unknown>;
    const notice = query.adresse === "creee" ? "created" : query.adresse === "renouvelee" ? "renewed" : undefined;
    const page = createElement(CalendarFeedPage, { context: pageContext(request, reply), feedUrl: feed ? feedUrlOf(feed.token) : null, programmeFeedUrl, notice });
    return sendPage(reply, page);
  }

  app.get("/compte/calendrier", { config: feedAccess }, renderFeedPage);

  app.post("/compte/calendrier", { config: feedAccess }, async (request, reply) => {
    await createFeed(db, request.user!.id, clock.now());
    return reply.redirect("/compte/calendrier?adresse=creee", 303);
  });

  app.post("/compte/calendrier/nouvelle-adresse", { config: feedAccess }, async (request, reply) => {
    await replaceFeed(db, request.user!.id, clock.now());
    return reply.redirect("/compte/calendrier?adresse=renouvelee", 303);
  });
}
