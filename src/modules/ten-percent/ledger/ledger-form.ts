import { DateTime } from "luxon";
import { z } from "zod";
import { type FormResult, parseForm, requiredText } from "../../../http/forms.ts";
import { formatCalendarDay } from "../../../shared/french-date.ts";
import { isMonthClosed, monthLabel } from "../domain/ledger-rules.ts";
import { ofName } from "../../../shared/french-elision.ts";

export const maxWorkLineLength = 200;

/** « demi-journée » (1 half-day) or « journée » (2). */
export const workLengths = { "demi-journee": 1, journee: 2 } as const;
export type WorkLength = keyof typeof workLengths;
export const workLengthLabels: Record<WorkLength, string> = { "demi-journee": "Une demi-journée", journee: "Une journée" };

/** The value of « Sans projet précis » in the project select. */
export const noProject = "sans-projet";

export type WorkEntryInput = { workedOn: string; halfDays: 1 | 2; projectId: string | null; description: string; overBudgetConfirmed: boolean };

/** What a declaration is checked against: today (Paris), the season's days and the member's projects of the season. */
export type WorkEntryContext = { today: string; season: { startsOn: string; endsOn: string }; projectIds: ReadonlySet<string> };

function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: "utc" }).isValid;
}

/**
 * A line of declared work: the day (a real date, in the season, not after today, in a month not closed),
 * a half-day or a day, one of the member's projects of the season or « Sans projet précis », and one line
 * (required, at most 200 characters, no line break). `depasserBudget` is the confirmation asked when the
 * line takes the month over its budget (checked by the use case).
 */
export function workEntrySchema(context: WorkEntryContext) {
  return z.object({
      workedOn: z
        .string({ error: "Indiquez la date." })
        .trim()
        .min(1, "Indiquez la date.")
        .refine(isCalendarDay, "Indiquez une date valide, au format jj/mm/aaaa.")
        .refine((day) => !isCalendarDay(day) || day <= context.today, "La date ne peut pas être dans le futur.")
        .refine((day) => !isCalendarDay(day) || (day >= context.season.startsOn && day <= context.season.endsOn), `La date doit être dans la saison, du ${formatCalendarDay(context.season.startsOn)} au ${formatCalendarDay(context.season.endsOn)}.`)
        .refine((day) => !isCalendarDay(day) || !isMonthClosed(day.slice(0, 7), context.today), "Ce mois est clos\u00a0: il n’est plus possible d’y déclarer du temps."),
      length: z.enum(Object.keys(workLengths) as [WorkLength, ...WorkLength[]], { error: "Choisissez une demi-journée ou une journée." }),
      projectId: z
        .string({ error: "Choisissez un projet, ou «\u00a0Sans projet précis\u00a0»." })
        .refine((value) => value === noProject || context.projectIds.has(value), "Choisissez un projet de la liste, ou «\u00a0Sans projet précis\u00a0»."),
      description: requiredText("ce que vous avez fait, en une ligne", maxWorkLineLength).refine((value) => !/[\r\n]/.test(value), "Écrivez une seule ligne, sans retour à la ligne."),
      depasserBudget: z.string().optional(),
    });
}

export function parseWorkEntryForm(body: unknown, context: WorkEntryContext): FormResult<WorkEntryInput> {
  const result = parseForm(workEntrySchema(context), body);
  if (!result.ok) return result;
  const { workedOn, length, projectId, description, depasserBudget } = result.data;
  return { ok: true, data: { workedOn, halfDays: workLengths[length], projectId: projectId === noProject ? null : projectId, description, overBudgetConfirmed: depasserBudget === "oui" } };
}

/** The message next to the confirmation box when a line would take `month` over its budget. */
export function overBudgetMessage(month: string): string {
  return `Cochez la case pour confirmer que votre manager est d’accord pour dépasser le budget ${ofName(monthLabel(month))}.`;
}
