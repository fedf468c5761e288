import { DomainError } from "../../../shared/domain-error.ts";

/** A join request or decision refused by a rule of the team (French message, shown at 409). */
export class JoinRefusedError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}

/** True when `error` (or its cause, as drivers wrap it) violates the unique index `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === "23505" && (candidate.constraint === constraint || String(candidate.message ?? "").includes(constraint))) return true;
    current = candidate.cause;
  }
  return false;
}
