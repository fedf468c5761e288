/**
 * True when `error` (or its cause, as drivers wrap it) violates the unique index `constraint`: the last
 * guard of a business rule a concurrent write could pass (unique indexes are named after their rule).
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === "23505" && (candidate.constraint === constraint || String(candidate.message ?? "").includes(constraint))) return true;
    current = candidate.cause;
  }
  return false;
}
