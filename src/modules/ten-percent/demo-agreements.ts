import { and, eq, inArray, ne } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Database } from "../../db/client.ts";
import { agreementEvents, agreements, agreementSignatures, agreementVersions, projects, teamMembers, timeEntries, users } from "../../db/schema/index.ts";
import { organisationLookup } from "../organisations/api.ts";
import { findCurrentSeason } from "../seasons/api.ts";

const zone = "Europe/Paris";

/** A working day (Monday to Friday) `days` days before `now`, in Paris, as YYYY-MM-DD. */
function workingDayBefore(now: Date, days: number): string {
  let day = DateTime.fromJSDate(now, { zone }).minus({ days });
  while (day.weekday > 5) day = day.minus({ days: 1 });
  return day.toISODate()!;
}

/**
 * The demo's « Mon 10 % » (issue 16), in the running season, relative to `now`: Inès Benali's agreement,
 * accepted by her manager Olivier Dumas by his personal link, with her declared work (her check-ins at the
 * season's past workshops come from the events demo); Thomas Leroy's, sent three days ago to Nathalie Roche
 * and still waiting (she can sign in with her address and decide). Idempotent: nothing if Inès has one.
 */
export async function seedDemoAgreements(db: Database, options: { now: Date }): Promise<void> {
  const { now } = options;
  const season = await findCurrentSeason(db, now);
  if (!season) return;
  const people = await db.select({ id: users.id, email: users.email, givenName: users.givenName, usualName: users.usualName, organisationId: users.organisationId }).from(users).where(inArray(users.email, ["ines.benali@insee.fr", "thomas.leroy@ign.fr"]));
  const ines = people.find((person) => person.email === "ines.benali@insee.fr");
  const thomas = people.find((person) => person.email === "thomas.leroy@ign.fr");
  if (!ines || !thomas) return;
  if ((await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.userId, ines.id))).length > 0) return;
  const ministries = new Map((await organisationLookup.listHierarchy(db)).map((organisation) => [organisation.id, organisation]));
  const teamProjects = async (userId: string) =>
    db
      .select({ projectId: projects.id, title: projects.title })
      .from(teamMembers)
      .innerJoin(projects, eq(projects.id, teamMembers.projectId))
      .where(and(eq(teamMembers.userId, userId), eq(teamMembers.seasonId, season.id), ne(teamMembers.role, "coach")));
  const at = (daysAgo: number, hour: number) => DateTime.fromJSDate(now, { zone }).minus({ days: daysAgo }).set({ hour, minute: 12, second: 0, millisecond: 0 }).toJSDate();
  const sentDaysAgo = Math.max(3, Math.min(40, Math.floor(DateTime.fromJSDate(now, { zone }).diff(DateTime.fromISO(season.startsOn, { zone }), "days").days)));

  const agreementFor = async (person: typeof ines, input: { managerName: string; managerEmail: string; accepted: boolean; sentDaysAgo: number }) => {
    const organisation = person.organisationId ? ministries.get(person.organisationId) : undefined;
    const memberName = [person.givenName, person.usualName].filter(Boolean).join(" ");
    const sentAt = at(input.sentDaysAgo, 10);
    const decidedAt = at(input.sentDaysAgo - 2, 16);
    const projectsOfTeam = await teamProjects(person.id);
    await db.transaction(async (tx) => {
      const [row] = await tx.insert(agreements).values({ userId: person.id, seasonId: season.id, status: input.accepted ? "accepted" : "sent", createdAt: sentAt, updatedAt: input.accepted ? decidedAt : sentAt }).returning({ id: agreements.id });
      const agreementId = row!.id;
      await tx.insert(agreementVersions).values({
        agreementId,
        version: 1,
        shareKind: "ten_percent",
        halfDaysPerMonth: 2,
        startsOn: season.startsOn,
        endsOn: season.endsOn,
        projects: projectsOfTeam,
        memberName,
        memberEmail: person.email,
        memberOrganisation: organisation?.name ?? "",
        ministryId: organisation?.ministryId ?? null,
        managerName: input.managerName,
        managerEmail: input.managerEmail,
        charterVersion: "2024",
        createdAt: sentAt,
      });
      await tx.insert(agreementSignatures).values({
        agreementId,
        version: 1,
        role: "manager",
        name: input.managerName,
        email: input.managerEmail,
        askedAt: sentAt,
        ...(input.accepted ? { decision: "accepted", decidedAt, decidedVia: "link" } : {}),
      });
      await tx.insert(agreementEvents).values({ agreementId, version: 1, kind: "sent", actor: "member", actorName: memberName, at: sentAt });
      if (input.accepted) await tx.insert(agreementEvents).values({ agreementId, version: 1, kind: "accepted", actor: "manager", actorName: input.managerName, at: decidedAt });
    });
  };

  await agreementFor(ines, { managerName: "Olivier Dumas", managerEmail: "olivier.dumas@insee.fr", accepted: true, sentDaysAgo });
  await agreementFor(thomas, { managerName: "Nathalie Roche", managerEmail: "nathalie.roche@ign.fr", accepted: false, sentDaysAgo: 3 });

  // Inès's declared work: within the season, before today, in months other than the workshops' (within her budget).
  const [project] = await teamProjects(ines.id);
  const lines = [
    { daysAgo: 45, halfDays: 1, description: "Préparation du jeu d’entraînement et revue des libellés" },
    { daysAgo: 6, halfDays: 1, description: "Évaluation du modèle sur l’échantillon de test" },
  ];
  for (const line of lines) {
    const day = workingDayBefore(now, line.daysAgo);
    if (day < season.startsOn) continue;
    await db.insert(timeEntries).values({ userId: ines.id, workedOn: day, halfDays: line.halfDays, projectId: project?.projectId ?? null, description: line.description, createdAt: at(line.daysAgo, 18), updatedAt: at(line.daysAgo, 18) });
  }
}
