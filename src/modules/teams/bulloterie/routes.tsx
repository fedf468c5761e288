import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { hasPermission } from "../../identity/api.ts";
import { countSkillLevels, findProfileSummary, listExpertsToMeet } from "../../people/api.ts";
import type { TeamsDeps } from "../deps.ts";
import { bulloterieCsv } from "./bulloterie-csv.ts";
import { categoryLabel, topicCategories, topicFiguresOf } from "./topic-figures.ts";
import { AtelierPage } from "./views/atelier-page.tsx";
import { atelierPath, bulloterieCsvPath, bulloteriePath, BulloteriePage, type CategoryChoice, expertsToMeetPath } from "./views/bulloterie-page.tsx";
import { ExpertsToMeetPage } from "./views/experts-to-meet-page.tsx";

/** How many experts « qui rencontrer » names per topic before linking to the skill's page. */
const expertsPerTopic = 5;

const categoryQuerySchema = z.object({ categorie: z.string().max(100).optional() });

/**
 * `/bulloterie` (public, cached for anonymous visitors), its CSV `/bulloterie.csv`, the projector view
 * `/bulloterie/atelier` (public, cached) and « qui rencontrer » `/bulloterie/qui-rencontrer` (members: a
 * page per person, never in the anonymous cache).
 */
export function registerBulloterieRoutes(app: FastifyInstance, deps: TeamsDeps) {
  /**
   * The figures and the category asked for. An unknown or empty category answers a redirect to the address
   * without it (null), so the cache holds one page per real category.
   */
  async function load(request: FastifyRequest): Promise<{ redirect: true } | { redirect: false; figures: ReturnType<typeof topicFiguresOf>; categories: CategoryChoice[]; chosen: CategoryChoice | null }> {
    const parsed = categoryQuerySchema.safeParse(request.query ?? {});
    const asked = parsed.success ? parsed.data.categorie : "";
    const counts = await countSkillLevels(deps.db);
    const marked = new Set(topicFiguresOf(counts).map((topic) => topic.category));
    // The vocabulary's categories in their order, then any other a skill carries; only those with marked topics.
    const keys = [...topicCategories.map((category) => category.key), ...[...marked].filter((key) => !topicCategories.some((category) => category.key === key))];
    const categories = keys.filter((key) => marked.has(key)).map((key) => ({ key, label: categoryLabel(key) }));
    if (asked === undefined) return { redirect: false, figures: topicFiguresOf(counts), categories, chosen: null };
    const chosen = categories.find((category) => category.key === asked);
    if (!chosen) return { redirect: true };
    return { redirect: false, figures: topicFiguresOf(counts, chosen.key), categories, chosen };
  }

  app.get(bulloteriePath, { config: { access: "public", cacheForAnonymous: true } }, async (request, reply) => {
    const loaded = await load(request);
    if (loaded.redirect) return reply.redirect(bulloteriePath, 303);
    const share = { url: new URL(bulloteriePath, deps.publicUrl).href, type: "website" as const };
    return sendPage(
      reply,
      <BulloteriePage context={pageContext(request, reply)} share={share} topics={loaded.figures} categories={loaded.categories} chosen={loaded.chosen} />,
      200,
      deps.pageCache,
    );
  });

  app.get(bulloterieCsvPath, { config: { access: "public" } }, async (request, reply) => {
    const loaded = await load(request);
    if (loaded.redirect) return reply.redirect(bulloterieCsvPath, 303);
    const day = deps.clock.now().toISOString().slice(0, 10);
    const name = `bulloterie-programme-10${loaded.chosen ? `-${loaded.chosen.key}` : ""}-${day}.csv`;
    return reply
      .header("cache-control", "no-cache")
      .header("content-disposition", `attachment; filename="${name}"`)
      .type("text/csv; charset=utf-8")
      .send(bulloterieCsv(loaded.figures));
  });

  app.get(atelierPath, { config: { access: "public", cacheForAnonymous: true } }, async (request, reply) => {
    const loaded = await load(request);
    if (loaded.redirect) return reply.redirect(atelierPath, 303);
    return sendPage(reply, <AtelierPage context={pageContext(request, reply)} topics={loaded.figures} categories={loaded.categories} chosen={loaded.chosen} />, 200, deps.pageCache);
  });

  app.get(expertsToMeetPath, { config: { access: "read:directory" } }, async (request, reply) => {
    const user = request.user!;
    const viewer = { id: user.id, canSeeHiddenProfiles: hasPermission(user, "read:hidden-profile:any") };
    const [curiosities, profile] = await Promise.all([listExpertsToMeet(deps.db, viewer, { perSkill: expertsPerTopic }), findProfileSummary(deps.db, user.id)]);
    const profileEditHref = profile?.joined ? `${profile.path}/modifier` : "/rejoindre/inscription";
    return sendPage(reply, <ExpertsToMeetPage context={pageContext(request, reply)} curiosities={curiosities} profileEditHref={profileEditHref} />);
  });
}
