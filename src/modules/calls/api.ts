import type { Executor } from "../../db/client.ts";
import { findCurrentCall } from "./repository.ts";
/** Calls: the call for projects, proposals, « Nous aussi » supports, qualification on three criteria and decisions. */
export { registerCallRoutes } from "./routes.tsx";
export type { CallsDeps } from "./deps.ts";
export { nextProposalState, type ProposalState, ProposalStates, stateLabel as proposalStateLabel } from "./domain/proposal-states.ts";
/** The demo call of the current season, with proposals in different states, for src/demo/seed.ts. */
export { seedDemoCall } from "./demo-call.ts";
/** Proposals, supports, reviews and transitions of a person in the GDPR export and erasure (privacy module). */
export { callsPersonalData } from "./personal-data.ts";


/** Whether a call for projects accepts proposals at `now` (opening included, closing excluded): the home page then invites to it. */
export async function isCallOpen(db: Executor, now: Date): Promise<boolean> {
  const call = await findCurrentCall(db, now);
  return call !== null && call.opensAt.getTime() <= now.getTime() && now.getTime() < call.closesAt.getTime();
}
