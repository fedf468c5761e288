import { z } from "zod";
import { missingConfirmationMessage } from "./domain/deletion-confirmation.ts";

/** The deletion form: one confirmation field (the word or the address is checked by the use case). */
export const deleteAccountSchema = z.object({
  confirmation: z.string({ error: missingConfirmationMessage }).trim().min(1, missingConfirmationMessage).max(254, missingConfirmationMessage),
});
