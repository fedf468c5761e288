/** The word a person types to confirm the deletion of their account (or their own address). */
export const deletionWord = "SUPPRIMER";

export const missingConfirmationMessage = `Saisissez ${deletionWord} ou votre adresse électronique pour confirmer la suppression.`;
export const wrongConfirmationMessage = `La confirmation ne correspond pas\u00a0: saisissez ${deletionWord} ou votre adresse électronique exacte.`;

/** « SUPPRIMER » (any case) or the account's address (any case), spaces around ignored. */
export function isDeletionConfirmed(typed: string, email: string): boolean {
  const value = typed.trim();
  return value.toUpperCase() === deletionWord || value.toLowerCase() === email.trim().toLowerCase();
}
