import type { Database } from "../../db/client.ts";
import type { PageCache } from "../../http/page-cache.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Mailer } from "../mail/api.ts";

/** What the teams module needs from the platform, passed by the composition root. */
export type TeamsDeps = { db: Database; clock: Clock; mailer: Mailer; publicUrl: string; pageCache: PageCache };
