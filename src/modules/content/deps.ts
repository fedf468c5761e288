import type { Database } from "../../db/client.ts";
import type { PageCache } from "../../http/page-cache.ts";
import type { Clock } from "../../shared/clock.ts";
import type { MediaStorage } from "./media/media-storage.ts";

/** What the content module's routes need from the composition root. */
export type ContentDeps = { db: Database; clock: Clock; pageCache: PageCache; media: MediaStorage; publicUrl: string };
