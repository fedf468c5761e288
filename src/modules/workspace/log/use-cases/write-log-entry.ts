import type { Database } from "../../../../db/client.ts";
import { workspaceLogEntries } from "../../../../db/schema/index.ts";
import type { Clock } from "../../../../shared/clock.ts";
import { formatCalendarDay } from "../../../../shared/french-date.ts";
import type { Mailer } from "../../../mail/api.ts";
import type { LogEntryInput } from "../log-form.ts";
import { teamBlockedMail } from "../log-mails.ts";
import { blockedRecipients } from "../log-repository.ts";

export type WriteLogEntryInput = LogEntryInput & {
  project: { id: string; title: string; slug: string };
  season: { id: string; name: string; slug: string };
  authorId: string;
};

/**
 * Adds an entry to the log of a project's workspace. A « Bloqué » météo mails the project's coaches of the
 * season and the programme team, in the same transaction as the entry (no entry without its mails, nor the reverse).
 */
export function createWriteLogEntry(deps: { db: Database; clock: Clock; mailer: Mailer; publicUrl: string }) {
  return async function writeLogEntry(input: WriteLogEntryInput): Promise<{ id: string; mailed: number }> {
    return deps.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(workspaceLogEntries)
        .values({
          projectId: input.project.id,
          seasonId: input.season.id,
          eventId: input.eventId,
          happenedOn: input.happenedOn,
          done: input.done,
          decisions: input.decisions,
          nextSteps: input.nextSteps,
          blockers: input.blockers,
          weather: input.weather,
          weatherNote: input.weatherNote,
          authorId: input.authorId,
          createdAt: deps.clock.now(),
        })
        .returning({ id: workspaceLogEntries.id });
      if (input.weather !== "blocked") return { id: created!.id, mailed: 0 };
      const logUrl = new URL(`/projets/${input.project.slug}/espace/journal?saison=${encodeURIComponent(input.season.slug)}`, deps.publicUrl).href;
      const recipients = await blockedRecipients(tx, { projectId: input.project.id, seasonId: input.season.id });
      for (const to of recipients) {
        await deps.mailer.enqueue(tx, teamBlockedMail(to, { projectTitle: input.project.title, seasonName: input.season.name, happenedOn: formatCalendarDay(input.happenedOn), weatherNote: input.weatherNote, logUrl }));
      }
      return { id: created!.id, mailed: recipients.length };
    });
  };
}
