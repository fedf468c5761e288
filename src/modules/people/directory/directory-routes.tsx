import type { FastifyInstance, FastifyRequest } from "fastify";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { hasPermission } from "../../identity/api.ts";
import type { PeopleDeps } from "../deps.ts";
import { directoryCsv } from "./directory-csv.ts";
import { directoryHref, type DirectoryQuery, directoryQuerySchema, type DirectoryUrlParams, namePositionOf, pageSize, urlParamsOf } from "./directory-query.ts";
import { type DirectoryViewer, findSkillExperts, listDirectoryForExport, listSkillsWithMembers, resolveFilters } from "./directory-repository.ts";
import { searchDirectoryForgivingTypos } from "./directory-search.ts";
import { DirectoryPage } from "./views/directory-page.tsx";
import { SkillPage, SkillsPage } from "./views/skills-pages.tsx";

const expertsPerLevel = 50;

function viewerOf(request: FastifyRequest): DirectoryViewer {
  const user = request.user!;
  return { id: user.id, canSeeHiddenProfiles: hasPermission(user, "read:hidden-profile:any") };
}

/** The query parameters as given (for a refused search, shown back as typed). */
function rawParams(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

/** `/annuaire` (search « Trouver un expert »), `/annuaire/export.csv` (programme team), `/annuaire/competences[/:slug]`. */
export function registerDirectoryRoutes(app: FastifyInstance, deps: PeopleDeps) {
  async function prepare(request: FastifyRequest, query: DirectoryQuery) {
    const viewer = viewerOf(request);
    return { viewer, filters: await resolveFilters(deps.db, viewer, query) };
  }

  app.get("/annuaire", { config: { access: "read:directory" } }, async (request, reply) => {
    // The form sends every filter, chosen or not: the address keeps only those with a value.
    const search = new URLSearchParams(request.url.split("?")[1] ?? "");
    if ([...search.values()].some((value) => value === "")) {
      const kept = new URLSearchParams([...search].filter(([, value]) => value !== ""));
      return reply.redirect(kept.size > 0 ? `/annuaire?${kept.toString()}` : "/annuaire", 303);
    }
    const context = pageContext(request, reply);
    const parsed = directoryQuerySchema.safeParse(rawParams(request));
    if (!parsed.success) {
      // Only the query can be refused (too long); the filters of a valid shape are kept.
      const error = parsed.error.issues.find((issue) => issue.path[0] === "q")?.message ?? "Cette recherche n’est pas valide.";
      const kept = directoryQuerySchema.omit({ q: true }).parse(rawParams(request));
      const typed = rawParams(request).q;
      const params: DirectoryUrlParams = { ...kept, q: typeof typed === "string" ? typed.slice(0, 1_000) : "" };
      return sendPage(reply, <DirectoryPage context={context} params={params} error={error} results={null} exportHref={null} />, 400);
    }
    const query = parsed.data;
    const { viewer, filters } = await prepare(request, query);
    const results = await searchDirectoryForgivingTypos(deps.db, {
      viewer,
      query: query.q,
      filters,
      page: query.page,
      pageSize,
      from: namePositionOf(query),
      broadAbove: deps.directoryBroadSearchAbove,
    });
    const params = urlParamsOf(query.q, filters);
    const exportHref = hasPermission(request.user, "export:directory:any") ? directoryHref(params, 1, "/annuaire/export.csv") : null;
    return sendPage(reply, <DirectoryPage context={context} params={params} results={results} exportHref={exportHref} filterLabels={filters.labels} />);
  });

  app.get("/annuaire/export.csv", { config: { access: "export:directory:any" } }, async (request, reply) => {
    const parsed = directoryQuerySchema.safeParse(rawParams(request));
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "Cette recherche n’est pas valide.";
      return reply.code(400).header("cache-control", "no-store").type("text/plain; charset=utf-8").send(message);
    }
    const { viewer, filters } = await prepare(request, parsed.data);
    const rows = await listDirectoryForExport(deps.db, { viewer, query: parsed.data.q, filters });
    const day = deps.clock.now().toISOString().slice(0, 10);
    return reply
      .header("cache-control", "no-store")
      .header("content-disposition", `attachment; filename="annuaire-programme-10-${day}.csv"`)
      .type("text/csv; charset=utf-8")
      .send(directoryCsv(rows));
  });

  app.get("/annuaire/competences", { config: { access: "read:directory" } }, async (request, reply) => {
    const skills = await listSkillsWithMembers(deps.db, viewerOf(request));
    return sendPage(reply, <SkillsPage context={pageContext(request, reply)} skills={skills} />);
  });

  app.get("/annuaire/competences/:slug", { config: { access: "read:directory" } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const experts = /^[a-z0-9][a-z0-9-]{0,99}$/.test(slug) ? await findSkillExperts(deps.db, viewerOf(request), slug, expertsPerLevel) : null;
    if (!experts) throw new NotFoundError("Cette compétence n’existe pas dans le vocabulaire.");
    return sendPage(reply, <SkillPage context={pageContext(request, reply)} experts={experts} perLevel={expertsPerLevel} />);
  });
}
