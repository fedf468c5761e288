import type { Database } from "../../db/client.ts";
import type { PageCache } from "../../http/page-cache.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Mailer } from "../mail/api.ts";

/** What the people module needs from the platform, passed by the composition root. */
export type PeopleDeps = {
  db: Database;
  clock: Clock;
  /** The address people use, for the join page's canonical link and the links of the welcome mail. */
  publicUrl: string;
  /** The welcome mail, enqueued in the transaction that makes the member join. */
  mailer: Mailer;
  /** Whether an address belongs to a public body (organisations module): the manager's address must. */
  isEligibleEmail: (email: string) => Promise<boolean>;
  /** The anonymous page cache, for the join page. */
  pageCache: PageCache;
  /** The number of matches above which a directory search is broad (default `broadSearchAbove`, 1,000; tests lower it). */
  directoryBroadSearchAbove?: number | undefined;
};
