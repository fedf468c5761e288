type DatedSeason = { name: string; startsOn: string };

/**
 * A project goes on only forward: into a season that starts after the latest season it is in (a season
 * that started before is history, not a continuation). Any season when the project has none yet.
 */
export function canCarryOverInto(target: Pick<DatedSeason, "startsOn">, latest: Pick<DatedSeason, "startsOn"> | null): boolean {
  return latest === null || target.startsOn > latest.startsOn;
}

/** « Un projet ne se poursuit que dans une saison qui commence après sa dernière saison (saison 2023)… » */
export function earlierSeasonMessage(latest: Pick<DatedSeason, "name">): string {
  return `Un projet ne se poursuit que dans une saison qui commence après sa dernière saison (${latest.name.replace(/^Saison/, "saison")})\u00a0: choisissez une saison plus récente.`;
}
