import type { Executor } from "../../db/client.ts";
import type { JobQueue } from "../../jobs/job-queue.ts";
import type { MailMessage, MailTransport } from "./mail-transport.ts";
import { createMailPersonalData } from "./personal-data.ts";

export { createMailTransport, type MailAttachment, type MailMessage, type MailTransport } from "./mail-transport.ts";
export { registerMailRoutes } from "./routes.tsx";
/** Whether a request comes from the server's own machine (loopback, forwarded addresses included): who may read the local outbox. */
export { isLoopbackRequest } from "./loopback.ts";

export const sendMailJob = "mail.send";

/** Mail sent to a person (delivery jobs, local outbox) in the GDPR export and erasure (privacy module). */
export function mailPersonalData(jobs: JobQueue) {
  return createMailPersonalData(jobs, sendMailJob);
}

/** Outgoing mail: enqueued in the caller's transaction, delivered by the job worker. */
export type Mailer = { enqueue(executor: Executor, message: MailMessage): Promise<void> };

export function createMailer(jobs: JobQueue, transport: MailTransport): Mailer {
  jobs.define<MailMessage>(sendMailJob, (message) => transport.deliver(message));
  return {
    async enqueue(executor, message) {
      await jobs.send(executor, sendMailJob, message);
    },
  };
}
