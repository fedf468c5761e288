/**
 * A request refused before any route sees it (a NUL byte, a malformed multipart body): not a domain
 * rule, so it carries its HTTP status; the error handler shows its French message on the error page.
 */
export class RefusedRequestError extends Error {
  constructor(
    readonly statusCode: 400 | 415,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "RefusedRequestError";
  }
}
