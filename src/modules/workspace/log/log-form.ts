import { type FormValues, keepValues } from "../../../http/forms.ts";
import { formatCalendarDay } from "../../../shared/french-date.ts";
import { isCalendarDay } from "../milestones/milestone-form.ts";
import { isWeather, type Weather } from "./log-labels.ts";

export const maxLogTextLength = 5000;
export const maxWeatherNoteLength = 300;

export type LogEntryInput = { happenedOn: string; eventId: string | null; done: string; decisions: string; nextSteps: string; blockers: string; weather: Weather; weatherNote: string };
export type LogEntryFormResult = { ok: true; data: LogEntryInput } | { ok: false; errors: Record<string, string>; values: FormValues };

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value.trim() : "";
}

function checkText(errors: Record<string, string>, name: string, value: string, max: number) {
  if (value.length > max) errors[name] = `Ce champ ne peut pas dépasser ${max}\u00a0caractères.`;
  else if (controlCharacters.test(value)) errors[name] = "Ce champ contient des caractères non autorisés.";
}

/**
 * Reads a log entry: the workshop's date (in the season, not after today), the workshop it follows (one of `eventIds`,
 * or none), what was done (required), decisions, next steps, blockers, the météo and its line (required
 * unless « En bonne voie »).
 */
export function parseLogEntryForm(rawBody: unknown, context: { today: string; seasonStartsOn: string; eventIds: ReadonlySet<string> }): LogEntryFormResult {
  const body = rawBody && typeof rawBody === "object" ? (rawBody as Record<string, unknown>) : {};
  const errors: Record<string, string> = {};
  const happenedOn = text(body, "happenedOn");
  if (!happenedOn) errors.happenedOn = "Indiquez la date de l’atelier.";
  else if (!isCalendarDay(happenedOn)) errors.happenedOn = "Indiquez une date valide, au format jj/mm/aaaa.";
  else if (happenedOn > context.today) errors.happenedOn = "La date de l’atelier ne peut pas être dans le futur.";
  else if (happenedOn < context.seasonStartsOn) errors.happenedOn = `La date de l’atelier doit être dans la saison, qui commence le ${formatCalendarDay(context.seasonStartsOn)}.`;
  const eventId = text(body, "eventId");
  if (eventId && !context.eventIds.has(eventId)) errors.eventId = "Choisissez un atelier de la liste.";
  const done = text(body, "done");
  if (!done) errors.done = "Indiquez ce que l’équipe a fait.";
  else checkText(errors, "done", done, maxLogTextLength);
  const decisions = text(body, "decisions");
  checkText(errors, "decisions", decisions, maxLogTextLength);
  const nextSteps = text(body, "nextSteps");
  checkText(errors, "nextSteps", nextSteps, maxLogTextLength);
  const blockers = text(body, "blockers");
  checkText(errors, "blockers", blockers, maxLogTextLength);
  const weather = text(body, "weather");
  if (!isWeather(weather)) errors.weather = "Choisissez la météo de l’équipe.";
  const weatherNote = text(body, "weatherNote");
  if (weatherNote) checkText(errors, "weatherNote", weatherNote, maxWeatherNoteLength);
  else if (isWeather(weather) && weather !== "on_track") errors.weatherNote = "Dites en une ligne ce qui est à surveiller ou ce qui bloque.";
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { happenedOn, eventId: eventId || null, done, decisions, nextSteps, blockers, weather: weather as Weather, weatherNote } };
}
