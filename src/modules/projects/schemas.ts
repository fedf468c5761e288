import { z } from "zod";
import { requiredText } from "../../http/forms.ts";

/** « Poursuivre dans la saison … »: a season of the list and why. */
export const carryOverSchema = z.object({
  seasonId: z.uuid({ error: "Choisissez une saison de la liste." }),
  reason: requiredText("la raison de la poursuite", 2000),
});
