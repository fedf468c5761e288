import type { Database } from "../../db/client.ts";
import type { PageCache } from "../../http/page-cache.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Mailer } from "../mail/api.ts";

/**
 * What the seasons module needs from the platform, passed by the composition root. `pageCache`
 * (optional so the shared seasons/calls/projects deps still fit) is cleared after each write, since
 * the public season pages and the home page are cached for anonymous visitors.
 */
export type SeasonsDeps = {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  pageCache?: PageCache | undefined;
  /** The season's projects an administration declared it reuses (« Nous l'utilisons », workspace module), for the figures. */
  reusedProjects?: ((seasonId: string) => Promise<number>) | undefined;
};
