/** How a project entered a season: selected from the call, or carried over from the previous season. */
export type SeasonEntry = "selected" | "carried_over";

export const entryLabels: Record<SeasonEntry, string> = {
  selected: "retenu à l’appel à projets",
  carried_over: "poursuivi",
};

/** « en cours » or « terminé », the state filter of `/projets`. */
export type ProjectState = "en-cours" | "termine";
export const projectStateLabels: Record<ProjectState, string> = { "en-cours": "En cours", termine: "Terminé" };

type DatedSeason = { startsOn: string };

/**
 * A project is « en cours » when its latest season is the current one (see the seasons module's
 * `findCurrentSeason`) or a later one; « terminé » otherwise, and when every season is over.
 */
export function projectStateOf(latestSeason: DatedSeason | null, current: DatedSeason | null): ProjectState {
  if (!latestSeason || !current) return "termine";
  return latestSeason.startsOn >= current.startsOn ? "en-cours" : "termine";
}
