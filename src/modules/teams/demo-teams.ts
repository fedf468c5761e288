import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { participations, profiles, projectNeeds, projects, projectSeasons, seasons, skills, teamAssignments, teamMembers, users, wishes, wishLists } from "../../db/schema/index.ts";
import { carryOverProject } from "../projects/api.ts";
import { defaultAssignmentRules } from "./assignment/instance.ts";

/** Projects of season 2023 that continue in the running demo season, with what each team seeks. */
const runningSeasonNeeds: { slug: string; minSize: number; maxSize: number; rhythm: "in_person" | "remote" | "both"; skills: [string, 1 | 2 | 3, boolean][]; whyJoin: string }[] = [
  { slug: "cartiflette", minSize: 3, maxSize: 6, rhythm: "both", skills: [["cartographie", 3, true], ["python", 2, true], ["r", 2, false]], whyJoin: "Des fonds de carte administratifs prêts à l’emploi, utilisés par des centaines de cartes publiques : rejoignez-nous pour les étendre aux territoires d’outre-mer." },
  { slug: "chartgouv", minSize: 3, maxSize: 6, rhythm: "remote", skills: [["dataviz", 3, true], ["javascript", 2, false]], whyJoin: "Des graphiques conformes au système de design de l’État, en quelques lignes : il reste à les rendre accessibles à tous." },
  { slug: "formiaable", minSize: 3, maxSize: 5, rhythm: "both", skills: [["llm", 2, true], ["animation", 2, false]], whyJoin: "Former les agents à l’IA générative avec des cas d’usage de l’administration." },
  { slug: "datanomyme", minSize: 2, maxSize: 5, rhythm: "remote", skills: [["entites-nommees", 2, true], ["rgpd", 1, false]], whyJoin: "Pseudonymiser des documents pour pouvoir les ouvrir : un besoin de tous les ministères." },
  { slug: "transformers", minSize: 3, maxSize: 6, rhythm: "in_person", skills: [["fouille-de-textes", 3, true], ["apprentissage-profond", 2, false]], whyJoin: "Des modèles de langue ouverts pour analyser les textes des administrations." },
  { slug: "trouvermonexpertdata", minSize: 2, maxSize: 4, rhythm: "remote", skills: [["recherche-utilisateur", 2, false], ["javascript", 2, true]], whyJoin: "Aider chaque agent à trouver l’expert de la donnée qui peut l’aider." },
];

/** A tiny deterministic generator: the demo is the same at every seed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function roleOf(label: string | null): "lead" | "contributor" | "coach" {
  if (!label) return "contributor";
  if (/^coach/i.test(label)) return "coach";
  if (/^porte/i.test(label)) return "lead";
  return "contributor";
}

/**
 * Demo teams (never in production): the teams of seasons 2022 and 2023 from the imported
 * participations, published at the end of their season; in the running season 2026-2027, six projects
 * of 2023 that continue, each with what its team seeks and its lead (ChartsGouv also its coach), and the wishes of the demo members
 * (most sent, a few drafts, some « n'importe quel projet », members of 2023 asking to continue), so the
 * programme team can run the assignment at once. Run after people, seasons and projects.
 */
export async function seedDemoTeams(db: Database, options: { now: Date }): Promise<void> {
  const seasonRows = await db.select({ id: seasons.id, slug: seasons.slug, endsOn: seasons.endsOn }).from(seasons);
  const seasonBySlug = new Map(seasonRows.map((row) => [row.slug, row]));
  const projectRows = await db.select({ id: projects.id, slug: projects.slug }).from(projects);
  const projectBySlug = new Map(projectRows.map((row) => [row.slug, row.id]));

  // Past seasons: their teams from the participations (a person's first project of a season only).
  const past = await db
    .select({ userId: participations.userId, season: participations.season, projectSlug: participations.projectSlug, role: participations.role })
    .from(participations)
    .where(and(inArray(participations.season, ["2022", "2023"]), isNotNull(participations.projectSlug)));
  await db.transaction(async (tx) => {
    for (const row of past) {
      const season = seasonBySlug.get(row.season);
      const projectId = row.projectSlug ? projectBySlug.get(row.projectSlug) : undefined;
      if (!season || !projectId) continue;
      await tx.insert(teamMembers).values({ seasonId: season.id, projectId, userId: row.userId, role: roleOf(row.role), source: "import" }).onConflictDoNothing();
    }
    for (const slug of ["2022", "2023"]) {
      const season = seasonBySlug.get(slug);
      if (season) await tx.insert(teamAssignments).values({ seasonId: season.id, settings: defaultAssignmentRules, publishedAt: new Date(`${season.endsOn}T12:00:00Z`) }).onConflictDoNothing();
    }
  });

  const running = seasonBySlug.get("2026-2027");
  const season2023 = seasonBySlug.get("2023");
  if (!running || !season2023) return;
  const skillIds = new Map((await db.select({ id: skills.id, slug: skills.slug }).from(skills)).map((row) => [row.slug, row.id]));
  const continuing: string[] = [];
  for (const need of runningSeasonNeeds) {
    const projectId = projectBySlug.get(need.slug);
    if (!projectId) continue;
    const [already] = await db.select({ projectId: projectSeasons.projectId }).from(projectSeasons).where(and(eq(projectSeasons.projectId, projectId), eq(projectSeasons.seasonId, running.id)));
    if (!already) await carryOverProject(db, { projectId, seasonId: running.id, decidedBy: null, reason: "Le projet continue dans la saison 2026-2027 : de nouveaux besoins sont apparus.", decidedAt: options.now });
    await db
      .insert(projectNeeds)
      .values({
        projectId,
        seasonId: running.id,
        minSize: need.minSize,
        maxSize: need.maxSize,
        rhythm: need.rhythm,
        whyJoin: need.whyJoin.replace(/ :/g, "\u00a0:"),
        skills: need.skills.filter(([slug]) => skillIds.has(slug)).map(([slug, level, required]) => ({ skillId: skillIds.get(slug)!, level, required })),
        updatedAt: options.now,
      })
      .onConflictDoNothing();
    continuing.push(projectId);
  }

  // Without the imported project pages (an empty CONTENT_DIR) no project continues: no needs, leads nor wishes.
  if (continuing.length === 0) return;

  // Leads: the leads of 2023 lead again.
  const leads2023 = await db
    .select({ userId: teamMembers.userId, projectId: teamMembers.projectId })
    .from(teamMembers)
    .where(and(eq(teamMembers.seasonId, season2023.id), eq(teamMembers.role, "lead"), inArray(teamMembers.projectId, continuing)));
  for (const lead of leads2023) await db.insert(teamMembers).values({ seasonId: running.id, projectId: lead.projectId, userId: lead.userId, role: "lead", source: "named", createdAt: options.now }).onConflictDoNothing();
  const leadIds = new Set(leads2023.map((lead) => lead.userId));

  // A coach: Marc Petit, who coached ChartsGouv in 2022 and 2023, coaches it again (named by the programme team).
  const chartgouv = projectBySlug.get("chartgouv");
  const [coach] = await db.select({ id: users.id }).from(users).where(eq(users.email, "marc.petit@numerique.gouv.fr"));
  if (chartgouv && coach && continuing.includes(chartgouv)) {
    await db.insert(teamMembers).values({ seasonId: running.id, projectId: chartgouv, userId: coach.id, role: "coach", source: "named", createdAt: options.now }).onConflictDoNothing();
  }

  // Wishes of the joined demo members who are not leads nor the programme team's demo accounts.
  const members = await db
    .select({ userId: profiles.userId, email: users.email })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(and(isNotNull(profiles.joinedAt), isNull(users.erasedAt)))
    .orderBy(users.email);
  const previousTeams = new Map(
    (await db.select({ userId: teamMembers.userId, projectId: teamMembers.projectId }).from(teamMembers).where(eq(teamMembers.seasonId, season2023.id))).map((row) => [row.userId, row.projectId]),
  );
  // Popularity: the first projects are wished more often.
  const weighted = continuing.flatMap((projectId, index) => Array.from({ length: Math.max(1, continuing.length - index) }, () => projectId));
  const random = seededRandom(2027);
  const motivations = ["J’ai déjà travaillé sur un sujet proche dans mon ministère.", "Je veux apprendre auprès d’experts d’autres administrations.", "Ce projet répond à un besoin de mon service.", ""];
  await db.transaction(async (tx) => {
    let index = 0;
    for (const member of members) {
      if (leadIds.has(member.userId) || member.email.endsWith("@numerique.gouv.fr")) continue;
      index += 1;
      if (index % 9 === 0) continue; // Some members make no wish.
      const anyProject = index % 7 === 0;
      const draft = index % 11 === 0;
      const previous = previousTeams.get(member.userId);
      const keepPreviousProject = previous !== undefined && continuing.includes(previous) && index % 2 === 0;
      const chosen: string[] = keepPreviousProject ? [previous] : [];
      const count = anyProject ? 1 : 3 + Math.floor(random() * 3);
      for (let attempt = 0; chosen.length < count && attempt < 50; attempt++) {
        const projectId = weighted[Math.floor(random() * weighted.length)]!;
        if (!chosen.includes(projectId)) chosen.push(projectId);
      }
      await tx
        .insert(wishLists)
        .values({ userId: member.userId, seasonId: running.id, anyProject, keepPreviousProject, state: draft ? "draft" : "submitted", submittedAt: draft ? null : options.now, updatedAt: options.now })
        .onConflictDoNothing();
      await tx
        .insert(wishes)
        .values(chosen.map((projectId, rank) => ({ userId: member.userId, seasonId: running.id, rank: rank + 1, projectId, motivation: motivations[Math.floor(random() * motivations.length)]! })))
        .onConflictDoNothing();
    }
  });
}
