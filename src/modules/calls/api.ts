import type { Executor } from "../../db/client.ts";
import { callStatus } from "./domain/call-window.ts";
import { findCurrentCall } from "./repository.ts";
import { callWindowText } from "./views/call-pages.tsx";
/** Calls: the call for projects, proposals, « Nous aussi » supports, qualification on three criteria and decisions. */
export { registerCallRoutes } from "./routes.tsx";
export type { CallsDeps } from "./deps.ts";
export { nextProposalState, type ProposalState, ProposalStates, stateLabel as proposalStateLabel } from "./domain/proposal-states.ts";
/** The demo call of the current season, with proposals in different states, for src/demo/seed.ts. */
export { seedDemoCall } from "./demo-call.ts";
/** Proposals, supports, reviews and transitions of a person in the GDPR export and erasure (privacy module). */
export { callsPersonalData } from "./personal-data.ts";


/**
 * While a call accepts proposals (opening included, closing excluded), what the home page says of it, in the
 * call page's own words and from the same record (« Appel à projets : ouvert jusqu’au 6 janvier 2027 à
 * 18 h. »), with its address; null otherwise. The season's planned phase is not the deadline.
 */
export async function findOpenCallNotice(db: Executor, now: Date): Promise<{ text: string; callHref: string } | null> {
  const call = await findCurrentCall(db, now);
  if (!call || callStatus(call, now) !== "open") return null;
  return { text: `Appel à projets\u00a0: ${callWindowText(call, now)}.`, callHref: "/appel-a-projets" };
}
