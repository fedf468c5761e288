import type { LedgerLine, Period } from "../ledger/ledger-repository.ts";

/**
 * What an attestation of time contributed attests (issue 16), stored as issued (`attestations.facts`) and
 * shown again on the public verification page: who, which season and period, the agreement if one was
 * accepted, the projects, the events attended and the work declared, in half-days. Dates are `YYYY-MM-DD`.
 */
export type AttestationFacts = {
  memberName: string;
  organisation: string;
  season: { name: string; slug: string; startsOn: string; endsOn: string };
  period: Period;
  agreement: { share: string; managerName: string } | null;
  projects: string[];
  events: { title: string; day: string; kind: string; halfDays: number }[];
  work: { byMonth: { month: string; halfDays: number }[]; byProject: { project: string; halfDays: number }[]; halfDays: number };
  attendanceHalfDays: number;
  totalHalfDays: number;
  /** ISO instant. */
  issuedAt: string;
};

export const noProjectLabel = "Sans projet précisé";

/**
 * The period an attestation covers: from the season's start to today while it runs, the whole season once
 * it is over (or when asked on its last day). Pure.
 */
export function periodCovered(season: { startsOn: string; endsOn: string }, today: string): Period {
  return { startsOn: season.startsOn, endsOn: today < season.endsOn ? today : season.endsOn };
}

/** The facts from the ledger's lines of the period and what the caller looked up. Pure. */
export function buildAttestationFacts(input: Omit<AttestationFacts, "events" | "work" | "attendanceHalfDays" | "totalHalfDays" | "issuedAt"> & { lines: LedgerLine[]; issuedAt: Date }): AttestationFacts {
  const { lines, issuedAt, ...rest } = input;
  const events = lines.flatMap((line) => (line.source === "attendance" ? [{ title: line.title, day: line.day, kind: line.eventKind, halfDays: line.halfDays }] : []));
  const work = lines.filter((line) => line.source === "work");
  const byMonth = new Map<string, number>();
  const byProject = new Map<string, number>();
  for (const line of work) {
    byMonth.set(line.month, (byMonth.get(line.month) ?? 0) + line.halfDays);
    const project = line.projectTitle ?? noProjectLabel;
    byProject.set(project, (byProject.get(project) ?? 0) + line.halfDays);
  }
  const workHalfDays = work.reduce((sum, line) => sum + line.halfDays, 0);
  const attendanceHalfDays = events.reduce((sum, event) => sum + event.halfDays, 0);
  return {
    ...rest,
    events,
    work: {
      byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, halfDays]) => ({ month, halfDays })),
      byProject: [...byProject].sort(([a], [b]) => a.localeCompare(b, "fr")).map(([project, halfDays]) => ({ project, halfDays })),
      halfDays: workHalfDays,
    },
    attendanceHalfDays,
    totalHalfDays: attendanceHalfDays + workHalfDays,
    issuedAt: issuedAt.toISOString(),
  };
}
