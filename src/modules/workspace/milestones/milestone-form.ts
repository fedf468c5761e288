import { type FormValues, keepValues } from "../../../http/forms.ts";
import { formatCalendarDay } from "../../../shared/french-date.ts";
import { isMilestonePhase, type MilestonePhase } from "./milestone-labels.ts";

export const maxMilestoneTitleLength = 200;

export type MilestoneInput = { phase: MilestonePhase; title: string; dueOn: string; ownerId: string | null; isPresentation: boolean };
export type MilestoneFormResult = { ok: true; data: MilestoneInput } | { ok: false; errors: Record<string, string>; values: FormValues };

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value.trim() : "";
}

/** True when `day` is a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, date));
  return year >= 1900 && year <= 2200 && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}

/**
 * Reads the milestone form: a phase of the four working phases, a title (≤ 200 characters), a due date
 * within the season, an owner among the season's team (or none), « présentation de fin de phase ».
 */
export function parseMilestoneForm(rawBody: unknown, context: { season: { startsOn: string; endsOn: string }; ownerIds: ReadonlySet<string> }): MilestoneFormResult {
  const body = rawBody && typeof rawBody === "object" ? (rawBody as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const phase = text(body, "phase");
  if (!isMilestonePhase(phase)) errors.phase = "Choisissez la phase du jalon.";
  const title = text(body, "title");
  if (!title) errors.title = "Indiquez l’intitulé du jalon.";
  else if (title.length > maxMilestoneTitleLength) errors.title = `L’intitulé ne peut pas dépasser ${maxMilestoneTitleLength}\u00a0caractères.`;
  else if (controlCharacters.test(title)) errors.title = "Ce champ contient des caractères non autorisés.";
  const dueOn = text(body, "dueOn");
  if (!dueOn) errors.dueOn = "Indiquez la date d’échéance du jalon.";
  else if (!isCalendarDay(dueOn)) errors.dueOn = "Indiquez une date valide, au format jj/mm/aaaa.";
  else if (dueOn < context.season.startsOn) errors.dueOn = `La date d’échéance doit être dans la saison, qui commence le ${formatCalendarDay(context.season.startsOn)}.`;
  else if (dueOn > context.season.endsOn) errors.dueOn = `La date d’échéance doit être dans la saison, qui se termine le ${formatCalendarDay(context.season.endsOn)}.`;
  const owner = text(body, "ownerId");
  if (owner && !context.ownerIds.has(owner)) errors.ownerId = "Choisissez un membre de l’équipe de cette saison.";
  const isPresentation = text(body, "isPresentation") === "on";
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { phase: phase as MilestonePhase, title, dueOn, ownerId: owner || null, isPresentation } };
}
