import type { FormValues } from "../../../http/forms.ts";
import { keepValues } from "../../../http/forms.ts";
import type { NeedSkill, Rhythm } from "../team-repository.ts";

export const maxSkillRows = 8;
export const maxWhyJoinLength = 600;
export { needLevelLabels, rhythmLabels } from "../team-labels.ts";

export type NeedsInput = { minSize: number; maxSize: number; skills: NeedSkill[]; rhythm: Rhythm; whyJoin: string };
export type NeedsFormResult = { ok: true; data: NeedsInput } | { ok: false; errors: Record<string, string>; values: FormValues };

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value.trim() : "";
}

function size(raw: string): number | null {
  if (!/^\d{1,3}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= 1 && value <= 50 ? value : null;
}

/**
 * Reads the « équipe recherchée » form: sizes 1–50 with min ≤ max, up to 8 skill rows (a row without
 * skill is ignored; a skill of the accepted vocabulary, a level, indispensable or bienvenue, each once),
 * a rhythm, « pourquoi nous rejoindre » up to 600 characters. French messages keyed by field name.
 */
export function parseNeedsForm(rawBody: unknown, acceptedSkillIds: ReadonlySet<string>): NeedsFormResult {
  const body = rawBody && typeof rawBody === "object" ? (rawBody as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const minSize = size(text(body, "minSize"));
  const maxSize = size(text(body, "maxSize"));
  if (minSize === null) errors.minSize = "Indiquez une taille minimale entre 1 et 50 personnes.";
  if (maxSize === null) errors.maxSize = "Indiquez une taille maximale entre 1 et 50 personnes.";
  if (minSize !== null && maxSize !== null && minSize > maxSize) errors.maxSize = "La taille maximale doit être supérieure ou égale à la taille minimale.";
  const skills: NeedSkill[] = [];
  const seen = new Set<string>();
  for (let row = 1; row <= maxSkillRows; row++) {
    const skillId = text(body, `skill-${row}`);
    if (!skillId) continue;
    if (!acceptedSkillIds.has(skillId)) {
      errors[`skill-${row}`] = "Choisissez une compétence de la liste.";
      continue;
    }
    if (seen.has(skillId)) {
      errors[`skill-${row}`] = "Cette compétence est déjà demandée sur une autre ligne.";
      continue;
    }
    seen.add(skillId);
    const level = text(body, `level-${row}`);
    if (level !== "1" && level !== "2" && level !== "3") errors[`level-${row}`] = "Choisissez le niveau attendu.";
    const need = text(body, `need-${row}`);
    if (need !== "required" && need !== "welcome") errors[`need-${row}`] = "Indiquez si la compétence est indispensable ou bienvenue.";
    if (!errors[`level-${row}`] && !errors[`need-${row}`]) skills.push({ skillId, level: Number(level) as 1 | 2 | 3, required: need === "required" });
  }
  const rhythm = text(body, "rhythm");
  if (rhythm !== "in_person" && rhythm !== "remote" && rhythm !== "both") errors.rhythm = "Choisissez le rythme de travail.";
  const whyJoin = text(body, "whyJoin");
  if (whyJoin.length > maxWhyJoinLength) errors.whyJoin = `Ce champ ne peut pas dépasser ${maxWhyJoinLength} caractères.`;
  else if (controlCharacters.test(whyJoin)) errors.whyJoin = "Ce champ contient des caractères non autorisés.";
  if (Object.keys(errors).length > 0 || minSize === null || maxSize === null) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { minSize, maxSize, skills, rhythm: rhythm as Rhythm, whyJoin } };
}
