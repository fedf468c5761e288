import type { FastifyInstance } from "fastify";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { formatDate } from "../../../shared/french-date.ts";
import type { ContentDeps } from "../deps.ts";
import { type ContentKind, eventDetailsSchema } from "../domain/content-item.ts";
import { plainSummary, plainTextOf } from "../domain/markdown.ts";
import { SearchPage, type SearchPageProps, type SearchResultView } from "./search-page.tsx";
import { searchQuerySchema, type SearchType, searchTypes } from "./search-query.ts";
import { highlight, type SearchHit, searchableKinds, searchContent } from "./search-repository.ts";
import { hasHighlight, highlightedHtml, shorten, withEllipses } from "./search-text.ts";

const pageSize = 10;

/** Site search over news, pages, projects, trainings and events (not cached: every query differs). */
export function registerSearchRoutes(app: FastifyInstance, deps: ContentDeps) {
  app.get("/recherche", { config: { access: "public" } }, async (request, reply) => {
    const raw = Object.fromEntries(Object.entries((request.query ?? {}) as Record<string, unknown>).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
    const parsed = searchQuerySchema.safeParse(raw);
    const context = pageContext(request, reply);
    if (!parsed.success) {
      const query = typeof raw.q === "string" ? raw.q : "";
      const type = searchTypes.find((candidate) => candidate.value === raw.type)?.value ?? null;
      const error = parsed.error.issues.find((issue) => issue.path[0] === "q")?.message ?? "Cette recherche n’est pas valide.";
      return sendPage(reply, <SearchPage context={context} query={query} type={type} error={error} results={null} />, 400);
    }
    const { q: query, type = null, page } = parsed.data;
    if (!query) return sendPage(reply, <SearchPage context={context} query="" type={type} results={null} />);

    const kind = searchTypes.find((candidate) => candidate.value === type)?.kind;
    const found = await searchContent(deps.db, { query, kinds: kind ? [kind] : searchableKinds, now: deps.clock.now(), limit: pageSize, offset: (page - 1) * pageSize, platformAddresses: deps.platformAddresses });
    const items = await presentHits(deps, query, found.hits, found.approximate);
    const countsByType = Object.fromEntries(searchTypes.map((candidate) => [candidate.value, found.countsByKind[candidate.kind] ?? 0])) as Record<SearchType, number>;
    const total = kind ? (found.countsByKind[kind] ?? 0) : Object.values(found.countsByKind).reduce((sum, count) => sum + count, 0);
    const results: SearchPageProps["results"] = { items, total, countsByType, approximate: found.approximate, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
    return sendPage(reply, <SearchPage context={context} query={query} type={type} results={results} />);
  });
}

/** Titles and excerpts highlighted; the summary stands in when the words are only in the title. */
async function presentHits(deps: ContentDeps, query: string, hits: SearchHit[], approximate: boolean): Promise<SearchResultView[]> {
  const texts = hits.map((hit) => ({ title: hit.title, summary: plainSummary(hit.summary, Number.MAX_SAFE_INTEGER) ?? "", body: plainTextOf(hit.body, hit.bodyFormat) }));
  const highlighted = approximate ? [] : await highlight(deps.db, query, texts.map((text) => ({ title: text.title, text: [text.summary, text.body].filter(Boolean).join(" — ") })));
  return hits.map((hit, index) => {
    const text = texts[index]!;
    const marked = highlighted[index];
    const excerpt = marked && (hasHighlight(marked.excerpt) || !text.summary) ? withEllipses(marked.excerpt, [text.summary, text.body].filter(Boolean).join(" — ")) : shorten(text.summary || text.body);
    const date = displayedDate(hit.kind, hit.date, hit.details);
    return {
      kind: hit.kind,
      path: hit.path,
      titleHtml: highlightedHtml(marked?.title ?? hit.title),
      excerptHtml: highlightedHtml(excerpt),
      date: date ? formatDate(date) : null,
      dateTime: date ? date.toISOString() : null,
    };
  });
}

/** An event shows when it starts; other items their date. */
function displayedDate(kind: ContentKind, date: Date | null, details: Record<string, unknown>): Date | null {
  if (kind === "event") {
    const startsAt = eventDetailsSchema.safeParse(details).data?.startsAt;
    if (startsAt) return new Date(startsAt);
  }
  return date;
}
