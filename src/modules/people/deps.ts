import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";

/** What the people module needs from the platform, passed by the composition root. */
export type PeopleDeps = {
  db: Database;
  clock: Clock;
  /** The number of matches above which a directory search is broad (default `broadSearchAbove`, 1,000; tests lower it). */
  directoryBroadSearchAbove?: number | undefined;
};
