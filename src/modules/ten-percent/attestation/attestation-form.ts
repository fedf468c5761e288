import { z } from "zod";
import { type FormResult, parseForm } from "../../../http/forms.ts";

/** The issue form: `saison`, the slug of one of the seasons offered (those that have started). */
export function parseIssueAttestationForm(body: unknown, seasonSlugs: readonly string[]): FormResult<{ saison: string }> {
  const message = "Choisissez une saison de la liste.";
  return parseForm(
    z.object({
      saison: z
        .string({ error: message })
        .trim()
        .refine((slug) => seasonSlugs.includes(slug), message),
    }),
    body,
  );
}

/** Next to the season field when the season counts no time for the member. */
export const noTimeToAttestError = "Aucun temps n’est compté pour cette saison\u00a0: il n’y a rien à attester.";

/** The verification form: `code`, as typed (normalised by the route). */
export const maxTypedCodeLength = 40;
