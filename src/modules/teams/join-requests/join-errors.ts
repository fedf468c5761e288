import { DomainError } from "../../../shared/domain-error.ts";

/** A join request or decision refused by a rule of the team (French message, shown at 409). */
export class JoinRefusedError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}

