import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";

/** What the people module needs from the platform, passed by the composition root. */
export type PeopleDeps = { db: Database; clock: Clock };
