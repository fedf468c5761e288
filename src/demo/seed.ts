import type { Database } from "../db/client.ts";
import { createImportContent, type ImportReport, type MediaStorage } from "../modules/content/api.ts";
import { seedDemoCall } from "../modules/calls/api.ts";
import { seedDemoMessages } from "../modules/contact/api.ts";
import { createImportedAgenda, seedDemoEvents } from "../modules/events/api.ts";
import { seedDemoAccounts } from "../modules/identity/api.ts";
import { countOrganisations, seedDemoOrganisations } from "../modules/organisations/api.ts";
import { seedDemoPeople } from "../modules/people/api.ts";
import { seedDemoProjects } from "../modules/projects/api.ts";
import { seedDemoSeasons } from "../modules/seasons/api.ts";
import { seedDemoTeams } from "../modules/teams/api.ts";
import { seedDemoAgreements } from "../modules/ten-percent/api.ts";
import { seedDemoWorkspaces } from "../modules/workspace/api.ts";
import type { Clock } from "../shared/clock.ts";

export type DemoSummary = { accounts: { email: string; description: string }[]; content: ImportReport["counts"] };

/**
 * Seeds the demo once, on an empty database, never in production (the caller checks NODE_ENV):
 * organisations, accounts, people (skills vocabulary, profiles, participations), and the import of the
 * programme's published site (CONTENT_DIR).
 */
export async function seedDemoIfEmpty(db: Database, options: { contentDir: string; clock: Clock; media: MediaStorage }): Promise<DemoSummary | null> {
  if ((await countOrganisations(db)) > 0) return null;
  const organisationIds = await seedDemoOrganisations(db);
  const accounts = await seedDemoAccounts(db, organisationIds);
  await seedDemoPeople(db, { organisationIds, now: options.clock.now() });
  // Seasons before projects: the projects link to seasons `2022` and `2023` by slug.
  await seedDemoSeasons(db);
  // After the seasons: imported trainings and event pages become agenda events of their season.
  const report = await createImportContent({ db, clock: options.clock, media: options.media, agenda: createImportedAgenda({ db, clock: options.clock }) })(options.contentDir);
  // After the import (a project is linked to its page) and after the seasons (2022, 2023).
  await seedDemoProjects(db, { now: options.clock.now() });
  // The open call of the current season, with proposals in different states (after the seasons).
  await seedDemoCall(db, { now: options.clock.now() });
  // After the import (which made the trainings and event pages agenda events) and the projects.
  await seedDemoEvents(db, { now: options.clock.now() });
  // After people (participations), seasons and projects: past teams, the running season's needs and wishes.
  await seedDemoTeams(db, { now: options.clock.now() });
  // After teams: the workspaces of past seasons' projects, and one of the running season « à surveiller ».
  await seedDemoWorkspaces(db);
  // After events (the season's past workshops with check-ins) and teams: agreements and declared time (issue 16).
  await seedDemoAgreements(db, { now: options.clock.now() });
  // After the accounts: a new message and an answered one in the team's inbox.
  await seedDemoMessages(db, { now: options.clock.now() });
  return { accounts: accounts.map(({ email, description }) => ({ email, description })), content: report.counts };
}
