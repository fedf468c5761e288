import type { FastifyInstance, FastifyRequest } from "fastify";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { parisDayOf } from "../../../shared/french-date.ts";
import { spreadsheetCsv } from "../../../shared/spreadsheet-csv.ts";
import { type CurrentUser, hasPermission, Roles } from "../../identity/api.ts";
import { findCurrentSeason, listSeasons, type SeasonWithPhases } from "../../seasons/api.ts";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { projectIdsInvolvingMinistries, projectIdsOfPerson } from "../access.ts";
import type { WorkspaceDeps } from "../deps.ts";
import { loadPortfolioFacts, ministriesOf } from "./portfolio-repository.ts";
import { attendanceText, filterAndSortPortfolio, type PortfolioFilter, portfolioRows, type PortfolioSort, portfolioSorts, workingPeriod } from "./portfolio-rows.ts";
import { type Weather, weatherLabels } from "../log/log-labels.ts";
import { PortfolioPage, portfolioCsvPath, portfolioPath } from "./portfolio-page.tsx";

type Query = { saison?: unknown; meteo?: unknown; ministere?: unknown; sans_nouvelles?: unknown; tri?: unknown };

function text(value: unknown, max = 200): string | undefined {
  return typeof value === "string" && value.length > 0 && value.length <= max ? value : undefined;
}

/** What the query asks, each value checked against what it may be (anything else is ignored). */
function readQuery(query: Query) {
  const weather = text(query.meteo);
  const sort = text(query.tri);
  const filter: PortfolioFilter = {
    weather: weather && (weather in weatherLabels || weather === "none") ? (weather as Weather | "none") : undefined,
    ministry: text(query.ministere),
    staleOnly: query.sans_nouvelles === "1",
  };
  return { seasonSlug: text(query.saison, 100), filter, sort: (sort && sort in portfolioSorts ? sort : "meteo") as PortfolioSort };
}

/**
 * The season's portfolio (issue 15): `GET /portefeuille` and `GET /portefeuille.csv`. The programme team and
 * the coaches see every project; an AMD only the projects with a team member of their ministry.
 */
export function registerPortfolioRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  const { db, clock } = deps;

  async function load(request: FastifyRequest) {
    const user = request.user!;
    const { seasonSlug, filter, sort } = readQuery(request.query as Query);
    const seasons = (await listSeasons(db)).sort((a, b) => (a.startsOn < b.startsOn ? 1 : -1));
    const now = clock.now();
    const season: SeasonWithPhases | undefined = seasonSlug ? seasons.find((candidate) => candidate.slug === seasonSlug) : ((await findCurrentSeason(db, now)) ?? seasons[0]);
    if (!season) throw new NotFoundError("Cette saison n’existe pas.");
    const only = hasPermission(user, "read:portfolio:any") ? undefined : await projectIdsInvolvingMinistries(db, season.id, amdScopes(user));
    const today = parisDayOf(now);
    const rows = portfolioRows(await loadPortfolioFacts(db, season, now, only), today, workingPeriod(season));
    // A coach sees every project but opens only the workspaces of the teams they are in (access.ts).
    const openable = hasPermission(user, "manage:workspace:any") ? null : new Set([...(await projectIdsOfPerson(db, season.id, user.id)), ...(only ?? [])]);
    return { season, seasons, filter, sort, rows, shown: filterAndSortPortfolio(rows, filter, sort), today, limited: only !== undefined, openable };
  }

  app.get(portfolioPath, { config: { access: "read:portfolio:own" } }, async (request, reply) => {
    const loaded = await load(request);
    return sendPage(
      reply,
      <PortfolioPage
        context={pageContext(request, reply)}
        model={{
          season: loaded.season,
          seasons: loaded.seasons.map((season) => ({ value: season.slug, label: season.name })),
          ministries: ministriesOf(loaded.rows),
          filter: loaded.filter,
          sort: loaded.sort,
          rows: loaded.shown,
          total: loaded.rows.length,
          limited: loaded.limited,
          openable: loaded.openable,
        }}
      />,
    );
  });

  app.get(portfolioCsvPath, { config: { access: "read:portfolio:own" } }, async (request, reply) => {
    const loaded = await load(request);
    const csv = spreadsheetCsv(
      ["Projet", "Phase", "Prochain jalon", "Échéance du prochain jalon", "Dernier journal", "Météo", "Météo : précision", "Sans nouvelles depuis un mois", "Taille de l’équipe", "Ministères", "Présence aux trois derniers ateliers"],
      loaded.shown.map((row) => [
        row.title,
        row.phase ?? "",
        row.nextMilestone?.title ?? "",
        row.nextMilestone?.dueOn ?? "",
        row.lastLog?.happenedOn ?? "",
        row.lastLog ? weatherLabels[row.lastLog.weather] : "",
        row.lastLog?.weatherNote ?? "",
        row.stale ? "oui" : "non",
        String(row.teamSize),
        row.ministries.join(", "),
        row.lastWorkshops.length ? attendanceText(row).replaceAll("\u00a0", " ") : "",
      ]),
    );
    return reply
      .header("content-disposition", `attachment; filename="portefeuille-${loaded.season.slug}-${loaded.today}.csv"`)
      .type("text/csv; charset=utf-8")
      .send(csv);
  });
}

function amdScopes(user: CurrentUser): string[] {
  return user.roles.filter((grant) => grant.role === Roles.ministryDataAdmin && grant.organisationId).map((grant) => grant.organisationId!);
}
