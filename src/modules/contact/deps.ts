import type { Database } from "../../db/client.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Mailer } from "../mail/api.ts";

/** What the contact module needs from the platform, passed by the composition root. */
export type ContactDeps = {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string;
  /** The programme team's address (CONTACT_EMAIL): shown on `/contact`, told of each new message. */
  teamAddress: string;
};
