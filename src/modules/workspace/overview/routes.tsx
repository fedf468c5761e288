import type { FastifyInstance } from "fastify";
import { and, asc, eq, ne } from "drizzle-orm";
import { pageContext, sendPage } from "../../../http/render.tsx";
import type { Executor } from "../../../db/client.ts";
import { projectSeasons, seasons } from "../../../db/schema/index.ts";
import { listLinks } from "../links/links-repository.ts";
import { listLogEntries } from "../log/log-repository.ts";
import { listMilestones } from "../milestones/milestone-repository.ts";
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
    .select({ id: seasons.id, slug: seasons.slug, name: seasons.name, startsOn: seasons.startsOn })
    .from(projectSeasons)
    .innerJoin(seasons, eq(seasons.id, projectSeasons.seasonId))
    .where(and(eq(projectSeasons.projectId, projectId), ne(projectSeasons.seasonId, seasonId)))
    .orderBy(asc(seasons.startsOn));
}

/**
 * The « passeport »: what earlier seasons of the project left, shown to whoever reads this season's workspace
 * (a member new to the project included): milestones done, the last log entry, the links (files stay in
 * their season's workspace).
 */
async function passeport(db: Executor, projectId: string, earlier: { id: string; slug: string; name: string }[]) {
  return Promise.all(
    earlier.map(async (season) => {
      const scope = { projectId, seasonId: season.id };
      const [milestones, log, links] = [await listMilestones(db, projectId, season.id), await listLogEntries(db, scope), await listLinks(db, projectId, season.id)];
      const last = log[0];
      return {
        slug: season.slug,
        name: season.name,
        milestonesDone: milestones.filter((milestone) => milestone.state === "done").map((milestone) => ({ title: milestone.title, dueOn: milestone.dueOn })),
        lastLog: last ? { happenedOn: last.happenedOn, done: last.done, nextSteps: last.nextSteps } : null,
        links: links.flatMap((link) => (link.url ? [{ label: link.label, url: link.url }] : [])),
      };
    }),
  );
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
          otherSeasons: await passeport(db, project.id, (await otherSeasons(db, project.id, season.id)).filter((other) => other.startsOn < season.startsOn).reverse()),
        }}
      />,
    );
  });
}
