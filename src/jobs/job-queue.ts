import { sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { DatabaseHandle, Executor } from "../db/client.ts";

export type JobHandler<T> = (data: T) => Promise<void>;

/** Background jobs (pg-boss); jobs are sent inside the transaction of the change that causes them. */
export type JobQueue = {
  /** Declares a queue and its worker; call before `start`. */
  define<T extends object>(name: string, handler: JobHandler<T>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Enqueues in `executor`'s transaction: the job exists if and only if the change commits. */
  send(executor: Executor, name: string, data: object): Promise<void>;
  /** Jobs of queue `name`, in any state (pending, retried, completed, failed), whose data contains `match` (JSON containment). */
  findJobs(executor: Executor, name: string, match: object): Promise<StoredJob[]>;
  /** Deletes those jobs in `executor`'s transaction (erasure of a person's data); returns how many. */
  deleteJobs(executor: Executor, name: string, match: object): Promise<number>;
};

export type StoredJob = { id: string; state: string; data: unknown; createdOn: Date; completedOn: Date | null };

export function createJobQueue(handle: DatabaseHandle, logger: Logger): JobQueue {
  const boss = handle.pglite
    ? new PgBoss({ db: fromPglite(handle.pglite), backend: "pglite", useListenNotify: true, schedule: false, supervise: true })
    : new PgBoss({ connectionString: connectionStringOf(handle), max: 3, useListenNotify: true, schedule: false });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  const handlers = new Map<string, JobHandler<object>>();
  let started = false;

  async function findJobs(executor: Executor, name: string, match: object): Promise<StoredJob[]> {
    if (!handlers.has(name)) throw new Error(`File de tâches inconnue : ${name}`);
    const jobs = await boss.findJobs<unknown>(name, { data: match, db: fromDrizzle(executor as never, sql) });
    return jobs.map((job) => ({ id: job.id, state: job.state, data: job.data, createdOn: new Date(job.createdOn), completedOn: job.completedOn ? new Date(job.completedOn) : null }));
  }

  return {
    define(name, handler) {
      handlers.set(name, handler as JobHandler<object>);
    },
    async start() {
      await boss.start();
      started = true;
      for (const [name, handler] of handlers) {
        await boss.createQueue(name, { notify: true, retryLimit: 5, retryDelay: 30, retryBackoff: true });
        // One NOTIFY wakes one fetch of one job: with a burst of jobs, the rest would wait for pg-boss's
        // 30 s notify backstop. Keep polling every 2 s whether or not LISTEN/NOTIFY is available.
        await boss.work<object>(name, { pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2, batchSize: 10 }, async (jobs) => {
          for (const job of jobs) await handler(job.data);
        });
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 10_000 });
      started = false;
    },
    async send(executor, name, data) {
      if (!handlers.has(name)) throw new Error(`File de tâches inconnue : ${name}`);
      await boss.send(name, data, { db: fromDrizzle(executor as never, sql) });
    },
    findJobs,
    async deleteJobs(executor, name, match) {
      const ids = (await findJobs(executor, name, match)).map((job) => job.id);
      if (ids.length === 0) return 0;
      const result = await boss.deleteJob(name, ids, { db: fromDrizzle(executor as never, sql) });
      // pg-boss 12 declares CommandResponse without fields; it carries `affected` at run time.
      return (result as { affected?: number }).affected ?? ids.length;
    },
  };
}

function connectionStringOf(handle: DatabaseHandle): string {
  const options = handle.pool?.options as { connectionString?: string } | undefined;
  if (!options?.connectionString) throw new Error("PostgreSQL sans chaîne de connexion");
  return options.connectionString;
}
