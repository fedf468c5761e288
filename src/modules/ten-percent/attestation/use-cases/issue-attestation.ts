import { createHash } from "node:crypto";
import { parisDayOf } from "../../../../shared/french-date.ts";
import type { Season } from "../../../seasons/api.ts";
import { listAgreementsOfMember } from "../../agreement/agreement-repository.ts";
import type { TenPercentDeps } from "../../deps.ts";
import { shareLabel } from "../../domain/terms.ts";
import { loadLedger } from "../../ledger/ledger-repository.ts";
import { renderAttestationPdf } from "../../pdf/attestation-pdf.ts";
import { newAttestationCode } from "../attestation-code.ts";
import { type AttestationFacts, buildAttestationFacts, periodCovered } from "../attestation-facts.ts";
import { findMemberIdentity, insertAttestation, listTeamProjectsOfMember } from "../attestation-repository.ts";

/**
 * Issues an attestation of time contributed for a season (issue 16): the facts read now (the member, the
 * accepted agreement if any, the projects of their teams, the ledger from the season's start to today or the
 * whole season once over), a new code, the PDF; facts, bytes and SHA-256 stored in one insert, never changed.
 * Refused (`issued: false`) when no time is counted in the period: there is nothing to attest.
 */
export function createIssueAttestation(deps: Pick<TenPercentDeps, "db" | "clock" | "pdf" | "publicUrl">) {
  const { db, clock, pdf, publicUrl } = deps;
  return async (input: { userId: string; season: Season }): Promise<{ issued: true; id: string; code: string; facts: AttestationFacts } | { issued: false; reason: "no-time" }> => {
    const issuedAt = clock.now();
    const period = periodCovered(input.season, parisDayOf(issuedAt));
    const [identity, agreements, projects, lines] = await Promise.all([
      findMemberIdentity(db, input.userId),
      listAgreementsOfMember(db, input.userId),
      listTeamProjectsOfMember(db, input.userId, input.season.id),
      loadLedger(db, input.userId, period),
    ]);
    if (!identity) throw new Error(`Pas de compte ${input.userId}`);
    // An agreement the manager accepted (still running, or ended early since): its share and its manager.
    const accepted = agreements.find(
      (agreement) =>
        agreement.seasonId === input.season.id &&
        (agreement.status === "accepted" || agreement.status === "ended") &&
        // Every signatory of the version accepted (a request withdrawn while the ministry's signatory was still
        // asked is « ended » too, but was never accepted).
        agreement.signatures.some((signature) => signature.version === agreement.currentVersion) &&
        agreement.signatures.filter((signature) => signature.version === agreement.currentVersion).every((signature) => signature.decision === "accepted"),
    );
    const facts = buildAttestationFacts({
      memberName: identity.name,
      organisation: identity.organisation,
      season: { name: input.season.name, slug: input.season.slug, startsOn: input.season.startsOn, endsOn: input.season.endsOn },
      period,
      agreement: accepted ? { share: shareLabel(accepted.terms), managerName: accepted.terms.managerName } : null,
      projects,
      lines,
      issuedAt,
    });
    // An attestation of zero half-days attests nothing: refused, nothing stored.
    if (facts.totalHalfDays === 0) return { issued: false, reason: "no-time" };
    const code = newAttestationCode();
    const bytes = await renderAttestationPdf(pdf, facts, code, publicUrl);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const id = await insertAttestation(db, { code, userId: input.userId, seasonId: input.season.id, facts, pdf: bytes, sha256, issuedAt });
    return { issued: true, id, code, facts };
  };
}
