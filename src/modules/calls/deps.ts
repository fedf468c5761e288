import type { Database } from "../../db/client.ts";
import type { PageCache } from "../../http/page-cache.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Mailer } from "../mail/api.ts";

/**
 * What the calls module needs from the platform, passed by the composition root. `pageCache`: cleared when a
 * proposal is selected, since the public season and project pages then list a new project.
 */
export type CallsDeps = { db: Database; clock: Clock; mailer: Mailer; publicUrl: string; pageCache?: PageCache | undefined };
