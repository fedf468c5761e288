import type { Database } from "../../db/client.ts";
import type { PageCache } from "../../http/page-cache.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Mailer } from "../mail/api.ts";
import type { PdfRenderer } from "./pdf/typst.ts";

/**
 * What « Mon 10 % » needs from the platform, passed by the composition root. `pdf`: the Typst renderer with
 * Marianne; `isEligibleEmail`: whether an address is a public body's (as at sign-in), for the manager's address.
 */
export type TenPercentDeps = { db: Database; clock: Clock; mailer: Mailer; publicUrl: string; pageCache: PageCache; pdf: PdfRenderer; isEligibleEmail: (email: string) => Promise<boolean> };
