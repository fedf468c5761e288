/** The states of an agreement and of a signatory's decision (issue 16). Pure. */

export const agreementStatuses = ["sent", "accepted", "declined", "ended", "replaced"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const agreementStatusLabels: Record<AgreementStatus, string> = {
  sent: "En attente de signature",
  accepted: "Acceptée",
  declined: "Refusée",
  ended: "Terminée",
  replaced: "Remplacée",
};

/** DSFR badge severities by status. */
export const agreementStatusBadges: Record<AgreementStatus, "info" | "success" | "error" | "new" | "warning"> = {
  sent: "new",
  accepted: "success",
  declined: "error",
  ended: "info",
  replaced: "info",
};

export function isLive(status: AgreementStatus): boolean {
  return status === "sent" || status === "accepted";
}

export const signatoryRoles = ["manager", "third"] as const;
export type SignatoryRole = (typeof signatoryRoles)[number];
export const thirdSignatoryKinds = ["hr", "amd"] as const;
export type ThirdSignatoryKind = (typeof thirdSignatoryKinds)[number];
export const thirdSignatoryKindLabels: Record<ThirdSignatoryKind, string> = {
  hr: "Ressources humaines",
  amd: "Administrateur ou administratrice ministériel·le des données",
};

export type Decision = "accepted" | "declined";

/**
 * The agreement's status once a signatory decided on the current version: declined as soon as one declines,
 * accepted once every signatory of the version accepted, still sent otherwise.
 */
export function statusAfterDecisions(decisions: (Decision | null)[]): "sent" | "accepted" | "declined" {
  if (decisions.includes("declined")) return "declined";
  return decisions.length > 0 && decisions.every((decision) => decision === "accepted") ? "accepted" : "sent";
}

/** A personal link lives 30 days; reminders (7 and 14 days) mail a new one, the member is told after 21 days. */
export const linkLifetimeMs = 30 * 24 * 60 * 60 * 1000;
export const reminderAfterDays = [7, 14] as const;
export const memberToldAfterDays = 21;

/** The audit trail's kinds, worded. */
export const agreementEventLabels: Record<string, string> = {
  sent: "Envoyée pour signature",
  modified: "Modifiée\u00a0: nouvelle version envoyée",
  accepted: "Acceptée",
  declined: "Refusée",
  question: "Question posée",
  answer: "Réponse donnée",
  reminded: "Relance envoyée",
  member_told: "Pas de réponse\u00a0: membre prévenu·e",
  ended: "Terminée avant son terme",
  replaced: "Remplacée par une convention avec un autre ou une autre manager",
};
