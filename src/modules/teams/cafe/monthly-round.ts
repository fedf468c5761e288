import { registerPeriodicCheck } from "../../../http/periodic-check.ts";
import type { FastifyInstance } from "fastify";
import type { TeamsDeps } from "../deps.ts";
import { createRunCafeRound } from "./use-cases/run-cafe-round.ts";

const checkEveryMs = 60 * 60 * 1000;

/**
 * Checks every hour (from `onReady`, stopped on `onClose`, never keeping the process alive) whether this
 * month's round has run, and runs it: the first check of a month in Paris pairs everyone. The job queue
 * has no schedule (pg-boss's cron is off), so this follows contact's retention sweep; the round is
 * idempotent per month, so several servers checking at once pair people once.
 */
export function registerMonthlyCafeRound(app: FastifyInstance, deps: Pick<TeamsDeps, "db" | "clock" | "mailer" | "publicUrl">, options: { everyMs?: number } = {}) {
  registerPeriodicCheck(app, { name: "café 10 % round", everyMs: options.everyMs ?? checkEveryMs, run: createRunCafeRound(deps), outcome: (outcome) => (outcome.status === "ran" ? outcome : null) });
}
