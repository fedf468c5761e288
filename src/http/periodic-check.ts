import type { FastifyInstance } from "fastify";

/**
 * A check the app runs by itself every `everyMs` while it is up (the job queue has no schedule, pg-boss's
 * cron is off): from `onReady` (at once too when `atStart`), stopped on `onClose` (waiting for a run under
 * way), never keeping the process alive, never two runs of one check at a time in a process. `outcome`
 * says what to log after a run (null: nothing); a failure is logged and the next tick tries again. Each
 * check must be safe on several servers at once (a unique row, an `is null` update, a delete).
 */
export function registerPeriodicCheck<T>(
  app: FastifyInstance,
  check: { name: string; everyMs: number; atStart?: boolean; run: () => Promise<T>; outcome?: (result: T) => Record<string, unknown> | null },
): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = check
      .run()
      .then(
        (result) => {
          const logged = check.outcome?.(result) ?? null;
          if (logged) app.log.info(logged, check.name);
        },
        (error: unknown) => app.log.error({ err: error }, `${check.name} failed`),
      )
      .finally(() => {
        running = null;
      });
  };
  app.addHook("onReady", async () => {
    if (check.atStart ?? true) tick();
    timer = setInterval(tick, check.everyMs);
    timer.unref();
  });
  app.addHook("onClose", async () => {
    clearInterval(timer);
    await running;
  });
}
