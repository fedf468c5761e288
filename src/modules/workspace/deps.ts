import type { Database } from "../../db/client.ts";
import type { PageCache } from "../../http/page-cache.ts";
import type { Clock } from "../../shared/clock.ts";
import type { MediaStorage } from "../content/api.ts";
import type { Mailer } from "../mail/api.ts";

/** What the workspace module needs from the platform, passed by the composition root. `media`: where uploaded files are kept (the editor's storage). */
export type WorkspaceDeps = { db: Database; clock: Clock; mailer: Mailer; publicUrl: string; pageCache: PageCache; media: MediaStorage };
