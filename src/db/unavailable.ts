/** Network failures reaching the server (refused, reset, timed out, name not resolved). */
const networkCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
/** SQLSTATE: connection exceptions (class 08), server shutting down or starting (57P01–57P03), too many connections. */
const unavailableStates = /^(08...|57P0[123]|53300)$/;
/** node-postgres says so in words only (a pool timeout, a socket closed under a query). */
const unavailableMessages = /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error)/;

/**
 * Whether an error means the database cannot be reached right now (rather than a bug or bad data):
 * the error handler answers 503 with Retry-After, and the pool reconnects by itself once it is back.
 * Drizzle wraps driver errors (`cause`), and a failed connect to several addresses is an AggregateError.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (networkCodes.has(code) || unavailableStates.test(code))) return true;
  if (unavailableMessages.test(error.message)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}
