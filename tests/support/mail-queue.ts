import assert from "node:assert/strict";
import { type MailMessage, sendMailJob } from "../../src/modules/mail/api.ts";
import type { Platform } from "../../src/platform.ts";

/** A mail the platform decided to send: the data of its `mail.send` job. */
export type QueuedMail = MailMessage & { jobId: string };

/** The mail jobs that existed at one moment: `queuedMails(…, { since })` leaves them out. */
export type MailQueueMark = { jobIds: ReadonlySet<string> };

type WithJobs = Pick<Platform, "jobs" | "database">;

/**
 * The mails queued for `to` (every address when omitted), oldest first: `mail.send` jobs in any state
 * (waiting, delivered, retried, failed), with only those queued after `since` when given. A job exists
 * as soon as the transaction that sends it commits, before the worker (polling every 2 s) delivers it,
 * so « nothing was sent » is checked here exactly and at once, where the outbox would need a wait.
 */
export async function queuedMails(platform: WithJobs, to?: string, options: { since?: MailQueueMark } = {}): Promise<QueuedMail[]> {
  const jobs = await platform.jobs.findJobs(platform.database.db, sendMailJob, to === undefined ? {} : { to });
  return jobs
    .filter((job) => !options.since?.jobIds.has(job.id))
    .sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime())
    .map((job) => ({ ...(job.data as MailMessage), jobId: job.id }));
}

/** Marks the mail queue now, for a later `queuedMails(…, { since })` or `assertNoMailQueued(…, { since })`. */
export async function markMailQueue(platform: WithJobs): Promise<MailQueueMark> {
  return { jobIds: new Set((await queuedMails(platform)).map((mail) => mail.jobId)) };
}

/** Fails unless no mail was queued for `to` (anyone when omitted), since `since` when given. */
export async function assertNoMailQueued(platform: WithJobs, to?: string, options: { since?: MailQueueMark; message?: string } = {}) {
  const queued = await queuedMails(platform, to, options);
  const listed = queued.map((mail) => `${mail.to} : ${mail.subject}`).join(" ; ");
  assert.equal(queued.length, 0, `${options.message ? `${options.message} — ` : ""}courriel(s) mis en file alors qu’aucun n’était attendu : ${listed}`);
}
