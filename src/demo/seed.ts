import type { Database } from "../db/client.ts";
import { seedSitePages } from "../modules/content/api.ts";
import { seedDemoAccounts } from "../modules/identity/api.ts";
import { countOrganisations, seedDemoOrganisations } from "../modules/organisations/api.ts";

export type DemoSummary = { accounts: { email: string; description: string }[]; pages: number };

/** Seeds the demo once, on an empty database, never in production (the caller checks NODE_ENV). */
export async function seedDemoIfEmpty(db: Database, options: { contentDir: string }): Promise<DemoSummary | null> {
  if ((await countOrganisations(db)) > 0) return null;
  const organisationIds = await seedDemoOrganisations(db);
  const accounts = await seedDemoAccounts(db, organisationIds);
  const pages = await seedSitePages(db, options.contentDir);
  return { accounts: accounts.map(({ email, description }) => ({ email, description })), pages };
}
