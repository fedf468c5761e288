import type { Database } from "../../db/client.ts";
import { defaultPhaseTemplate, type PhaseKey } from "./domain/phases.ts";
import { saveSeason } from "./use-cases/save-season.ts";

type DemoSeason = { slug: string; name: string; startsOn: string; endsOn: string; phases: Record<PhaseKey, [string, string]> };

/**
 * The demo seasons. 2022 and 2023 carry the programme's real milestones (launch bootcamp 13–14 June
 * 2022, closing 5 December 2022; info webinar 31 January 2023 during the call, launch day 14 February,
 * first workshop 14 March opening the investigation, closing 28 November 2023); the dates of the call
 * and the qualification before them are plausible, not historical. 2026-2027 is under way at the end
 * of 2026: its « appel à projets » phase (15 October – 31 December 2026) covers the demo call of the
 * calls module (open from 30 days before the seeding to 30 days after), so the home page shows a live phase.
 */
export const demoSeasons: DemoSeason[] = [
  {
    slug: "2022",
    name: "Saison 2022",
    startsOn: "2022-03-01",
    endsOn: "2022-12-05",
    phases: {
      call: ["2022-03-01", "2022-04-30"],
      qualification: ["2022-05-01", "2022-06-12"],
      launch: ["2022-06-13", "2022-06-14"],
      wishes: ["2022-06-15", "2022-06-19"],
      investigation: ["2022-06-20", "2022-07-31"],
      construction: ["2022-08-01", "2022-10-15"],
      amplification: ["2022-10-16", "2022-12-04"],
      closing: ["2022-12-05", "2022-12-05"],
    },
  },
  {
    slug: "2023",
    name: "Saison 2023",
    startsOn: "2023-01-02",
    endsOn: "2023-11-28",
    phases: {
      call: ["2023-01-02", "2023-02-05"],
      qualification: ["2023-02-06", "2023-02-13"],
      launch: ["2023-02-14", "2023-02-28"],
      wishes: ["2023-03-01", "2023-03-13"],
      investigation: ["2023-03-14", "2023-05-31"],
      construction: ["2023-06-01", "2023-09-30"],
      amplification: ["2023-10-01", "2023-11-27"],
      closing: ["2023-11-28", "2023-11-28"],
    },
  },
  {
    slug: "2026-2027",
    name: "Saison 2026-2027",
    startsOn: "2026-10-15",
    endsOn: "2027-11-30",
    phases: {
      call: ["2026-10-15", "2026-12-31"],
      qualification: ["2027-01-01", "2027-01-31"],
      launch: ["2027-02-01", "2027-02-07"],
      wishes: ["2027-02-08", "2027-02-15"],
      investigation: ["2027-02-16", "2027-04-30"],
      construction: ["2027-05-01", "2027-07-31"],
      amplification: ["2027-08-01", "2027-11-15"],
      closing: ["2027-11-16", "2027-11-30"],
    },
  },
];

/** Seeds the demo seasons (before the projects, which link to `2022` and `2023`); returns their ids by slug. */
export async function seedDemoSeasons(db: Database): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const season of demoSeasons) {
    const phases = defaultPhaseTemplate.map((phase) => ({ key: phase.key, name: phase.name, startsOn: season.phases[phase.key][0], endsOn: season.phases[phase.key][1] }));
    ids.set(season.slug, await saveSeason(db, { slug: season.slug, name: season.name, startsOn: season.startsOn, endsOn: season.endsOn, phases }));
  }
  return ids;
}
