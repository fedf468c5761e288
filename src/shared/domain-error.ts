/**
 * Errors the domain raises, with a stable code and a French message; no HTTP status here.
 * src/http/error-handler.ts maps them to responses in one table.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "La page ou la ressource demandée n’existe pas.") {
    super("not_found", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "Vous n’avez pas les droits nécessaires pour accéder à cette page.") {
    super("forbidden", message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "Connectez-vous pour accéder à cette page.") {
    super("unauthenticated", message);
  }
}

/** Input that breaks a business rule, reported next to the field it concerns. */
export class InvalidInputError extends DomainError {
  constructor(
    readonly fieldErrors: Record<string, string>,
    code = "invalid_input",
  ) {
    super(code, Object.values(fieldErrors).join(" "));
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(message = "Trop de tentatives. Réessayez dans quelques minutes.") {
    super("too_many_requests", message);
  }
}
