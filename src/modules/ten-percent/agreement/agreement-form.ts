import { type FormValues, keepValues } from "../../../http/forms.ts";
import { formatCalendarDay } from "../../../shared/french-date.ts";
import { type AgreementProject, maxHalfDaysPerMonth, type ShareKind, shareKinds, tenPercentHalfDaysPerMonth } from "../domain/terms.ts";

export type FormErrors = Record<string, string>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FormErrors; values: FormValues };

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;
const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

function bodyOf(raw: unknown): Record<string, unknown> {
  return raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
}

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === "string" ? value.trim() : "";
}

function list(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function isCalendarDay(value: string): boolean {
  if (!calendarDay.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function checkText(errors: FormErrors, name: string, value: string, max: number, missing?: string) {
  if (!value && missing) errors[name] = missing;
  else if (value.length > max) errors[name] = `Ce champ ne peut pas dépasser ${max}\u00a0caractères.`;
  else if (controlCharacters.test(value)) errors[name] = "Ce champ contient des caractères non autorisés.";
}

export type ManagerInput = { managerName: string; managerEmail: string };
export type SharePeriodProjectsInput = { shareKind: ShareKind; halfDaysPerMonth: number; startsOn: string; endsOn: string; projects: AgreementProject[] };
export type TermsInput = SharePeriodProjectsInput & ManagerInput;

export type TermsContext = { season: { startsOn: string; endsOn: string }; projects: AgreementProject[] };

function parseManager(body: Record<string, unknown>, errors: FormErrors): ManagerInput {
  const managerName = text(body, "managerName");
  checkText(errors, "managerName", managerName, 200, "Indiquez le nom de votre manager.");
  // A name is one line: it goes into mail subjects and the PDF.
  if (!errors.managerName && /[\r\n]/.test(managerName)) errors.managerName = "Le nom tient sur une ligne.";
  const managerEmail = text(body, "managerEmail");
  if (!managerEmail) errors.managerEmail = "Indiquez l’adresse électronique de votre manager.";
  else if (managerEmail.length > 254 || !emailPattern.test(managerEmail)) errors.managerEmail = "Indiquez une adresse électronique valide, par exemple prenom.nom@ministere.gouv.fr.";
  return { managerName, managerEmail: managerEmail.toLowerCase() };
}

function parseSharePeriodProjects(body: Record<string, unknown>, errors: FormErrors, context: TermsContext): SharePeriodProjectsInput {
  const shareKind = text(body, "shareKind");
  let halfDaysPerMonth = tenPercentHalfDaysPerMonth;
  if (!(shareKinds as readonly string[]).includes(shareKind)) errors.shareKind = "Choisissez la part de temps.";
  else if (shareKind === "half_days") {
    const raw = text(body, "halfDaysPerMonth");
    const count = /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!raw) errors.halfDaysPerMonth = "Indiquez le nombre de demi-journées par mois.";
    else if (!Number.isInteger(count) || count < 1 || count > maxHalfDaysPerMonth) errors.halfDaysPerMonth = `Indiquez un nombre entier de demi-journées par mois, entre 1 et ${maxHalfDaysPerMonth}.`;
    else halfDaysPerMonth = count;
  }
  const { season } = context;
  const inSeason = `La période doit être comprise dans la saison, du ${formatCalendarDay(season.startsOn)} au ${formatCalendarDay(season.endsOn)}.`;
  const startsOn = text(body, "startsOn");
  if (!startsOn) errors.startsOn = "Indiquez la date de début.";
  else if (!isCalendarDay(startsOn)) errors.startsOn = "Indiquez une date valide, au format jj/mm/aaaa.";
  else if (startsOn < season.startsOn || startsOn > season.endsOn) errors.startsOn = inSeason;
  const endsOn = text(body, "endsOn");
  if (!endsOn) errors.endsOn = "Indiquez la date de fin.";
  else if (!isCalendarDay(endsOn)) errors.endsOn = "Indiquez une date valide, au format jj/mm/aaaa.";
  else if (endsOn < season.startsOn || endsOn > season.endsOn) errors.endsOn = inSeason;
  else if (!errors.startsOn && endsOn < startsOn) errors.endsOn = "La date de fin ne peut pas être avant la date de début.";
  const chosen = list(body, "projects");
  const projects: AgreementProject[] = [];
  for (const id of chosen) {
    const project = context.projects.find((candidate) => candidate.projectId === id);
    if (!project) {
      errors.projects = "Choisissez des projets de la liste, ou aucun («\u00a0À définir\u00a0»).";
      break;
    }
    if (!projects.includes(project)) projects.push(project);
  }
  return { shareKind: shareKind as ShareKind, halfDaysPerMonth, startsOn, endsOn, projects };
}

/** The form to prepare and send an agreement: terms, manager and the charter accepted. */
export function parseSendForm(raw: unknown, context: TermsContext): Parsed<TermsInput> {
  const body = bodyOf(raw);
  const errors: FormErrors = {};
  const terms = parseSharePeriodProjects(body, errors, context);
  const manager = parseManager(body, errors);
  if (text(body, "charter") !== "on") errors.charter = "Confirmez avoir lu la charte du programme.";
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { ...terms, ...manager } };
}

/**
 * The form to modify an agreement: share, period, projects, and the same manager's address (corrected, say).
 * The manager's name is the agreement's (`context.managerName`): another manager is a new agreement.
 */
export function parseModifyForm(raw: unknown, context: TermsContext & { managerName: string }): Parsed<TermsInput> {
  const body = bodyOf(raw);
  const errors: FormErrors = {};
  const terms = parseSharePeriodProjects(body, errors, context);
  const manager = parseManager({ ...body, managerName: context.managerName }, errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { ...terms, ...manager } };
}

/** The form to change manager: the new manager's name and address (the rest of the terms are kept). */
export function parseManagerForm(raw: unknown, current: ManagerInput): Parsed<ManagerInput> {
  const body = bodyOf(raw);
  const errors: FormErrors = {};
  const manager = parseManager(body, errors);
  if (!errors.managerEmail && manager.managerEmail === current.managerEmail.toLowerCase()) errors.managerEmail = "C’est déjà l’adresse de votre manager actuel·le.";
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: manager };
}

export type DecisionInput = { choice: "accept" | "decline" | "question"; version: number; reason: string };

/** A signatory's answer: accept, decline (reason required) or ask a question (text required), on the version shown. */
export function parseDecisionForm(raw: unknown): Parsed<DecisionInput> {
  const body = bodyOf(raw);
  const errors: FormErrors = {};
  const choice = text(body, "choice");
  const versionText = text(body, "version");
  const version = /^\d{1,6}$/.test(versionText) ? Number(versionText) : 0;
  if (!["accept", "decline", "question"].includes(choice)) errors.choice = "Choisissez votre réponse.";
  const reason = text(body, "reason");
  if (choice === "decline") checkText(errors, "reason", reason, 2000, "Indiquez la raison de votre refus.");
  else if (choice === "question") checkText(errors, "reason", reason, 2000, "Écrivez votre question.");
  else checkText(errors, "reason", reason, 2000);
  if (version < 1) errors._form = "La version de la convention est manquante. Rechargez la page.";
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { choice: choice as DecisionInput["choice"], version, reason: choice === "accept" ? "" : reason } };
}

/** The member's answer to a signatory's question. */
export function parseAnswerForm(raw: unknown): Parsed<{ answer: string }> {
  const body = bodyOf(raw);
  const errors: FormErrors = {};
  const answer = text(body, "answer");
  checkText(errors, "answer", answer, 2000, "Écrivez votre réponse.");
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { answer } };
}

/** Ending early: a date from today to the period's end, and an optional reason. */
export function parseEndForm(raw: unknown, context: { today: string; startsOn: string; endsOn: string }): Parsed<{ endedOn: string; reason: string }> {
  const body = bodyOf(raw);
  const errors: FormErrors = {};
  const endedOn = text(body, "endedOn");
  const earliest = context.today > context.startsOn ? context.today : context.startsOn;
  if (!endedOn) errors.endedOn = "Indiquez la date de fin.";
  else if (!isCalendarDay(endedOn)) errors.endedOn = "Indiquez une date valide, au format jj/mm/aaaa.";
  else if (endedOn < earliest) errors.endedOn = `La date de fin ne peut pas être avant le ${formatCalendarDay(earliest)}.`;
  else if (endedOn > context.endsOn) errors.endedOn = `La date de fin doit être au plus tard le ${formatCalendarDay(context.endsOn)}, fin de la période.`;
  const reason = text(body, "reason");
  checkText(errors, "reason", reason, 2000);
  if (body.confirm !== "on") errors.confirm = "Cochez la case pour confirmer la fin de la convention.";
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { endedOn, reason } };
}

/** The member withdraws a request still waiting for signatures: a confirmation and an optional reason; it ends today. */
export function parseWithdrawForm(raw: unknown, context: { today: string }): Parsed<{ endedOn: string; reason: string }> {
  const body = bodyOf(raw);
  const errors: FormErrors = {};
  const reason = text(body, "reason");
  checkText(errors, "reason", reason, 2000);
  if (body.confirm !== "on") errors.confirm = "Cochez la case pour confirmer le retrait de votre demande.";
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: keepValues(body) };
  return { ok: true, data: { endedOn: context.today, reason } };
}

export const ownAddressError = "Indiquez l’adresse de votre manager, pas la vôtre\u00a0: vous ne pouvez pas signer votre propre convention.";
export const publicBodyAddressError = "Indiquez l’adresse professionnelle de votre manager dans un organisme public (son adresse de l’administration).";
