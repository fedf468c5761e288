import type { Rhythm, TeamRole } from "./team-repository.ts";

/** How a team role is written on the pages. */
export const roleLabels: Record<TeamRole, string> = { lead: "porteur·euse", contributor: "contributeur·rice", coach: "coach" };
export const rhythmLabels: Record<Rhythm, string> = { in_person: "En présentiel", remote: "À distance", both: "Les deux" };
export const needLevelLabels: Record<1 | 2 | 3, string> = { 1: "Curieux·se", 2: "Connaît", 3: "Expert·e" };
