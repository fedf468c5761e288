import { ForbiddenError, NotFoundError, UnauthenticatedError } from "../../shared/domain-error.ts";
import { type CurrentUser, hasPermission } from "../identity/api.ts";
import { type Agreement, currentSignatures, findAgreement } from "./agreement/agreement-repository.ts";
import type { Executor } from "../../db/client.ts";

/**
 * Who may see an agreement and its ledger (issue 16, ADR 0035), one rule for every route:
 * - the member whose agreement it is (`member`);
 * - its signatories, signed in with the address the current version names (`manager`, `third`): they see the
 *   agreement and the ledger's totals, the work lines only when the member shares them; once the agreement is
 *   replaced (the member changed manager), its former signatories no longer see it;
 * - the programme team (`programme`, `manage:agreement:any`).
 * Anyone else gets 403 (401 signed out); the manager without an account uses their personal link instead.
 */
export type AgreementViewer = "member" | "manager" | "third" | "programme";

export function decideAgreementAccess(user: CurrentUser, agreement: Pick<Agreement, "userId" | "status" | "currentVersion" | "signatures">): AgreementViewer | null {
  if (agreement.userId === user.id) return "member";
  const signature = currentSignatures(agreement as Agreement).find((candidate) => candidate.email.toLowerCase() === user.email.toLowerCase());
  if (signature && agreement.status !== "replaced") return signature.role;
  if (hasPermission(user, "manage:agreement:any")) return "programme";
  return null;
}

/**
 * Whether the viewer may read the member's work lines (not only the totals): the member, the programme team,
 * and the manager when the member shares them (a ministry's signatory sees totals only; a new manager starts
 * without, the member chooses again).
 */
export function canReadWorkLines(viewer: AgreementViewer, agreement: Pick<Agreement, "shareDetails">): boolean {
  return viewer === "member" || viewer === "programme" || (viewer === "manager" && agreement.shareDetails);
}

/** The agreement of `id` and the viewer's place: 404 unknown, 401 signed out, 403 for anyone else. */
export async function requireAgreementAccess(db: Executor, user: CurrentUser | null, id: string): Promise<{ agreement: Agreement; viewer: AgreementViewer }> {
  if (!user) throw new UnauthenticatedError();
  const agreement = await findAgreement(db, id);
  if (!agreement) throw new NotFoundError("Cette convention n’existe pas.");
  const viewer = decideAgreementAccess(user, agreement);
  if (!viewer) throw new ForbiddenError("Cette convention ne vous concerne pas.");
  return { agreement, viewer };
}
