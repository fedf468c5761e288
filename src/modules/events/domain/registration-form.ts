import { type AttendanceMode, type EventQuestion, isAttendanceMode } from "./event-kinds.ts";

/** The form field of a question's answer (`q-diet`): question keys are the team's, so they are prefixed. */
export function answerField(question: Pick<EventQuestion, "key">): string {
  return `q-${question.key}`;
}

export const maxAnswerLength = 1000;
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The questions stored on an event, keeping only well-formed ones (the column is JSON written by the team). */
export function questionsOf(stored: unknown): EventQuestion[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item): EventQuestion[] => {
    if (!item || typeof item !== "object") return [];
    const { key, label, kind, required, options } = item as Record<string, unknown>;
    if (typeof key !== "string" || !/^[\w-]{1,60}$/.test(key) || typeof label !== "string" || (kind !== "text" && kind !== "choice")) return [];
    const choices = Array.isArray(options) ? options.filter((option): option is string => typeof option === "string" && option.trim() !== "") : [];
    if (kind === "choice" && choices.length === 0) return [];
    return [{ key, label, kind, required: required === true, ...(kind === "choice" ? { options: choices } : {}) }];
  });
}

/**
 * The default diet question (key `diet`, event-kinds.ts) is about meals on site: it is asked only when the
 * event has an in-person mode, and answered only by people coming in person.
 */
export function isInPersonOnly(question: Pick<EventQuestion, "key">): boolean {
  return question.key === "diet";
}

/** The questions of an event's registration form: without an in-person mode, none about being on site. */
export function questionsAsked(questions: EventQuestion[], offered: AttendanceMode[]): EventQuestion[] {
  return offered.includes("in_person") ? questions : questions.filter((question) => !isInPersonOnly(question));
}

function single(value: unknown): string {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}

/** « Répondez à la question « … ». » without doubling the label's own question mark. */
function missingAnswer(question: EventQuestion): string {
  return `Répondez à la question «\u00a0${question.label.replace(/\s*\?\s*$/, "")}\u00a0».`;
}

export type RegistrationChoices = { mode: AttendanceMode; answers: Record<string, string> };

/**
 * Reads the mode and the answers of a submitted registration form: the mode must be one the event offers
 * (preselected when it offers only one), required questions answered, a choice among its options; a question
 * about being on site is ignored unless the person comes in person. Errors are keyed by field name, in French.
 */
export function parseRegistrationChoices(
  body: Record<string, unknown>,
  offered: AttendanceMode[],
  questions: EventQuestion[],
): { ok: true; data: RegistrationChoices } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const modeText = single(body.mode) || (offered.length === 1 ? offered[0]! : "");
  let mode: AttendanceMode | null = null;
  if (!modeText) errors.mode = offered.length > 1 ? "Choisissez sur place ou à distance." : "Choisissez comment vous participez.";
  else if (!isAttendanceMode(modeText) || !offered.includes(modeText)) errors.mode = "Choisissez une des façons de participer proposées.";
  else mode = modeText;

  const answers: Record<string, string> = {};
  for (const question of questionsAsked(questions, offered)) {
    if (isInPersonOnly(question) && mode !== "in_person") continue;
    const field = answerField(question);
    const answer = single(body[field]).trim();
    if (controlCharacters.test(answer)) errors[field] = "Ce champ contient des caractères non autorisés.";
    else if (answer.length > maxAnswerLength) errors[field] = `Votre réponse ne peut pas dépasser ${maxAnswerLength} caractères.`;
    else if (!answer) {
      if (question.required) errors[field] = missingAnswer(question);
    } else if (question.kind === "choice" && !question.options?.includes(answer)) errors[field] = "Choisissez une des réponses proposées.";
    else answers[question.key] = answer;
  }
  if (Object.keys(errors).length > 0 || !mode) return { ok: false, errors };
  return { ok: true, data: { mode, answers } };
}
