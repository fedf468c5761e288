import { asc, sql } from "drizzle-orm";
import { devMails } from "../../db/schema/index.ts";
import type { JobQueue } from "../../jobs/job-queue.ts";
import type { PersonalDataContribution } from "../privacy/api.ts";
import type { MailMessage } from "./mail-transport.ts";

/** Sign-in links in a mail are live secrets until used: the export shows the mail, not the token. */
export function maskTokens(text: string): string {
  return text.replace(/([?&]jeton=)[^\s&"'<>]+/g, "$1[masqué]");
}

/**
 * Mail sent to the person: the delivery jobs (pg-boss, every state) and, outside production, the local
 * outbox. Both are deleted on erasure — a pending message to a deleted account is not sent.
 */
export function createMailPersonalData(jobs: JobQueue, sendMailJob: string): PersonalDataContribution {
  // Addresses are stored lower-cased (identity normalises them); an older mixed-case one is matched too.
  const addressesOf = (email: string) => [...new Set([email, email.toLowerCase()])];
  return {
    module: "mail",
    sections: {
      dev_mails: {
        title: "Courriels envoyés (boîte d’envoi locale, hors production)",
        purpose: "Sans serveur de messagerie (jamais en production), les courriels sont gardés dans une boîte d’envoi locale.",
        columns: { to: "Destinataire", subject: "Objet", text: "Texte (liens de connexion masqués)", created_at: "Envoyé le" },
      },
      "pgboss.job": {
        title: "Courriels en file d’envoi",
        purpose: "Chaque courriel passe par une file d’envoi qui le réessaie en cas d’échec.",
        columns: { to: "Destinataire", subject: "Objet", state: "État", created_on: "Mis en file le", completed_on: "Envoyé le" },
        valueLabels: { state: { created: "En attente", retry: "À réessayer", active: "En cours", completed: "Envoyé", cancelled: "Annulé", failed: "Échec" } },
      },
    },

    async export(db, person) {
      const queued = [];
      for (const to of addressesOf(person.email)) queued.push(...(await jobs.findJobs(db, sendMailJob, { to })));
      return {
        dev_mails: (
          await db
            .select({ id: devMails.id, to: devMails.to, subject: devMails.subject, text: devMails.text, created_at: devMails.createdAt })
            .from(devMails)
            .where(sql`lower(${devMails.to}) = ${person.email.toLowerCase()}`)
            .orderBy(asc(devMails.createdAt))
        ).map((mail) => ({ ...mail, text: maskTokens(mail.text) })),
        "pgboss.job": queued
          .sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime())
          .map((job) => {
            const message = job.data as Partial<MailMessage>;
            return { id: job.id, name: sendMailJob, to: message.to ?? null, subject: message.subject ?? null, state: job.state, created_on: job.createdOn, completed_on: job.completedOn };
          }),
      };
    },

    async erase(tx, person) {
      await tx.delete(devMails).where(sql`lower(${devMails.to}) = ${person.email.toLowerCase()}`);
      for (const to of addressesOf(person.email)) await jobs.deleteJobs(tx, sendMailJob, { to });
    },
  };
}
