import type { FastifyInstance } from "fastify";
import { and, asc, eq, ne } from "drizzle-orm";
import { pageContext, sendPage } from "../../../http/render.tsx";
import type { Executor } from "../../../db/client.ts";
import { projectSeasons, seasons } from "../../../db/schema/index.ts";
import { listTeam } from "../../teams/api.ts";
import type { WorkspaceDeps } from "../deps.ts";
import { findCurrentFraming } from "../framing/framing-repository.ts";
import { loadPortfolioFacts } from "../portfolio/portfolio-repository.ts";
import { portfolioRows, workingPeriod } from "../portfolio/portfolio-rows.ts";
import { frameOf } from "../views/workspace-layout.tsx";
import { loadWorkspace } from "../workspace-scope.ts";
import { OverviewPage } from "./overview-page.tsx";

/** The project's other seasons, newest first: the « passeport » (each workspace stays readable to whom it was meant for). */
async function otherSeasons(db: Executor, projectId: string, seasonId: string) {
  return db
    .select({ slug: seasons.slug, name: seasons.name, startsOn: seasons.startsOn })
    .from(projectSeasons)
    .innerJoin(seasons, eq(seasons.id, projectSeasons.seasonId))
    .where(and(eq(projectSeasons.projectId, projectId), ne(projectSeasons.seasonId, seasonId)))
    .orderBy(asc(seasons.startsOn));
}

/** `GET /projets/:slug/espace`: where the project stands (phase, framing, next milestone, last log and météo, team) and its earlier seasons. */
export function registerOverviewRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  const { db, clock } = deps;
  app.get<{ Params: { slug: string } }>("/projets/:slug/espace", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request);
    const { project, season } = workspace;
    const [facts] = portfolioRows(await loadPortfolioFacts(db, season, clock.now(), new Set([project.id])), workspace.today, workingPeriod(season));
    const team = (await listTeam(db, project.id, season.id)).map((member) => ({ name: member.erased ? "Ancien membre" : member.name, role: member.role, ministry: member.ministryName }));
    return sendPage(
      reply,
      <OverviewPage
        context={pageContext(request, reply)}
        frame={frameOf(workspace)}
        model={{
          facts: facts ?? null,
          framing: await findCurrentFraming(db, project.id, season.id),
          team,
          canEdit: workspace.access.canEdit,
          otherSeasons: (await otherSeasons(db, project.id, season.id)).reverse(),
        }}
      />,
    );
  });
}
