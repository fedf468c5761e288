/** Seasons: the programme's seasons and their dated phases (appel à projets → … → restitution). */
import type { Database, Executor } from "../../db/client.ts";
import { parisDayOf } from "../../shared/french-date.ts";
import { currentPhase, isSeasonRunning, type PhaseDates, type PhaseStatus } from "./domain/phases.ts";
import { findSeasonWithPhasesBySlug, listSeasonsWithPhases, type SeasonPhase, type SeasonWithPhases } from "./repository.ts";
import { saveSeason, type SaveSeasonInput } from "./use-cases/save-season.ts";
import { formatDay, phaseLine } from "./views/format.ts";

export { registerSeasonRoutes } from "./routes.tsx";
export type { SeasonsDeps } from "./deps.ts";
export { defaultPhaseTemplate, spreadDefaultPhases, type PhaseKey, type PhaseStatus } from "./domain/phases.ts";
export type { Season, SeasonPhase, SeasonWithPhases } from "./repository.ts";
export { seedDemoSeasons } from "./demo-seasons.ts";

/** The season whose address is `/saisons/<slug>` (slug `2023`…), with its phases in order; null if none. */
export function findSeasonBySlug(db: Executor, slug: string): Promise<SeasonWithPhases | null> {
  return findSeasonWithPhasesBySlug(db, slug);
}

/** Every season with its phases, the most recent (latest start) first. */
export function listSeasons(db: Executor): Promise<SeasonWithPhases[]> {
  return listSeasonsWithPhases(db);
}

/**
 * The season running at `now` (its days, in Paris, include today); when none runs, the next one to
 * start; null when every season is over.
 */
export async function findCurrentSeason(db: Executor, now: Date): Promise<SeasonWithPhases | null> {
  const all = await listSeasonsWithPhases(db);
  const running = all.find((season) => isSeasonRunning(season, now));
  if (running) return running;
  const today = parisDayOf(now);
  // Most recent first: the last one still to start is the next one.
  return all.filter((season) => season.startsOn > today).at(-1) ?? null;
}

/** The phase running at `now` in this season, or the next one « à venir » between two phases, or none. */
export function currentPhaseOf<P extends PhaseDates = SeasonPhase>(season: { startsOn: string; endsOn: string; phases: readonly P[] }, now: Date): PhaseStatus<P> {
  return currentPhase(season, season.phases, now);
}

/**
 * Creates a season and its phases in one transaction (used by the demo; the admin pages use the
 * same checks). Throws InvalidInputError (field errors in French) when the dates do not hold.
 */
export function createSeasonWithPhases(db: Database, input: Omit<SaveSeasonInput, "id">): Promise<string> {
  return saveSeason(db, input);
}

/** What the home page shows of the season: « Saison 2024 » and « Phase en cours : construction, jusqu’au 30 juin. », linking to its page. */
export type HomeSeasonSummary = { title: string; text: string; href: string };

/**
 * The running (or next) season for the home page, passed to the content module by the composition
 * root (content does not import seasons); null when there is none.
 */
export async function homeSeasonSummary(db: Executor, now: Date): Promise<HomeSeasonSummary | null> {
  const season = await findCurrentSeason(db, now);
  if (!season) return null;
  const line = phaseLine(currentPhase(season, season.phases, now));
  const text = line ? `${line.charAt(0).toUpperCase()}${line.slice(1)}.` : `Du ${formatDay(season.startsOn)} au ${formatDay(season.endsOn)}.`;
  return { title: season.name, text, href: `/saisons/${season.slug}` };
}
