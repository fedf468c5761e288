import type { FastifyInstance } from "fastify";
import type { ContentDeps } from "../deps.ts";
import { buildFeed, buildRobotsTxt, buildSitemap, eventsSection, type FeedFormat, feedContentTypes, newsSection } from "./build-feeds.ts";
import { listLatestEvents, listLatestNews, listSitemapEntries } from "./feed-repository.ts";

const feedLength = 20;
const publicRoute = { config: { access: "public" } } as const;

/** Atom and RSS feeds of news and events, sitemap.xml and robots.txt. */
export function registerFeedRoutes(app: FastifyInstance, deps: ContentDeps) {
  const { db, clock, publicUrl } = deps;

  for (const format of ["atom", "rss"] as const satisfies FeedFormat[]) {
    app.get(`/actualites/flux.${format}`, publicRoute, async (_request, reply) => {
      const now = clock.now();
      const xml = buildFeed(newsSection, await listLatestNews(db, now, feedLength), { publicUrl, format, now });
      return reply.header("cache-control", "no-cache").type(feedContentTypes[format]).send(xml);
    });
    app.get(`/evenements/flux.${format}`, publicRoute, async (_request, reply) => {
      const now = clock.now();
      const xml = buildFeed(eventsSection, await listLatestEvents(db, now, feedLength), { publicUrl, format, now });
      return reply.header("cache-control", "no-cache").type(feedContentTypes[format]).send(xml);
    });
  }

  app.get("/sitemap.xml", publicRoute, async (_request, reply) => {
    const xml = buildSitemap(await listSitemapEntries(db, clock.now(), deps.platformAddresses), publicUrl);
    return reply.header("cache-control", "no-cache").type("application/xml; charset=utf-8").send(xml);
  });

  app.get("/robots.txt", publicRoute, async (_request, reply) => reply.type("text/plain; charset=utf-8").send(buildRobotsTxt(publicUrl)));
}
