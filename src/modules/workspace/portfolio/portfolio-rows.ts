/**
 * The season's portfolio (issue 15), pure: one row per project, the « sans nouvelles » flag, sorting and
 * filtering. The repository reads the facts; the page and the CSV show the same rows.
 */
import type { Weather } from "../log/log-labels.ts";

export type PortfolioFacts = {
  projectId: string;
  slug: string;
  title: string;
  /** The season's phase today (« Construction »), or « à venir : … », or null after the season. */
  phase: string | null;
  nextMilestone: { title: string; dueOn: string } | null;
  lastLog: { happenedOn: string; weather: Weather; weatherNote: string } | null;
  teamSize: number;
  ministries: string[];
  /** The last three workshops logged with their event: members of the team checked in, of the team's size. */
  lastWorkshops: { happenedOn: string; attended: number; teamSize: number }[];
};

export type PortfolioRow = PortfolioFacts & { stale: boolean };

/**
 * A project without a log entry for a month (30 days; or none at all 30 days into the working phases) is
 * flagged « sans nouvelles », only while the season's work runs: from the first working phase (investigation)
 * to the season's end. Before the teams work, or once the season is over, nothing is flagged.
 */
export const staleAfterDays = 30;

/** From the first working phase's start (investigation; the season's start without one) to the season's end. */
export function workingPeriod(season: { startsOn: string; endsOn: string; phases: readonly { key: string; startsOn: string }[] }): { startsOn: string; endsOn: string } {
  return { startsOn: season.phases.find((phase) => phase.key === "investigation")?.startsOn ?? season.startsOn, endsOn: season.endsOn };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function portfolioRows(facts: PortfolioFacts[], today: string, period: { startsOn: string; endsOn: string }): PortfolioRow[] {
  const working = period.startsOn <= today && today <= period.endsOn;
  return facts.map((row) => ({
    ...row,
    stale: working && daysBetween(row.lastLog && row.lastLog.happenedOn > period.startsOn ? row.lastLog.happenedOn : period.startsOn, today) > staleAfterDays,
  }));
}

export const portfolioSorts = {
  titre: "Projet (A → Z)",
  meteo: "Météo (bloqué d’abord)",
  journal: "Dernier journal (le plus ancien d’abord)",
  jalon: "Prochain jalon (le plus proche d’abord)",
  equipe: "Taille de l’équipe (la plus petite d’abord)",
} as const;
export type PortfolioSort = keyof typeof portfolioSorts;

export type PortfolioFilter = { weather?: Weather | "none" | undefined; ministry?: string | undefined; staleOnly?: boolean | undefined };

const weatherOrder: Record<Weather | "none", number> = { blocked: 0, watch: 1, none: 2, on_track: 3 };
const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

export function filterAndSortPortfolio(rows: PortfolioRow[], filter: PortfolioFilter, sort: PortfolioSort): PortfolioRow[] {
  const kept = rows.filter(
    (row) =>
      (!filter.weather || (row.lastLog?.weather ?? "none") === filter.weather) &&
      (!filter.ministry || row.ministries.includes(filter.ministry)) &&
      (!filter.staleOnly || row.stale),
  );
  const byTitle = (a: PortfolioRow, b: PortfolioRow) => collator.compare(a.title, b.title);
  const compare: Record<PortfolioSort, (a: PortfolioRow, b: PortfolioRow) => number> = {
    titre: byTitle,
    meteo: (a, b) => weatherOrder[a.lastLog?.weather ?? "none"] - weatherOrder[b.lastLog?.weather ?? "none"] || byTitle(a, b),
    journal: (a, b) => (a.lastLog?.happenedOn ?? "").localeCompare(b.lastLog?.happenedOn ?? "") || byTitle(a, b),
    jalon: (a, b) => (a.nextMilestone?.dueOn ?? "9999").localeCompare(b.nextMilestone?.dueOn ?? "9999") || byTitle(a, b),
    equipe: (a, b) => a.teamSize - b.teamSize || byTitle(a, b),
  };
  return [...kept].sort(compare[sort]);
}

/** « 2 / 4 » for each of the last three workshops, newest first; « — » when none was logged with its event. */
export function attendanceText(row: Pick<PortfolioFacts, "lastWorkshops">): string {
  return row.lastWorkshops.length === 0 ? "—" : row.lastWorkshops.map((workshop) => `${workshop.attended}\u00a0/\u00a0${workshop.teamSize}`).join(", ");
}
