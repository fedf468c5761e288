import type { Database } from "../../db/client.ts";
import { projects, projectSeasons, seasons } from "../../db/schema/index.ts";
import { eq } from "drizzle-orm";
import { type ContentItem, listPublicItems, type ProjectDetails } from "../content/api.ts";
import { organisationLookup } from "../organisations/api.ts";
import { firstFreeSlug } from "./domain/project-slug.ts";

/** Projects of the 2022 call that continued in 2023 (the « ChartGouv » page is ChartsGouv). */
const carriedOverTo2023 = new Set(["cartiflette", "chartgouv", "chartsgouv"]);

async function seasonIdOf(db: Database, year: number): Promise<string> {
  const slug = String(year);
  await db
    .insert(seasons)
    .values({ slug, name: `Saison ${year}`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` })
    .onConflictDoNothing();
  const [row] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  return row!.id;
}

function yearOf(item: ContentItem): number {
  const season = (item.details as ProjectDetails).season;
  if (season) return season;
  return (item.date ?? item.createdAt).getUTCFullYear() >= 2023 ? 2023 : 2022;
}

/**
 * Every imported project page (content items of kind `project`) becomes a project linked to it, in season
 * 2022 or 2023 (created when the seasons seed did not); Cartiflette and ChartsGouv run in both, 2023 as
 * carried over. Participating organisations: those whose acronym (Insee, IGN…) the page names.
 */
export async function seedDemoProjects(db: Database, options: { now: Date }): Promise<number> {
  const items = await listPublicItems(db, "project", options.now);
  const organisations = (await organisationLookup.listHierarchy(db)).filter((organisation) => organisation.acronym && organisation.acronym.length >= 3);
  const taken = new Set((await db.select({ slug: projects.slug }).from(projects)).map((row) => row.slug));
  const season2022 = await seasonIdOf(db, 2022);
  const season2023 = await seasonIdOf(db, 2023);
  let created = 0;
  for (const item of items) {
    const details = item.details as ProjectDetails;
    const text = `${item.title}\n${item.summary ?? ""}\n${item.body}\n${(details.administrations ?? []).join("\n")}`;
    const organisationIds = organisations
      .filter((organisation) => new RegExp(`\\b${organisation.acronym!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(text))
      .map((organisation) => organisation.id);
    const slug = firstFreeSlug(item.slug, taken);
    taken.add(slug);
    const carried = carriedOverTo2023.has(item.slug.toLowerCase());
    const [project] = await db
      .insert(projects)
      .values({
        slug,
        title: item.title,
        pitch: item.summary?.replace(/\s+/g, " ").trim() ?? "",
        repositoryUrl: details.githubUrl ?? null,
        tchapRoom: details.tchapUrl ?? null,
        participatingOrganisationIds: organisationIds,
        contentPath: item.path,
      })
      .returning({ id: projects.id });
    const first = carried ? 2022 : yearOf(item);
    await db.insert(projectSeasons).values({ projectId: project!.id, seasonId: first === 2022 ? season2022 : season2023, entry: "selected", decisionReason: "Retenu par le comité de sélection de l’appel à projets." });
    if (carried) await db.insert(projectSeasons).values({ projectId: project!.id, seasonId: season2023, entry: "carried_over", decisionReason: "Le projet continue : ses premiers résultats sont utilisés et l’équipe reste mobilisée." });
    created++;
  }
  return created;
}
