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
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const sweep = () => {
    if (running) return;
    running = deleteExpiredMessages(deps.db, deps.clock.now())
      .then(
        (deleted) => {
          if (deleted > 0) app.log.info({ deleted }, "contact messages past their retention deleted");
        },
        (error: unknown) => app.log.error({ err: error }, "contact retention sweep failed"),
      )
      .finally(() => {
        running = null;
      });
  };
  app.addHook("onReady", async () => {
    sweep();
    timer = setInterval(sweep, options.everyMs ?? sweepEveryMs);
    timer.unref();
  });
  app.addHook("onClose", async () => {
    clearInterval(timer);
    await running;
  });
}
