import type { Database } from "../../db/client.ts";

/** (to be written) Demo events and the real trainings of the imported site. */
export async function seedDemoEvents(db: Database, options: { now: Date }): Promise<void> {
  void db;
  void options;
}
