import type { Executor } from "../../../db/client.ts";
import { formatDate } from "../../../shared/french-date.ts";
import type { Mailer } from "../../mail/api.ts";
import { findSeasonBySlug } from "../../seasons/api.ts";
import { canReview } from "../domain/review-rights.ts";
import { findCall, listAmdAccounts, type ProposalWithAuthor } from "../repository.ts";
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

/** The decision mail; a decision taken under a declared conflict of interest says so (ADR 0025). */
export async function mailDecision(tx: Executor, mailer: Mailer, publicUrl: string, to: string[], proposal: { id: string; title: string }, decisionText: string, reason: string, conflictDeclared = false) {
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
        ...(conflictDeclared
          ? ["Conflit d’intérêts déclaré\u00a0: cette décision a été prise par un membre de l’équipe du programme de la même organisation que l’auteur ou l’autrice de la proposition, qui l’a déclaré. La décision et cette déclaration figurent dans l’historique de la proposition.", ""]
          : []),
        `${publicUrl}/appel-a-projets/${proposal.id}`,
        "",
        "L’équipe du Programme 10\u00a0%",
      ].join("\n"),
    });
  }
}

/** The last day of the qualification phase of the call's season, when the season has one: when the decisions are due. */
async function decisionDayOf(tx: Executor, callId: string): Promise<string | null> {
  const call = await findCall(tx, callId);
  const season = call ? await findSeasonBySlug(tx, call.seasonSlug) : null;
  return season?.phases.find((phase) => phase.key === "qualification")?.endsOn ?? null;
}

/** Tells the author, in the caller's transaction, that their proposal is submitted and what happens next. */
export async function mailSubmissionReceipt(tx: Executor, mailer: Mailer, publicUrl: string, proposal: ProposalWithAuthor) {
  const decisionDay = await decisionDayOf(tx, proposal.callId);
  // A calendar day, shown as itself: noon UTC is the same day in Paris.
  const decision = decisionDay ? formatDate(new Date(`${decisionDay}T12:00:00Z`)) : null;
  await mailer.enqueue(tx, {
    to: proposal.authorEmail,
    subject: `Proposition déposée\u00a0: ${proposal.title}`,
    text: [
      "Bonjour,",
      "",
      `Votre proposition «\u00a0${proposal.title}\u00a0» est bien déposée à l’appel à projets du Programme 10\u00a0%. Vous pouvez la relire ici\u00a0:`,
      `${publicUrl}/appel-a-projets/${proposal.id}`,
      "",
      "Et maintenant\u00a0?",
      "- Qualification\u00a0: l’équipe du programme et les administrateurs ou administratrices des données des ministères concernés l’étudient selon trois critères (intérêt commun, besoin immédiat, ouverture). S’il leur manque une information, vous recevrez leur question par courriel et répondrez depuis la page de la proposition.",
      "- «\u00a0Nous aussi\u00a0»\u00a0: les membres d’autres organisations qui partagent ce besoin peuvent le dire sur la page de la proposition.",
      decision
        ? `- Décision\u00a0: l’équipe du programme décide au plus tard le ${decision}\u00a0; vous recevrez la décision et sa raison par courriel.`
        : "- Décision\u00a0: l’équipe du programme décide à la fin de la qualification\u00a0; vous recevrez la décision et sa raison par courriel.",
      "",
      "L’équipe du Programme 10\u00a0%",
    ].join("\n"),
  });
}
