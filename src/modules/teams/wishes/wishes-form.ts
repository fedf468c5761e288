import { type FormValues, keepValues } from "../../../http/forms.ts";
import { maxWishes } from "./wish-window.ts";

export const maxMotivationLength = 280;
export type WishInput = { projectId: string; motivation: string };
export type WishListInput = { wishes: WishInput[]; anyProject: boolean; keepPreviousProject: boolean; submit: boolean };
export type WishesFormResult = { ok: true; data: WishListInput } | { ok: false; errors: Record<string, string>; values: FormValues };

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value.trim() : "";
}

/**
 * Reads « Mes vœux »: five ranked rows (`project-1`…`project-5`, `motivation-1`…), empty rows dropped
 * and the others compacted in order; a project of the season at most once; « envoyer » needs a wish or
 * « n'importe quel projet ». French messages keyed by field name.
 */
export function parseWishesForm(rawBody: unknown, seasonProjectIds: ReadonlySet<string>): WishesFormResult {
  const body = rawBody && typeof rawBody === "object" ? (rawBody as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const wishes: WishInput[] = [];
  const seen = new Set<string>();
  for (let rank = 1; rank <= maxWishes; rank++) {
    const projectId = text(body, `project-${rank}`);
    const motivation = text(body, `motivation-${rank}`);
    if (motivation.length > maxMotivationLength) errors[`motivation-${rank}`] = `Ce champ ne peut pas dépasser ${maxMotivationLength} caractères.`;
    else if (controlCharacters.test(motivation)) errors[`motivation-${rank}`] = "Ce champ contient des caractères non autorisés.";
    if (!projectId) {
      if (motivation) errors[`project-${rank}`] = "Choisissez le projet de cette motivation, ou effacez-la.";
      continue;
    }
    if (!seasonProjectIds.has(projectId)) errors[`project-${rank}`] = "Choisissez un projet de la saison dans la liste.";
    else if (seen.has(projectId)) errors[`project-${rank}`] = "Ce projet est déjà choisi à un autre rang.";
    else {
      seen.add(projectId);
      wishes.push({ projectId, motivation });
    }
  }
  const anyProject = text(body, "anyProject") === "on";
  const keepPreviousProject = text(body, "keepPreviousProject") === "on";
  const submit = text(body, "action") === "submit";
  if (submit && Object.keys(errors).length === 0 && wishes.length === 0 && !anyProject) errors["project-1"] = "Choisissez au moins un projet, ou cochez «\u00a0N’importe quel projet où je suis utile\u00a0», avant d’envoyer vos vœux.";
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { wishes, anyProject, keepPreviousProject, submit } };
}
