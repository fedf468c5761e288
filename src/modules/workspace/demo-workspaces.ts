import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { projects, seasonPhases, seasons, teamMembers, workspaceFramings, workspaceLinks, workspaceLogEntries, workspaceMilestones } from "../../db/schema/index.ts";

type Phase = "investigation" | "construction" | "amplification" | "restitution";
/** The season's phase keys (the template's « closing » is the restitution). */
const phaseKeys: Record<Phase, string> = { investigation: "investigation", construction: "construction", amplification: "amplification", restitution: "closing" };

/** The imported site's texts with French spacing (a non-breaking space before « : ; ! ? » and inside guillemets). */
function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
}

function framingOf(project: { title: string; pitch: string; problem: string }): Record<string, string> {
  const problem = frenchSpacing(project.problem || project.pitch || `Ce que le projet ${project.title} cherche à résoudre.`);
  return {
    summary: frenchSpacing(project.pitch || `${project.title}, un projet du programme 10\u00a0%.`),
    problem,
    users: "Les agents publics qui produisent ou utilisent ces données. En tant qu’agent, je veux trouver la ressource utile sans la refaire moi-même.",
    impact: "Du temps gagné pour les équipes data des ministères ; indicateurs : nombre d’administrations utilisatrices, téléchargements, contributions.",
    skills: "Science des données, développement, animation de communauté.",
    stateOfTheArt: "Des outils existent dans certaines administrations, sans être partagés ni documentés.",
    dataSources: "Données ouvertes publiées sur data.gouv.fr et données des administrations partenaires.",
    technologies: "Python et R sur SSP Cloud (Onyxia), code ouvert sur une forge publique.",
    deliverable: `Un outil ouvert et documenté : ${project.title}.`,
    milestones: "Investigation, prototype, version utilisable, restitution.",
    quickWins: "Un premier jeu de données nettoyé et documenté en fin d’investigation.",
    maintenance: "Une équipe pérenne d’administrations contributrices après la saison.",
    channels: "Salon Tchap du projet, atelier toutes les deux semaines.",
  };
}

/** The middle of a phase, and a day `offset` days from its start. */
function dayIn(phase: { startsOn: string; endsOn: string }, fraction: number): string {
  const start = Date.parse(`${phase.startsOn}T00:00:00Z`);
  const end = Date.parse(`${phase.endsOn}T00:00:00Z`);
  return new Date(start + Math.round(((end - start) * fraction) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Demo workspaces (never in production, issue 15): every project of the past seasons (2022, 2023) with a team
 * has a framing reviewed by its coach when it has one, a milestone done per working phase (the restitution's
 * presentation last), three log entries in good shape and a code forge link (not public: the project page already shows the repository); in the running season,
 * « Cartiflette » has its framing, planned milestones and a log entry « À surveiller » after the kick-off.
 * Run after teams.
 */
export async function seedDemoWorkspaces(db: Database): Promise<void> {
  const seasonRows = await db.select({ id: seasons.id, slug: seasons.slug }).from(seasons).where(inArray(seasons.slug, ["2022", "2023", "2026-2027"]));
  if (seasonRows.length === 0) return;
  const phases = await db.select({ seasonId: seasonPhases.seasonId, key: seasonPhases.key, startsOn: seasonPhases.startsOn, endsOn: seasonPhases.endsOn }).from(seasonPhases);
  const phaseOf = (seasonId: string, phase: Phase) => phases.find((row) => row.seasonId === seasonId && row.key === phaseKeys[phase]);
  const members = await db
    .select({ seasonId: teamMembers.seasonId, projectId: teamMembers.projectId, userId: teamMembers.userId, role: teamMembers.role })
    .from(teamMembers)
    .where(inArray(teamMembers.seasonId, seasonRows.map((season) => season.id)))
    .orderBy(asc(teamMembers.createdAt));
  const projectRows = await db.select({ id: projects.id, slug: projects.slug, title: projects.title, pitch: projects.pitch, problem: projects.problem, repositoryUrl: projects.repositoryUrl }).from(projects);
  const projectById = new Map(projectRows.map((project) => [project.id, project]));

  await db.transaction(async (tx) => {
    for (const season of seasonRows) {
      const running = season.slug === "2026-2027";
      const teams = new Map<string, typeof members>();
      for (const member of members.filter((row) => row.seasonId === season.id)) (teams.get(member.projectId) ?? teams.set(member.projectId, []).get(member.projectId)!).push(member);
      for (const [projectId, team] of teams) {
        const project = projectById.get(projectId)!;
        if (running && project.slug !== "cartiflette") continue;
        const lead = team.find((member) => member.role === "lead") ?? team.find((member) => member.role === "contributor");
        const coach = team.find((member) => member.role === "coach");
        const others = team.filter((member) => member.role !== "coach");
        if (!lead) continue;
        const investigation = phaseOf(season.id, "investigation");
        const construction = phaseOf(season.id, "construction");
        const amplification = phaseOf(season.id, "amplification");
        const restitution = phaseOf(season.id, "restitution");
        if (!investigation || !construction || !amplification || !restitution) continue;
        const reviewed = coach && !running ? { reviewedBy: coach.userId, reviewedAt: new Date(`${investigation.endsOn}T10:00:00Z`), reviewNote: "Cadrage clair ; pensez aux indicateurs d’usage." } : {};
        await tx
          .insert(workspaceFramings)
          .values({ projectId, seasonId: season.id, version: 1, content: framingOf(project), publicSections: ["summary", "deliverable"], authorId: lead.userId, createdAt: new Date(running ? "2026-11-18T17:00:00Z" : `${investigation.startsOn}T10:00:00Z`), ...reviewed })
          .onConflictDoNothing();
        const owner = (index: number) => others[index % others.length]!.userId;
        const plan: [Phase, { startsOn: string; endsOn: string }, string, boolean][] = [
          [`investigation`, investigation, "Entretiens avec les utilisateurs et inventaire des données", false],
          [`construction`, construction, "Premier prototype utilisable", false],
          [`amplification`, amplification, "Documentation et premiers utilisateurs hors de l’équipe", false],
          [`restitution`, restitution, "Présentation de restitution", true],
        ];
        for (const [index, [phase, dates, title, isPresentation]] of plan.entries()) {
          await tx.insert(workspaceMilestones).values({ projectId, seasonId: season.id, phase, title, dueOn: dates.endsOn, ownerId: owner(index), state: running ? "todo" : "done", isPresentation, createdBy: lead.userId });
        }
        if (running) {
          await tx.insert(workspaceLogEntries).values({
            projectId,
            seasonId: season.id,
            happenedOn: "2026-11-18",
            done: "Atelier de lancement : reprise du passeport de la saison 2023, tour des besoins des nouveaux membres.",
            decisions: "Étendre les fonds de carte aux territoires d’outre-mer.",
            nextSteps: "Obtenir les contours des collectivités d’outre-mer auprès de l’IGN.",
            blockers: "Les contours d’outre-mer ne sont pas encore publiés.",
            weather: "watch",
            weatherNote: "Données d’outre-mer pas encore disponibles : la construction pourrait glisser.",
            authorId: lead.userId,
          });
        } else {
          const entries: [string, string, string][] = [
            [dayIn(investigation, 0.5), "Atelier d’investigation : entretiens restitués, sources de données listées.", "Prototype sur deux jeux de données."],
            [dayIn(construction, 0.5), "Atelier de construction : le prototype tourne sur SSP Cloud.", "Documenter l’installation."],
            [dayIn(amplification, 0.5), "Atelier d’amplification : première administration utilisatrice hors de l’équipe.", "Préparer la restitution."],
          ];
          for (const [happenedOn, done, nextSteps] of entries) {
            await tx.insert(workspaceLogEntries).values({ projectId, seasonId: season.id, happenedOn, done, nextSteps, weather: "on_track", authorId: lead.userId, createdAt: new Date(`${happenedOn}T16:00:00Z`) });
          }
        }
        const existing = await tx.select({ id: workspaceLinks.id }).from(workspaceLinks).where(and(eq(workspaceLinks.projectId, projectId), eq(workspaceLinks.seasonId, season.id)));
        if (existing.length === 0 && project.repositoryUrl) {
          await tx.insert(workspaceLinks).values({ projectId, seasonId: season.id, kind: "forge", label: "Code source", url: project.repositoryUrl, public: false, createdBy: lead.userId });
        }
      }
    }
  });
}
