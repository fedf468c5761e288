import { registerPeriodicCheck } from "../../http/periodic-check.ts";
import type { FastifyInstance } from "fastify";
import type { Executor } from "../../db/client.ts";
import type { ContactDeps } from "./deps.ts";
import { retentionLimit } from "./domain/retention.ts";
import { deleteMessagesInactiveSince } from "./repository.ts";

const sweepEveryMs = 60 * 60 * 1000;

/** Deletes the messages, with their threads, past their retention period at `now` (ADR 0024); returns how many. */
export async function deleteExpiredMessages(db: Executor, now: Date): Promise<number> {
  return deleteMessagesInactiveSince(db, retentionLimit(now));
}

/**
 * Runs `deleteExpiredMessages` every hour while the app is up (from `onReady`, stopped on `onClose`,
 * never keeping the process alive), like the events' reminder sweep; safe on several servers (a delete).
 */
export function registerRetentionSweep(app: FastifyInstance, deps: Pick<ContactDeps, "db" | "clock">, options: { everyMs?: number } = {}) {
  registerPeriodicCheck(app, { name: "contact retention sweep", everyMs: options.everyMs ?? sweepEveryMs, run: () => deleteExpiredMessages(deps.db, deps.clock.now()), outcome: (deleted) => (deleted > 0 ? { deleted } : null) });
}
