import { inArray } from "drizzle-orm";
import type { Database, Executor } from "../../db/client.ts";
import { profileSkills, profiles, skills, userRoles, users } from "../../db/schema/index.ts";
import type { Availability, JobFamily, ProfileVisibility, SkillLevel } from "./domain/profile-choices.ts";
import { skillVocabulary } from "./domain/skill-vocabulary.ts";
import { profileSlugBase, slugify } from "./domain/slugs.ts";
import { countSkills } from "./repository.ts";
import { recordParticipation } from "./use-cases/record-participation.ts";

/** Inserts the seeded vocabulary on an empty skills table (a deployment's first start). */
export async function seedSkillVocabularyIfEmpty(db: Executor): Promise<void> {
  if ((await countSkills(db)) > 0) return;
  await db
    .insert(skills)
    .values(skillVocabulary.map((skill) => ({ slug: skill.slug, name: skill.name, category: skill.category, synonyms: skill.synonyms })))
    .onConflictDoNothing();
}

type Project = { slug: string; title: string };
/** Projects of the programme's published site (the repository's content/), by their address on the platform. */
const projects = {
  cartiflette: { slug: "cartiflette", title: "Cartiflette" },
  chartsgouv: { slug: "chartgouv", title: "ChartsGouv" },
  formiable: { slug: "formiaable", title: "FormIAble" },
  pseudonymisation: { slug: "annotation", title: "Pseudonymisation de documents textuels" },
  juripiaf: { slug: "juripiaf", title: "Analyse de corpus de textes juridiques à partir de la brique PIAF" },
  siretisation: { slug: "siretisation", title: "SIRETisation" },
  gouvdown: { slug: "designsystemetat", title: "Créer des applications et des documents conformes au design system de l'Etat avec R : gouvdown et shinygouv" },
  datanonyme: { slug: "datanomyme", title: "Datanonyme" },
  transformers: { slug: "transformers", title: "Transformers : Une IA open-source pour l’analyse de texte par les administrations" },
  poufdoc: { slug: "poufdoc", title: "Poufdoc" },
  impact: { slug: "impact-environnemental", title: "Impact Environnemental" },
  ted: { slug: "trouvermonexpertdata", title: "TrouverMonExpertData" },
} satisfies Record<string, Project>;
type ProjectKey = keyof typeof projects;

/** Which projects ran in which season: Cartiflette, ChartsGouv and FormIAble over both. */
const seasons: Record<string, ProjectKey[]> = {
  "2022": ["cartiflette", "chartsgouv", "formiable", "pseudonymisation", "juripiaf", "siretisation", "gouvdown"],
  "2023": ["cartiflette", "chartsgouv", "formiable", "datanonyme", "transformers", "poufdoc", "impact", "ted"],
};

type DemoProfile = {
  jobFamily: JobFamily;
  skills: [string, SkillLevel][];
  learningWishes?: string;
  availability: Availability;
  bio: string;
  forgeUrl?: string;
  tchapId?: string;
  managerName?: string;
  managerEmail?: string;
  visibility?: ProfileVisibility;
  participations: { season: string; project?: ProjectKey; role?: string }[];
  proposals?: { name: string; category: string; level: SkillLevel }[];
};

/** The demo accounts of README.md, as members who already joined. */
const demoAccountProfiles: Record<string, DemoProfile> = {
  "camille.martin@numerique.gouv.fr": {
    jobFamily: "data_project_lead",
    skills: [["animation", 3], ["gestion-de-produit", 3], ["methodes-agiles", 2], ["ouverture-des-donnees", 2], ["logiciel-libre", 2], ["python", 1]],
    availability: "two_half_days_per_month",
    bio: "J’anime le Programme 10 % à la DINUM : appel à projets, ateliers tous les quinze jours et formations. Écrivez-moi pour toute question sur le programme.",
    tchapId: "@camille.martin-numerique.gouv.fr:agent.dinum.tchap.gouv.fr",
    participations: [
      { season: "2022", role: "Équipe du programme" },
      { season: "2023", role: "Équipe du programme" },
    ],
  },
  "ines.benali@insee.fr": {
    jobFamily: "data_scientist",
    skills: [["python", 3], ["classification-de-textes", 3], ["fouille-de-textes", 3], ["apprentissage-supervise", 3], ["llm", 2], ["apprentissage-profond", 2], ["entites-nommees", 2], ["r", 2], ["sql", 2], ["git", 2], ["statistique-publique", 2], ["rag", 1], ["mlops", 1]],
    learningWishes: "Mettre en production des modèles (MLOps) et évaluer les grands modèles de langage sur des textes administratifs.",
    availability: "two_half_days_per_month",
    bio: "Data scientist à l’Insee, je classe automatiquement des libellés d’activité et de profession (codification) avec des modèles de langue. J’aime transmettre : je peux vous aider sur le NLP en Python.",
    forgeUrl: "https://github.com/ines-benali",
    tchapId: "@ines.benali-insee.fr:agent.finances.tchap.gouv.fr",
    managerName: "Olivier Dumas",
    managerEmail: "olivier.dumas@insee.fr",
    participations: [
      { season: "2022", project: "pseudonymisation" },
      { season: "2023", project: "transformers", role: "Porteuse du projet" },
    ],
  },
  "thomas.leroy@ign.fr": {
    jobFamily: "data_engineer",
    skills: [["sig", 3], ["cartographie", 3], ["geocodage", 3], ["sql", 3], ["python", 2], ["bases-de-donnees", 2], ["teledetection", 2], ["api-de-donnees", 2], ["dataviz", 1]],
    learningWishes: "La visualisation de données sur le web (D3.js, Observable).",
    availability: "one_half_day_per_month",
    bio: "Géomaticien à l’IGN : fonds de carte, découpages administratifs et PostGIS. Je contribue à Cartiflette depuis sa première saison.",
    forgeUrl: "https://github.com/thomas-leroy",
    managerName: "Nathalie Roche",
    managerEmail: "nathalie.roche@ign.fr",
    participations: [
      { season: "2022", project: "cartiflette" },
      { season: "2023", project: "cartiflette", role: "Porteur du projet" },
    ],
    proposals: [{ name: "Lidar", category: "geomatics", level: 2 }],
  },
  "marc.petit@numerique.gouv.fr": {
    jobFamily: "developer",
    skills: [["javascript", 3], ["conteneurs", 3], ["integration-continue", 3], ["git", 3], ["logiciel-libre", 3], ["python", 2], ["cloud", 2], ["mlops", 2], ["methodes-agiles", 2]],
    availability: "occasionally",
    bio: "Développeur à la DINUM et coach des équipes du programme\u00a0: je les aide à publier leur code et à mettre leurs outils en ligne.",
    forgeUrl: "https://gitlab.com/marc-petit",
    participations: [
      { season: "2022", project: "chartsgouv", role: "Coach" },
      { season: "2023", project: "chartsgouv", role: "Coach" },
    ],
  },
  "sophie.durand@interieur.gouv.fr": {
    jobFamily: "data_project_lead",
    skills: [["rgpd", 3], ["ouverture-des-donnees", 3], ["ethique-ia", 2], ["gestion-de-produit", 2], ["achat-public", 2], ["tableaux-de-bord", 2], ["sql", 1]],
    availability: "one_half_day_per_month",
    bio: "Administratrice ministérielle des données au ministère de l’Intérieur : ouverture des données, RGPD et accompagnement des projets data des directions.",
    participations: [{ season: "2023", project: "ted" }],
  },
};

type DemoMember = { givenName: string; usualName: string; organisationKey: string; domain: string; jobFamily: JobFamily; visibility?: ProfileVisibility };

/** Fictitious members across the demo organisations (addresses on the organisations' domains). */
const demoMembers: DemoMember[] = [
  { givenName: "Julien", usualName: "Moreau", organisationKey: "insee", domain: "insee.fr", jobFamily: "statistician" },
  { givenName: "Claire", usualName: "Fournier", organisationKey: "drees", domain: "sante.gouv.fr", jobFamily: "statistician" },
  { givenName: "Mehdi", usualName: "Haddad", organisationKey: "dgfip", domain: "dgfip.finances.gouv.fr", jobFamily: "data_scientist" },
  { givenName: "Aurélie", usualName: "Lambert", organisationKey: "dares", domain: "travail.gouv.fr", jobFamily: "data_analyst" },
  { givenName: "Nicolas", usualName: "Girard", organisationKey: "ign", domain: "ign.fr", jobFamily: "data_engineer" },
  { givenName: "Sarah", usualName: "Cohen", organisationKey: "etalab", domain: "data.gouv.fr", jobFamily: "developer" },
  { givenName: "Hugo", usualName: "Bonnet", organisationKey: "gendarmerie", domain: "gendarmerie.interieur.gouv.fr", jobFamily: "data_scientist" },
  { givenName: "Léa", usualName: "Chevalier", organisationKey: "spf", domain: "santepubliquefrance.fr", jobFamily: "data_analyst", visibility: "programme_team" },
  { givenName: "Antoine", usualName: "Mercier", organisationKey: "sdes", domain: "developpement-durable.gouv.fr", jobFamily: "statistician" },
  { givenName: "Fatou", usualName: "Diallo", organisationKey: "cnam", domain: "assurance-maladie.fr", jobFamily: "data_scientist" },
  { givenName: "Maxime", usualName: "Faure", organisationKey: "armees", domain: "intradef.gouv.fr", jobFamily: "data_engineer" },
  { givenName: "Emma", usualName: "Blanc", organisationKey: "culture", domain: "culture.gouv.fr", jobFamily: "data_project_lead" },
  { givenName: "Romain", usualName: "Garnier", organisationKey: "justice", domain: "justice.gouv.fr", jobFamily: "data_scientist" },
  { givenName: "Chloé", usualName: "Perrin", organisationKey: "ssp", domain: "agriculture.gouv.fr", jobFamily: "statistician" },
  { givenName: "Karim", usualName: "Belkacem", organisationKey: "francetravail", domain: "francetravail.fr", jobFamily: "data_scientist" },
  { givenName: "Manon", usualName: "Robin", organisationKey: "insee", domain: "insee.fr", jobFamily: "data_scientist" },
  { givenName: "Thibault", usualName: "Masson", organisationKey: "dinum", domain: "numerique.gouv.fr", jobFamily: "developer" },
  { givenName: "Pauline", usualName: "Henry", organisationKey: "education", domain: "education.gouv.fr", jobFamily: "data_analyst" },
  { givenName: "Alexandre", usualName: "Roux", organisationKey: "interieur", domain: "interieur.gouv.fr", jobFamily: "data_engineer" },
  { givenName: "Yasmine", usualName: "Saïdi", organisationKey: "dgfip", domain: "dgfip.finances.gouv.fr", jobFamily: "data_analyst", visibility: "programme_team" },
  { givenName: "Guillaume", usualName: "Lefèvre", organisationKey: "ign", domain: "ign.fr", jobFamily: "developer" },
  { givenName: "Marine", usualName: "Dupuis", organisationKey: "drees", domain: "sante.gouv.fr", jobFamily: "data_scientist" },
  { givenName: "Olivier", usualName: "Marchand", organisationKey: "europe", domain: "diplomatie.gouv.fr", jobFamily: "data_project_lead" },
  { givenName: "Élodie", usualName: "Giraud", organisationKey: "insee", domain: "insee.fr", jobFamily: "statistician" },
  { givenName: "Benoît", usualName: "Lemaire", organisationKey: "economie", domain: "finances.gouv.fr", jobFamily: "data_engineer" },
  { givenName: "Nadia", usualName: "Amrani", organisationKey: "spf", domain: "santepubliquefrance.fr", jobFamily: "data_scientist" },
  { givenName: "Sébastien", usualName: "Caron", organisationKey: "justice", domain: "justice.gouv.fr", jobFamily: "developer" },
  { givenName: "Juliette", usualName: "Vidal", organisationKey: "culture", domain: "culture.gouv.fr", jobFamily: "data_analyst" },
  { givenName: "Pierre-Louis", usualName: "Arnaud", organisationKey: "armees", domain: "intradef.gouv.fr", jobFamily: "data_scientist" },
  { givenName: "Anaïs", usualName: "Lemoine", organisationKey: "dares", domain: "travail.gouv.fr", jobFamily: "statistician" },
  { givenName: "Quentin", usualName: "Barbier", organisationKey: "etalab", domain: "data.gouv.fr", jobFamily: "data_engineer" },
  { givenName: "Margaux", usualName: "Renaud", organisationKey: "ecologie", domain: "developpement-durable.gouv.fr", jobFamily: "data_project_lead", visibility: "programme_team" },
  { givenName: "Samuel", usualName: "Nguyen", organisationKey: "insee", domain: "insee.fr", jobFamily: "developer" },
  { givenName: "Laura", usualName: "Gauthier", organisationKey: "cnam", domain: "assurance-maladie.fr", jobFamily: "data_analyst" },
  { givenName: "Vincent", usualName: "Colin", organisationKey: "gendarmerie", domain: "gendarmerie.interieur.gouv.fr", jobFamily: "data_engineer" },
  { givenName: "Hélène", usualName: "Meunier", organisationKey: "education", domain: "education.gouv.fr", jobFamily: "statistician" },
  { givenName: "Adrien", usualName: "Fontaine", organisationKey: "francetravail", domain: "francetravail.fr", jobFamily: "data_engineer" },
  { givenName: "Amandine", usualName: "Lacroix", organisationKey: "ssp", domain: "agriculture.gouv.fr", jobFamily: "data_analyst" },
  { givenName: "Rémi", usualName: "Picard", organisationKey: "sdes", domain: "developpement-durable.gouv.fr", jobFamily: "data_scientist" },
  { givenName: "Zoé", usualName: "Brunet", organisationKey: "dinum", domain: "numerique.gouv.fr", jobFamily: "data_project_lead" },
];

/** Skills each job family tends to have, most typical first, and the projects it tends to join. */
const archetypes: Record<Exclude<JobFamily, "other">, { skills: string[]; projects: ProjectKey[]; opening: string }> = {
  data_scientist: {
    skills: ["python", "apprentissage-supervise", "classification-de-textes", "apprentissage-profond", "llm", "fouille-de-textes", "sql", "rag", "git", "apprentissage-non-supervise", "vision-par-ordinateur", "appariement", "entites-nommees", "prompts", "affinage", "mlops"],
    projects: ["formiable", "transformers", "pseudonymisation", "juripiaf", "siretisation", "poufdoc"],
    opening: "Data scientist, je construis des modèles pour automatiser des traitements de mon administration.",
  },
  data_engineer: {
    skills: ["sql", "python", "chaines-de-traitement", "bases-de-donnees", "spark", "qualite-des-donnees", "api-de-donnees", "conteneurs", "modelisation-de-donnees", "cloud", "integration-continue", "git", "collecte-web", "sig"],
    projects: ["cartiflette", "siretisation", "transformers", "impact", "ted"],
    opening: "Data engineer, je fais circuler les données entre les applications et les équipes d’études.",
  },
  data_analyst: {
    skills: ["sql", "dataviz", "tableaux-de-bord", "python", "r", "qualite-des-donnees", "ouverture-des-donnees", "series-temporelles", "d3js", "econometrie"],
    projects: ["chartsgouv", "poufdoc", "ted", "impact"],
    opening: "Data analyst, je produis des tableaux de bord et des analyses pour les directions métier.",
  },
  statistician: {
    skills: ["r", "statistique-publique", "sondages", "econometrie", "sas", "secret-statistique", "series-temporelles", "python", "sql", "appariement"],
    projects: ["datanonyme", "siretisation", "gouvdown", "cartiflette"],
    opening: "Statisticien·ne, je travaille sur des enquêtes et des sources administratives.",
  },
  developer: {
    skills: ["javascript", "python", "git", "conteneurs", "integration-continue", "api-de-donnees", "logiciel-libre", "bases-de-donnees", "d3js", "cloud"],
    projects: ["chartsgouv", "gouvdown", "ted", "cartiflette"],
    opening: "Développeur·se, je conçois des outils web pour les agents et le public.",
  },
  data_project_lead: {
    skills: ["gestion-de-produit", "methodes-agiles", "recherche-utilisateur", "animation", "ouverture-des-donnees", "rgpd", "ethique-ia", "achat-public", "tableaux-de-bord"],
    projects: ["ted", "impact", "chartsgouv", "poufdoc"],
    opening: "Chef·fe de projet data, j’accompagne les équipes de la définition du besoin jusqu’à la mise en service.",
  },
};

const learningWishes = [
  "Les grands modèles de langage et leurs usages dans l’administration.",
  "La cartographie et les systèmes d’information géographique.",
  "Mettre en production des modèles et des chaînes de traitement.",
  "La visualisation de données sur le web.",
  "Le RGPD et l’anonymisation des données.",
  "Spark et le traitement de gros volumes.",
  "",
];
const availabilityCycle: Availability[] = ["two_half_days_per_month", "one_half_day_per_month", "occasionally", "two_half_days_per_month"];

/** A small deterministic generator (mulberry32): the same demo at every seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function joinList(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} et ${names.at(-1)}`;
}

/** A member's profile from their job family: typical skills first, with the higher levels. */
function generatedProfile(member: DemoMember, index: number): DemoProfile {
  const random = seededRandom(1000 + index);
  const archetype = archetypes[member.jobFamily as Exclude<JobFamily, "other">];
  const count = 4 + Math.floor(random() * 6);
  const chosen: [string, SkillLevel][] = [];
  const pool = [...archetype.skills];
  for (let position = 0; position < count && pool.length > 0; position += 1) {
    // Earlier entries of the pool are likelier: the first skills of a job are its core.
    const at = Math.floor(random() * random() * pool.length);
    const [slug] = pool.splice(at, 1);
    const level: SkillLevel = position < 2 ? (random() < 0.7 ? 3 : 2) : random() < 0.25 ? 3 : random() < 0.6 ? 2 : 1;
    chosen.push([slug!, level]);
  }
  // Curiosity outside one's field.
  const elsewhere = skillVocabulary.filter((skill) => !chosen.some(([slug]) => slug === skill.slug));
  for (let extra = Math.floor(random() * 3); extra > 0; extra -= 1) {
    const skill = pick(random, elsewhere);
    if (!chosen.some(([slug]) => slug === skill.slug)) chosen.push([skill.slug, 1]);
  }
  const names = chosen.filter(([, level]) => level >= 2).slice(0, 3).map(([slug]) => skillVocabulary.find((skill) => skill.slug === slug)!.name);
  const participations: DemoProfile["participations"] = [];
  for (const season of ["2022", "2023"]) {
    if (random() < (season === "2022" ? 0.35 : 0.55)) {
      const candidates = archetype.projects.filter((project) => seasons[season]!.includes(project));
      if (candidates.length > 0) participations.push({ season, project: pick(random, candidates) });
    }
  }
  return {
    jobFamily: member.jobFamily,
    skills: chosen,
    learningWishes: pick(random, learningWishes) || undefined,
    availability: availabilityCycle[index % availabilityCycle.length]!,
    bio: `${archetype.opening}${names.length > 0 ? ` Je peux aider sur\u00a0: ${joinList(names)}.` : ""}`,
    forgeUrl: random() < 0.5 ? `https://github.com/${slugify(`${member.givenName} ${member.usualName}`)}` : undefined,
    visibility: member.visibility,
    participations,
  };
}

/**
 * Demo people (never in production): the vocabulary, the five demo accounts as joined members, forty
 * fictitious members across the demo organisations, a few skill proposals, and participations in the
 * projects of seasons 2022 and 2023. Deterministic: the same data at every seed.
 */
export async function seedDemoPeople(db: Database, options: { organisationIds: Map<string, string>; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await seedSkillVocabularyIfEmpty(tx);
    const skillIds = new Map((await tx.select({ id: skills.id, slug: skills.slug }).from(skills)).map((row) => [row.slug, row.id]));

    const people: { userId: string; givenName: string; usualName: string; profile: DemoProfile }[] = [];
    const accountRows = await tx
      .select({ id: users.id, email: users.email, givenName: users.givenName, usualName: users.usualName })
      .from(users)
      .where(inArray(users.email, Object.keys(demoAccountProfiles)));
    for (const account of accountRows) {
      // A copy: proposals are added to its skills below, and the platform may be seeded more than once in a process.
      const profile = demoAccountProfiles[account.email]!;
      people.push({ userId: account.id, givenName: account.givenName ?? "", usualName: account.usualName ?? "", profile: { ...profile, skills: [...profile.skills] } });
    }

    const created = await tx
      .insert(users)
      .values(
        demoMembers.map((member) => ({
          email: `${slugify(member.givenName)}.${slugify(member.usualName)}@${member.domain}`,
          givenName: member.givenName,
          usualName: member.usualName,
          organisationId: options.organisationIds.get(member.organisationKey) ?? null,
        })),
      )
      .returning({ id: users.id, email: users.email });
    await tx.insert(userRoles).values(created.map((row) => ({ userId: row.id, role: "member" })));
    demoMembers.forEach((member, index) => {
      people.push({ userId: created[index]!.id, givenName: member.givenName, usualName: member.usualName, profile: generatedProfile(member, index) });
    });

    // Proposals first, so that their proposers can hold them like any other skill.
    for (const person of people) {
      for (const proposal of person.profile.proposals ?? []) {
        const [row] = await tx
          .insert(skills)
          .values({ slug: slugify(proposal.name), name: proposal.name, category: proposal.category, status: "proposed", proposedBy: person.userId })
          .returning({ id: skills.id });
        skillIds.set(slugify(proposal.name), row!.id);
        person.profile.skills.push([slugify(proposal.name), proposal.level]);
      }
    }

    // Skills before profiles: each profile's search document is then computed once, at its insert.
    const levels = people.flatMap((person) => person.profile.skills.map(([slug, level]) => ({ userId: person.userId, skillId: skillIds.get(slug)!, level })));
    await tx.insert(profileSkills).values(levels.filter((row) => row.skillId));

    const slugs = new Set<string>();
    await tx.insert(profiles).values(
      people.map((person, index) => {
        let slug = profileSlugBase(person.givenName, person.usualName);
        for (let suffix = 2; slugs.has(slug); suffix += 1) slug = `${profileSlugBase(person.givenName, person.usualName)}-${suffix}`;
        slugs.add(slug);
        // Joined over the two seasons and since, a few days apart.
        const joinedAt = new Date(Math.min(options.now.getTime(), Date.UTC(2022, 4, 16) + index * 19 * 24 * 3600 * 1000));
        const profile = person.profile;
        return {
          userId: person.userId,
          slug,
          jobFamily: profile.jobFamily,
          bio: profile.bio,
          learningWishes: profile.learningWishes ?? null,
          availability: profile.availability,
          forgeUrl: profile.forgeUrl ?? null,
          tchapId: profile.tchapId ?? null,
          managerName: profile.managerName ?? null,
          managerEmail: profile.managerEmail ?? null,
          visibility: profile.visibility ?? "members",
          charterAcceptedAt: joinedAt,
          onboardingStep: 4,
          joinedAt,
          createdAt: joinedAt,
          updatedAt: joinedAt,
        };
      }),
    );

    for (const person of people) {
      for (const participation of person.profile.participations) {
        const project = participation.project ? projects[participation.project] : null;
        await recordParticipation(tx, { userId: person.userId, season: participation.season, projectSlug: project?.slug ?? null, projectTitle: project?.title ?? null, role: participation.role ?? null });
      }
    }
  });
}

/** The e-mail addresses of the fictitious members (tests use them). */
export const demoMemberEmails = demoMembers.map((member) => ({ email: `${slugify(member.givenName)}.${slugify(member.usualName)}@${member.domain}`, visibility: member.visibility ?? "members" }));

