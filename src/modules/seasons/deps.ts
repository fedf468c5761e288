import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Mailer } from "../mail/api.ts";

/** What the seasons module needs from the platform, passed by the composition root. */
export type SeasonsDeps = { db: Database; clock: Clock; mailer: Mailer; publicUrl: string };
