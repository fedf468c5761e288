import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ReactElement } from "react";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { NotFoundError } from "../../../shared/domain-error.ts";
import type { BreadcrumbItem } from "../../../ui/breadcrumb.tsx";
import type { SharePreview } from "../../../ui/layout.tsx";
import { countCommunity } from "../../identity/api.ts";
import type { ContentDeps, HomeEvent } from "../deps.ts";
import type { ContentItem, ContentKind, EventDetails } from "../domain/content-item.ts";
import { findRedirectTarget } from "../repository.ts";
import { HomePage } from "../views/home-page.tsx";
import { NewsListPage, NewsPostPage } from "../views/news-pages.tsx";
import { ContentPage, eventSchedule } from "../views/section-pages.tsx";
import { formatEventSchedule, isUpcoming } from "./event-dates.ts";
import {
  countPublicItemsByKind,
  findAdjacentNews,
  findPublicItem,
  findPublicItemByPath,
  listNewsFacets,
  listPublicItems,
  listPublicNews,
  listPublicPagesUnder,
  type NewsFilter,
} from "./site-repository.ts";

const publicPage = { access: "public", cacheForAnonymous: true } as const;
export const newsPerPage = 9;

/** Longer paths, or paths with control characters, are no address of this site. */
function isPlausiblePath(path: string): boolean {
  return path.length <= 300 && !/[\u0000-\u001f\u007f]/.test(path);
}

/** The first value of a query parameter, if it is a non-empty string. */
function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
}

/** The public site: home, news, any page by its path, and redirects of old paths. */
export function registerSiteRoutes(app: FastifyInstance, deps: ContentDeps) {
  const { db, clock } = deps;
  const send = (reply: FastifyReply, element: ReactElement) => sendPage(reply, element, 200, deps.pageCache);
  const share = (path: string, options: { image?: string | null; type?: "website" | "article" } = {}): SharePreview => ({
    url: new URL(path, deps.publicUrl).href,
    image: options.image ? new URL(options.image, deps.publicUrl).href : null,
    type: options.type ?? "website",
  });

  // One address per page: `/actualites/` answers 301 to `/actualites` (the query string kept).
  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "GET" && request.method !== "HEAD") return;
    const [path = "/", query] = splitUrl(request.url);
    if (path === "/" || !path.endsWith("/")) return;
    // Leading slashes collapsed: `//example.org/` must not become a protocol-relative redirect.
    const withoutSlash = `/${path.replace(/^\/+/, "").replace(/\/+$/, "")}`;
    // An old address of a moved item goes to its new one in a single hop.
    const moved = isPlausiblePath(withoutSlash) ? await findRedirectTarget(db, withoutSlash) : null;
    const target = moved && moved.startsWith("/") && !moved.startsWith("//") ? moved : withoutSlash;
    return reply.redirect(query === undefined ? target : `${target}?${query}`, 301);
  });

  /** An old address of a moved item answers 301 to its new one; anything else is a 404. */
  async function redirectOrNotFound(path: string, reply: FastifyReply): Promise<FastifyReply> {
    if (isPlausiblePath(path)) {
      // Stored old addresses never end with « / » (the hook above strips it first); Hugo lower-cased its URLs.
      for (const candidate of new Set([path, path.toLowerCase()])) {
        const target = await findRedirectTarget(db, candidate);
        if (target && target.startsWith("/") && !target.startsWith("//") && target !== path) return reply.redirect(target, 301);
      }
    }
    throw new NotFoundError("Cette page n’existe pas ou a été déplacée.");
  }

  async function findItemOfSection(kind: ContentKind, slug: string): Promise<ContentItem | null> {
    return isPlausiblePath(slug) ? findPublicItem(db, kind, slug, clock.now()) : null;
  }

  app.get("/", { config: publicPage }, async (request, reply) => {
    const now = clock.now();
    // The events module's agenda when the platform gives it; the content store's event pages in isolation.
    const agenda = deps.homeAgenda;
    const [page, projects, upcomingEvents, latest, counts, community, currentSeason, agendaFigures] = await Promise.all([
      findPublicItemByPath(db, "/", now),
      listPublicItems(db, "project", now),
      agenda
        ? agenda.upcoming(now)
        : listPublicItems(db, "event", now).then((events) =>
            sortUpcoming(events.filter((event) => isUpcoming(eventSchedule(event), now)))
              .slice(0, 3)
              .map(homeEventOf),
          ),
      listPublicNews(db, now, {}, { limit: 3, offset: 0 }),
      countPublicItemsByKind(db, now),
      countCommunity(db),
      deps.currentSeason ? deps.currentSeason(now) : null,
      agenda ? agenda.figures() : null,
    ]);
    const seasons = projects.map((project) => seasonOf(project)).filter((season) => season !== null);
    const latestSeason = seasons.length > 0 ? Math.max(...seasons) : null;
    const eventFigures = agendaFigures ?? { events: counts.event, trainings: counts.training };
    return send(
      reply,
      <HomePage
        context={pageContext(request, reply)}
        share={share("/")}
        page={page}
        season={latestSeason === null ? null : { year: latestSeason, projects: seasons.filter((season) => season === latestSeason).length }}
        currentSeason={currentSeason}
        upcomingEvents={upcomingEvents}
        latestNews={latest.items}
        figures={{ experts: community.experts, organisations: community.organisations, projects: counts.project, ...eventFigures }}
      />,
    );
  });

  app.get("/actualites", { config: publicPage }, async (request, reply) => {
    const now = clock.now();
    const tag = queryValue(request, "etiquette");
    const yearText = queryValue(request, "annee");
    const pageText = queryValue(request, "page");
    const filter: NewsFilter = {
      // An unknown theme simply matches nothing; one longer than any tag can be is not looked up.
      tag: tag !== undefined && tag.length <= 60 && isPlausiblePath(tag) ? tag : undefined,
      year: yearText !== undefined && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined,
    };
    if (pageText !== undefined && !/^[1-9]\d{0,4}$/.test(pageText)) throw new NotFoundError("Cette page de la liste n’existe pas.");
    const page = pageText === undefined ? 1 : Number(pageText);
    const [intro, result, facets] = await Promise.all([
      findPublicItemByPath(db, "/actualites", now),
      listPublicNews(db, now, filter, { limit: newsPerPage, offset: (page - 1) * newsPerPage }),
      listNewsFacets(db, now),
    ]);
    const pageCount = Math.max(1, Math.ceil(result.total / newsPerPage));
    if (page > pageCount) throw new NotFoundError("Cette page de la liste n’existe pas.");
    const hrefFor = (target: number) => newsListHref(filter, target);
    return send(
      reply,
      <NewsListPage
        context={pageContext(request, reply)}
        share={share(hrefFor(page))}
        intro={intro}
        items={result.items}
        total={result.total}
        page={page}
        pageCount={pageCount}
        filter={filter}
        facets={facets}
        hrefFor={hrefFor}
      />,
    );
  });

  app.get<{ Params: { slug: string } }>("/actualites/:slug", { config: publicPage }, async (request, reply) => {
    const item = await findItemOfSection("news", request.params.slug);
    if (!item) return redirectOrNotFound(`/actualites/${request.params.slug}`, reply);
    const { previous, next } = await findAdjacentNews(db, item, clock.now());
    return send(
      reply,
      <NewsPostPage context={pageContext(request, reply)} share={share(item.path, { image: item.coverImage, type: "article" })} item={item} previous={previous} next={next} />,
    );
  });

  // `/projets` and `/projets/:slug` belong to the projects module (projects are entities across seasons).

  // `/evenements`, `/evenements/:slug`, `/formations` and `/formations/:slug` belong to the events module: the agenda
  // is made of its events; an old content address of an event or a training leads to the matching event.

  // Every other address: a site page at that path (`/programme/contribuer`…), an old address, or a 404. An address a
  // module serves (`/rejoindre`, `/programme/calendrier`…) never reaches this route: the platform's page wins over a content item stored there.
  app.get("/*", { config: publicPage }, async (request, reply) => {
    const path = decodedPath(request.url);
    if (path === null || !isPlausiblePath(path)) throw new NotFoundError("Cette page n’existe pas.");
    const now = clock.now();
    const item = await findPublicItemByPath(db, path, now);
    if (!item || item.kind !== "page") return redirectOrNotFound(path, reply);
    const [ancestors, children] = await Promise.all([ancestorsOf(path, now), listPublicPagesUnder(db, path, now, deps.platformAddresses)]);
    return send(
      reply,
      <ContentPage context={pageContext(request, reply)} share={share(item.path, { image: item.coverImage })} item={item} ancestors={ancestors} children={children} />,
    );
  });

  /** The breadcrumb above a page: the published pages at each shorter path (`/programme` above `/programme/contribuer`). */
  async function ancestorsOf(path: string, now: Date): Promise<BreadcrumbItem[]> {
    const segments = path.split("/").filter(Boolean).slice(0, -1);
    const prefixes = segments.map((_, index) => `/${segments.slice(0, index + 1).join("/")}`);
    const pages = await Promise.all(prefixes.map((prefix) => findPublicItemByPath(db, prefix, now)));
    return pages.filter((page) => page !== null).map((page) => ({ label: page.title, href: page.path }));
  }
}

function splitUrl(url: string): [string, string | undefined] {
  const index = url.indexOf("?");
  return index === -1 ? [url, undefined] : [url.slice(0, index), url.slice(index + 1)];
}

function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(splitUrl(url)[0]);
  } catch {
    return null;
  }
}

/** `/actualites?etiquette=…&annee=…&page=…`, the filters kept and page 1 left implicit. */
export function newsListHref(filter: NewsFilter, page: number): string {
  const query = new URLSearchParams();
  if (filter.tag !== undefined) query.set("etiquette", filter.tag);
  if (filter.year !== undefined) query.set("annee", String(filter.year));
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/actualites?${text}` : "/actualites";
}

function seasonOf(item: ContentItem): number | null {
  const season = (item.details as { season?: unknown }).season;
  return typeof season === "number" ? season : null;
}

function startTime(event: ContentItem): number {
  return eventSchedule(event).startsAt?.getTime() ?? 0;
}

function homeEventOf(item: ContentItem): HomeEvent {
  return { id: item.id, href: item.path, title: item.title, kind: "Événement", when: formatEventSchedule(eventSchedule(item)) ?? "", where: (item.details as EventDetails).location ?? null };
}

function sortUpcoming(events: ContentItem[]): ContentItem[] {
  return [...events].sort((a, b) => startTime(a) - startTime(b));
}
