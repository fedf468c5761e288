import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { agreementEvents, agreements, agreementSignatures, agreementThirdSignatories, agreementVersions, attestations, managerSummaries, seasons, timeEntries } from "../../db/schema/index.ts";
import { formerMemberLabel } from "../identity/api.ts";
import type { PersonalDataContribution } from "../privacy/api.ts";

/** The address a former signatory's rows keep: not deliverable (RFC 2606 `.invalid`), no longer the person's. */
export const erasedSignatoryEmail = "ancien-membre@supprime.invalid";

/**
 * « Mon 10 % » in the GDPR self-service (ADR 0012, 0035):
 * - as a member: their agreements (every version and the audit trail), the work they declared, their attestations.
 *   Erasure deletes them all (the attestations then no longer verify: the code answers « aucune attestation »);
 *   attendance is the events module's and goes with it.
 * - as a manager or third signatory (by address): the decisions they took on others' agreements and the monthly
 *   summaries mailed to them. Erasure keeps the agents' agreements and the decisions' dates, without the
 *   person's name and address (« Ancien membre »), and deletes the summaries' record.
 */
export const tenPercentPersonalData: PersonalDataContribution = {
  module: "ten-percent",
  sections: {
    agreements: {
      title: "Conventions 10\u00a0%",
      purpose: "Garder l’accord de votre manager pour votre participation au programme, et ses versions.",
      columns: { season: "Saison", status: "État", created_at: "Envoyée le", ended_on: "Terminée le", share_details: "Détail partagé avec le ou la manager" },
      valueLabels: { status: { sent: "En attente de signature", accepted: "Acceptée", declined: "Refusée", ended: "Terminée", replaced: "Remplacée" } },
      correction: { label: "Mon 10\u00a0%", href: "/mon-10-pourcent" },
    },
    agreement_versions: {
      title: "Versions de vos conventions",
      purpose: "Les termes exacts de chaque version envoyée à vos signataires.",
      columns: { version: "Version", half_days_per_month: "Demi-journées par mois", starts_on: "Du", ends_on: "Au", manager_name: "Manager", manager_email: "Adresse du manager", created_at: "Envoyée le" },
    },
    agreement_events: {
      title: "Historique de vos conventions",
      purpose: "La piste d’audit des signatures, questions et changements.",
      columns: { version: "Version", kind: "Événement", actor_name: "Par", detail: "Détail", at: "Le" },
    },
    agreement_signatures_given: {
      title: "Conventions de vos agents",
      purpose: "Les décisions que vous avez prises comme manager ou signataire sur la convention d’un agent.",
      columns: { role: "Rôle", name: "Nom", email: "Adresse", version: "Version", decision: "Décision", decided_at: "Le", reason: "Motif" },
      valueLabels: { role: { manager: "Manager", third: "Signataire du ministère" }, decision: { accepted: "Acceptée", declined: "Refusée" } },
    },
    time_entries: {
      title: "Temps déclaré",
      purpose: "Compter le temps donné au programme, dans la limite convenue avec votre manager.",
      columns: { worked_on: "Date", half_days: "Demi-journées", description: "Ce que vous avez fait", created_at: "Déclaré le" },
      correction: { label: "Mon temps", href: "/mon-10-pourcent/temps" },
    },
    attestations: {
      title: "Attestations de temps",
      purpose: "Prouver le temps donné au programme (par exemple lors de votre entretien annuel).",
      columns: { code: "Code", season: "Saison", issued_at: "Délivrée le", sha256: "Empreinte SHA-256" },
    },
    manager_summaries: {
      title: "Récapitulatifs mensuels reçus",
      purpose: "Ne vous envoyer qu’une fois par mois le récapitulatif du temps de vos agents.",
      columns: { month: "Mois", sent_at: "Envoyé le" },
    },
  },

  async export(db, person) {
    const own = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.userId, person.id));
    const ownIds = own.map((row) => row.id);
    const byEmail = sql`lower(${agreementSignatures.email}) = ${person.email.toLowerCase()}`;
    return {
      agreements: await db
        .select({ id: agreements.id, season: seasons.name, status: agreements.status, current_version: agreements.currentVersion, share_details: agreements.shareDetails, ended_on: agreements.endedOn, ended_by: agreements.endedBy, end_reason: agreements.endReason, created_at: agreements.createdAt })
        .from(agreements)
        .innerJoin(seasons, eq(seasons.id, agreements.seasonId))
        .where(eq(agreements.userId, person.id))
        .orderBy(asc(agreements.createdAt)),
      agreement_versions:
        ownIds.length === 0
          ? []
          : await db
              .select({
                agreement_id: agreementVersions.agreementId,
                version: agreementVersions.version,
                share_kind: agreementVersions.shareKind,
                half_days_per_month: agreementVersions.halfDaysPerMonth,
                starts_on: agreementVersions.startsOn,
                ends_on: agreementVersions.endsOn,
                projects: agreementVersions.projects,
                member_name: agreementVersions.memberName,
                member_email: agreementVersions.memberEmail,
                member_organisation: agreementVersions.memberOrganisation,
                manager_name: agreementVersions.managerName,
                manager_email: agreementVersions.managerEmail,
                charter_version: agreementVersions.charterVersion,
                created_at: agreementVersions.createdAt,
              })
              .from(agreementVersions)
              .where(inArray(agreementVersions.agreementId, ownIds))
              .orderBy(asc(agreementVersions.createdAt)),
      agreement_events:
        ownIds.length === 0
          ? []
          : await db
              .select({ agreement_id: agreementEvents.agreementId, version: agreementEvents.version, kind: agreementEvents.kind, actor: agreementEvents.actor, actor_name: agreementEvents.actorName, detail: agreementEvents.detail, at: agreementEvents.at })
              .from(agreementEvents)
              .where(inArray(agreementEvents.agreementId, ownIds))
              .orderBy(asc(agreementEvents.at)),
      agreement_signatures_given: await db
        .select({ agreement_id: agreementSignatures.agreementId, role: agreementSignatures.role, name: agreementSignatures.name, email: agreementSignatures.email, version: agreementSignatures.version, decision: agreementSignatures.decision, decided_at: agreementSignatures.decidedAt, reason: agreementSignatures.reason })
        .from(agreementSignatures)
        .where(byEmail)
        .orderBy(asc(agreementSignatures.askedAt)),
      time_entries: await db
        .select({ id: timeEntries.id, worked_on: timeEntries.workedOn, half_days: timeEntries.halfDays, project_id: timeEntries.projectId, description: timeEntries.description, created_at: timeEntries.createdAt, updated_at: timeEntries.updatedAt })
        .from(timeEntries)
        .where(eq(timeEntries.userId, person.id))
        .orderBy(asc(timeEntries.workedOn)),
      attestations: await db
        .select({ id: attestations.id, code: attestations.code, season: seasons.name, facts: attestations.facts, sha256: attestations.sha256, issued_at: attestations.issuedAt })
        .from(attestations)
        .innerJoin(seasons, eq(seasons.id, attestations.seasonId))
        .where(eq(attestations.userId, person.id))
        .orderBy(asc(attestations.issuedAt)),
      manager_summaries: await db
        .select({ month: managerSummaries.month, sent_at: managerSummaries.sentAt })
        .from(managerSummaries)
        .where(sql`lower(${managerSummaries.managerEmail}) = ${person.email.toLowerCase()}`)
        .orderBy(asc(managerSummaries.month)),
    };
  },

  async erase(tx, person) {
    const email = person.email.toLowerCase();
    // As a member: everything goes (versions, signatures, links and events cascade with the agreement).
    await tx.delete(agreements).where(eq(agreements.userId, person.id));
    await tx.delete(timeEntries).where(eq(timeEntries.userId, person.id));
    await tx.delete(attestations).where(eq(attestations.userId, person.id));
    // As a signatory of others' agreements: the decisions stay, without the person.
    const signed = await tx
      .select({ agreementId: agreementSignatures.agreementId, name: agreementSignatures.name, role: agreementSignatures.role })
      .from(agreementSignatures)
      .where(sql`lower(${agreementSignatures.email}) = ${email}`);
    for (const signature of signed) {
      await tx
        .update(agreementEvents)
        .set({ actorName: formerMemberLabel })
        .where(and(eq(agreementEvents.agreementId, signature.agreementId), eq(agreementEvents.actor, signature.role), eq(agreementEvents.actorName, signature.name)));
      // The platform's reminders name the signatory in their detail, a change of manager names the new one.
      await tx
        .update(agreementEvents)
        .set({ detail: sql`replace(${agreementEvents.detail}, ${signature.name}, ${formerMemberLabel})` })
        .where(and(eq(agreementEvents.agreementId, signature.agreementId), sql`${agreementEvents.kind} in ('reminded', 'member_told', 'replaced')`, sql`position(${signature.name} in ${agreementEvents.detail}) > 0`));
    }
    await tx.update(agreementSignatures).set({ name: formerMemberLabel, email: erasedSignatoryEmail }).where(sql`lower(${agreementSignatures.email}) = ${email}`);
    await tx.update(agreementVersions).set({ managerName: formerMemberLabel, managerEmail: erasedSignatoryEmail }).where(sql`lower(${agreementVersions.managerEmail}) = ${email}`);
    await tx.delete(managerSummaries).where(sql`lower(${managerSummaries.managerEmail}) = ${email}`);
    // No longer a ministry's signatory: the programme team names another.
    await tx.delete(agreementThirdSignatories).where(sql`lower(${agreementThirdSignatories.email}) = ${email}`);
  },
};
