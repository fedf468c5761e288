import type { Executor } from "../../../db/client.ts";
import type { Mailer } from "../../mail/api.ts";
import { canReview } from "../domain/review-rights.ts";
import { listAmdAccounts, type ProposalWithAuthor } from "../repository.ts";
import { type MinistryMap, reviewedOf } from "./review-context.ts";

/** Mails every AMD whose organisation or ministry the submitted proposal involves (never its own team), in the caller's transaction. */
export async function notifyConcernedAmds(tx: Executor, mailer: Mailer, publicUrl: string, proposal: ProposalWithAuthor, ministries: MinistryMap) {
  const reviewed = reviewedOf(proposal, ministries);
  const byAccount = new Map<string, { email: string; organisationId: string | null; scopes: string[] }>();
  for (const row of await listAmdAccounts(tx)) {
    if (!row.scopeId) continue;
    const account = byAccount.get(row.id) ?? { email: row.email, organisationId: row.organisationId, scopes: [] };
    account.scopes.push(row.scopeId);
    byAccount.set(row.id, account);
  }
  for (const [id, account] of byAccount) {
    const reviewer = { id, organisationId: account.organisationId, reviewsAny: false, amdOf: account.scopes.map((scope) => ({ id: scope, ministryId: ministries.get(scope) ?? null })) };
    if (!canReview(reviewer, reviewed)) continue;
    await mailer.enqueue(tx, {
      to: account.email,
      subject: `Nouvelle proposition à qualifier\u00a0: ${proposal.title}`,
      text: [
        "Bonjour,",
        "",
        `${proposal.authorName}${proposal.authorOrganisationName ? ` (${proposal.authorOrganisationName})` : ""} a déposé la proposition «\u00a0${proposal.title}\u00a0» à l’appel à projets du Programme 10\u00a0%. Elle concerne votre organisation ou votre ministère.`,
        "",
        "Vous pouvez la qualifier ici\u00a0:",
        `${publicUrl}/appel-a-projets/${proposal.id}/qualification`,
        "",
        "L’équipe du Programme 10\u00a0%",
      ].join("\n"),
    });
  }
}

export async function mailDecision(tx: Executor, mailer: Mailer, publicUrl: string, to: string[], proposal: { id: string; title: string }, decisionText: string, reason: string) {
  for (const address of [...new Set(to)]) {
    await mailer.enqueue(tx, {
      to: address,
      subject: `Décision sur la proposition «\u00a0${proposal.title}\u00a0»`,
      text: [
        "Bonjour,",
        "",
        `L’équipe du Programme 10\u00a0% a pris sa décision sur la proposition «\u00a0${proposal.title}\u00a0»\u00a0: ${decisionText}.`,
        "",
        `Raison\u00a0: ${reason}`,
        "",
        `${publicUrl}/appel-a-projets/${proposal.id}`,
        "",
        "L’équipe du Programme 10\u00a0%",
      ].join("\n"),
    });
  }
}
