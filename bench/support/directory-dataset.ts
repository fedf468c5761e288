// The directory benchmark's synthetic community: French names, organisations in a three-level hierarchy
// (ministry → directorate or agency → service), skill mixes by job family with levels, bios and
// learning wishes, a few hidden, unfinished and erased profiles, and seasons and projects.
// Deterministic (seeded generator) and bulk-loaded with multi-row INSERT … SELECT FROM unnest(…).
import os from "node:os";
import type { DatabaseHandle } from "../../src/db/client.ts";
import { type JobFamily, skillVocabulary } from "../../src/modules/people/api.ts";

export type DirectoryDatasetSummary = {
  organisations: number;
  profiles: number;
  profileSkills: number;
  participations: number;
  milliseconds: number;
  /** Milliseconds per step: generating the rows, accounts, skill levels, profiles (with their search documents). */
  steps: Record<string, number>;
};

/** The accounts the bench signs in with: a member and a programme team member (with profiles). */
export const benchAccounts = {
  member: { email: "membre.banc@numerique.gouv.fr", givenName: "Alix", usualName: "Banc" },
  team: { email: "equipe.banc@numerique.gouv.fr", givenName: "Dominique", usualName: "Banc" },
};

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const givenNames = (
  "Camille Léa Manon Chloé Emma Inès Jade Louise Alice Lina Sarah Juliette Zoé Lucie Anaïs Clara Mathilde Élise Margaux Pauline Marie Anne Sophie Claire " +
  "Isabelle Nathalie Céline Aurélie Émilie Hélène Laure Agnès Béatrice Mélanie Noémie Océane Salomé Yasmine Fatou Aïcha Mei Nadia Amandine Solène Maëlle " +
  "Lucas Hugo Louis Gabriel Arthur Jules Adam Raphaël Léo Nathan Thomas Nicolas Julien Antoine Maxime Alexandre Pierre Paul Vincent Guillaume François " +
  "Olivier Sébastien Mathieu Romain Benoît Jérôme Stéphane Frédéric Cédric Yann Loïc Théo Bastien Clément Damien Karim Mehdi Samir Youssef Moussa Wei " +
  "Jean Éric Hervé Gaël Noël Joël Aurélien Grégoire Tristan Étienne Baptiste Quentin Florian Kévin Dominique Claude"
).split(" ");

const usualNames = (
  "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefèbvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet " +
  "Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia " +
  "Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun " +
  "Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martínez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger " +
  "Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq Guillaume Lecomte Lopez Jean " +
  "Dupuy Guillot Hubert Berger Carpentier Sánchez Dupuis Moulin Louis Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein Jacquet Adam Paris Poirier " +
  "Marty Aubry Guyot Carré Charles Renault Charpentier Ménard Maillard Baron Bertin Bailly Hervé Schneider Fernandez Le Gall Collet Léger Bouvier Julien " +
  "Prévost Millet Perrot Daniel Le Roux Cousin Germain Breton Besson Langlois Rémy Le Goff Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber " +
  "Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier Collin Chauvin Da Silva Bouchet Gay " +
  "Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier Laporte " +
  "Benali Diallo Traoré Nguyen Haddad Mansouri Chérif Belkacem Ouali Kaci Cissé Ndiaye Tran Zhang"
).split(" ");

type OrganisationSeed = { name: string; acronym: string | null; bodies: { name: string; acronym: string | null }[] };

const ministries: OrganisationSeed[] = [
  { name: "Ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique", acronym: "MEFSIN", bodies: [
    { name: "Institut national de la statistique et des études économiques", acronym: "Insee" },
    { name: "Direction générale des Finances publiques", acronym: "DGFiP" },
    { name: "Direction générale des Douanes et Droits indirects", acronym: "DGDDI" },
    { name: "Direction générale du Trésor", acronym: "DG Trésor" },
    { name: "Direction générale des Entreprises", acronym: "DGE" },
  ] },
  { name: "Ministère de la Transformation et de la Fonction publiques", acronym: "MTFP", bodies: [
    { name: "Direction interministérielle du numérique", acronym: "DINUM" },
    { name: "Direction générale de l’Administration et de la Fonction publique", acronym: "DGAFP" },
    { name: "Direction interministérielle de la Transformation publique", acronym: "DITP" },
  ] },
  { name: "Ministère de l’Intérieur et des Outre-mer", acronym: "MIOM", bodies: [
    { name: "Gendarmerie nationale", acronym: null },
    { name: "Direction générale de la Police nationale", acronym: "DGPN" },
    { name: "Direction générale des Collectivités locales", acronym: "DGCL" },
    { name: "Agence nationale des titres sécurisés", acronym: "ANTS" },
  ] },
  { name: "Ministère de la Transition écologique et de la Cohésion des territoires", acronym: "MTECT", bodies: [
    { name: "Institut national de l’information géographique et forestière", acronym: "IGN" },
    { name: "Service des données et études statistiques", acronym: "SDES" },
    { name: "Météo-France", acronym: null },
    { name: "Centre d’études et d’expertise sur les risques, l’environnement, la mobilité et l’aménagement", acronym: "Cerema" },
    { name: "Office français de la biodiversité", acronym: "OFB" },
  ] },
  { name: "Ministère du Travail, de la Santé et des Solidarités", acronym: "MTSS", bodies: [
    { name: "Direction de la recherche, des études, de l’évaluation et des statistiques", acronym: "DREES" },
    { name: "Direction de l’animation de la recherche, des études et des statistiques", acronym: "DARES" },
    { name: "Caisse nationale de l’Assurance maladie", acronym: "CNAM" },
    { name: "Santé publique France", acronym: null },
    { name: "France Travail", acronym: null },
    { name: "Agence du numérique en santé", acronym: "ANS" },
  ] },
  { name: "Ministère de l’Agriculture et de la Souveraineté alimentaire", acronym: "MASA", bodies: [
    { name: "Service de la statistique et de la prospective", acronym: "SSP" },
    { name: "Direction générale de l’Alimentation", acronym: "DGAL" },
    { name: "Agence de services et de paiement", acronym: "ASP" },
  ] },
  { name: "Ministère des Armées", acronym: null, bodies: [
    { name: "Direction générale de l’Armement", acronym: "DGA" },
    { name: "Agence ministérielle pour l’intelligence artificielle de défense", acronym: "AMIAD" },
    { name: "Secrétariat général pour l’administration", acronym: "SGA" },
  ] },
  { name: "Ministère de la Justice", acronym: null, bodies: [
    { name: "Direction des services judiciaires", acronym: "DSJ" },
    { name: "Direction de l’administration pénitentiaire", acronym: "DAP" },
    { name: "Service de la statistique, des études et de la recherche", acronym: "SSER" },
  ] },
  { name: "Ministère de la Culture", acronym: null, bodies: [
    { name: "Bibliothèque nationale de France", acronym: "BnF" },
    { name: "Département des études, de la prospective et des statistiques", acronym: "DEPS" },
    { name: "Archives nationales", acronym: null },
  ] },
  { name: "Ministère de l’Éducation nationale", acronym: "MEN", bodies: [
    { name: "Direction de l’évaluation, de la prospective et de la performance", acronym: "DEPP" },
    { name: "Direction du numérique pour l’éducation", acronym: "DNE" },
    { name: "Direction générale de l’Enseignement scolaire", acronym: "DGESCO" },
  ] },
  { name: "Ministère de l’Enseignement supérieur et de la Recherche", acronym: "MESR", bodies: [
    { name: "Sous-direction des systèmes d’information et des études statistiques", acronym: "SIES" },
    { name: "Agence de mutualisation des universités et établissements", acronym: "Amue" },
  ] },
  { name: "Ministère de l’Europe et des Affaires étrangères", acronym: "MEAE", bodies: [
    { name: "Direction du numérique", acronym: "DNUM" },
    { name: "Centre d’analyse, de prévision et de stratégie", acronym: "CAPS" },
  ] },
  { name: "Ministère des Sports, de la Jeunesse et de la Vie associative", acronym: null, bodies: [
    { name: "Institut national de la jeunesse et de l’éducation populaire", acronym: "INJEP" },
    { name: "Agence nationale du sport", acronym: "ANS Sport" },
  ] },
  { name: "Services du Premier ministre", acronym: "SPM", bodies: [
    { name: "Secrétariat général pour la planification écologique", acronym: "SGPE" },
    { name: "France Stratégie", acronym: null },
    { name: "Agence nationale de la sécurité des systèmes d’information", acronym: "ANSSI" },
  ] },
];

const serviceNames = [
  "Bureau de la donnée",
  "Département des méthodes statistiques",
  "Service du numérique",
  "Laboratoire d’innovation",
  "Bureau des études et de l’évaluation",
  "Mission cartographie",
  "Pôle intelligence artificielle",
  "Département des systèmes d’information",
  "Bureau des statistiques régionales",
];

type Skill = (typeof skillVocabulary)[number]["slug"];
/** [skill, probability of having it, probabilities of curieux·se / je connais (expert·e: the rest)]. */
type SkillWeight = [Skill, number, number, number];

const skillMixes: Record<JobFamily, SkillWeight[]> = {
  data_scientist: [
    ["python", 0.9, 0.1, 0.45], ["r", 0.35, 0.3, 0.45], ["sql", 0.7, 0.15, 0.55], ["git", 0.7, 0.2, 0.6], ["apprentissage-supervise", 0.8, 0.15, 0.45],
    ["apprentissage-profond", 0.45, 0.35, 0.4], ["apprentissage-non-supervise", 0.4, 0.3, 0.5], ["fouille-de-textes", 0.3, 0.35, 0.4], ["classification-de-textes", 0.25, 0.3, 0.45],
    ["llm", 0.35, 0.45, 0.35], ["rag", 0.2, 0.5, 0.3], ["dataviz", 0.4, 0.3, 0.5], ["series-temporelles", 0.25, 0.3, 0.5], ["econometrie", 0.15, 0.4, 0.4],
    ["mlops", 0.2, 0.5, 0.35], ["conteneurs", 0.25, 0.4, 0.45], ["vision-par-ordinateur", 0.15, 0.35, 0.4], ["appariement", 0.1, 0.3, 0.5],
    ["prompts", 0.2, 0.4, 0.4], ["cloud", 0.3, 0.4, 0.45], ["spark", 0.15, 0.4, 0.45], ["entites-nommees", 0.1, 0.3, 0.45],
  ],
  data_engineer: [
    ["python", 0.8, 0.1, 0.5], ["sql", 0.9, 0.05, 0.45], ["chaines-de-traitement", 0.85, 0.1, 0.45], ["spark", 0.5, 0.3, 0.45], ["bases-de-donnees", 0.8, 0.1, 0.5],
    ["modelisation-de-donnees", 0.6, 0.2, 0.5], ["api-de-donnees", 0.5, 0.2, 0.55], ["conteneurs", 0.6, 0.2, 0.5], ["integration-continue", 0.5, 0.25, 0.5], ["cloud", 0.55, 0.25, 0.5],
    ["git", 0.85, 0.05, 0.5], ["qualite-des-donnees", 0.45, 0.25, 0.5], ["mlops", 0.2, 0.45, 0.4], ["collecte-web", 0.2, 0.3, 0.5], ["javascript", 0.2, 0.4, 0.45],
  ],
  data_analyst: [
    ["sql", 0.85, 0.1, 0.55], ["python", 0.5, 0.3, 0.5], ["r", 0.3, 0.3, 0.5], ["dataviz", 0.75, 0.1, 0.5], ["tableaux-de-bord", 0.7, 0.1, 0.5],
    ["qualite-des-donnees", 0.4, 0.25, 0.5], ["sas", 0.15, 0.3, 0.45], ["statistique-publique", 0.15, 0.4, 0.45], ["sondages", 0.1, 0.4, 0.45],
    ["ouverture-des-donnees", 0.25, 0.3, 0.5], ["git", 0.3, 0.4, 0.45],
  ],
  statistician: [
    ["r", 0.75, 0.1, 0.45], ["sas", 0.5, 0.15, 0.45], ["python", 0.45, 0.35, 0.45], ["sql", 0.5, 0.25, 0.55], ["sondages", 0.6, 0.15, 0.45],
    ["econometrie", 0.55, 0.2, 0.45], ["series-temporelles", 0.4, 0.25, 0.45], ["statistique-publique", 0.6, 0.1, 0.4], ["secret-statistique", 0.35, 0.3, 0.45],
    ["dataviz", 0.3, 0.3, 0.5], ["appariement", 0.2, 0.3, 0.45], ["git", 0.35, 0.4, 0.45],
  ],
  developer: [
    ["javascript", 0.8, 0.05, 0.45], ["python", 0.45, 0.3, 0.45], ["sql", 0.6, 0.2, 0.55], ["git", 0.9, 0.02, 0.4], ["api-de-donnees", 0.6, 0.15, 0.5],
    ["conteneurs", 0.6, 0.2, 0.5], ["integration-continue", 0.6, 0.2, 0.5], ["d3js", 0.2, 0.4, 0.4], ["logiciel-libre", 0.5, 0.3, 0.45], ["bases-de-donnees", 0.4, 0.3, 0.5],
    ["cloud", 0.3, 0.35, 0.45], ["recherche-utilisateur", 0.1, 0.5, 0.35],
  ],
  data_project_lead: [
    ["gestion-de-produit", 0.7, 0.15, 0.5], ["methodes-agiles", 0.7, 0.15, 0.5], ["recherche-utilisateur", 0.4, 0.3, 0.5], ["animation", 0.55, 0.2, 0.5],
    ["rgpd", 0.45, 0.3, 0.5], ["ouverture-des-donnees", 0.45, 0.25, 0.5], ["ethique-ia", 0.3, 0.45, 0.4], ["achat-public", 0.3, 0.3, 0.5],
    ["tableaux-de-bord", 0.25, 0.4, 0.45], ["sql", 0.2, 0.5, 0.4], ["python", 0.15, 0.6, 0.3], ["llm", 0.2, 0.6, 0.3],
  ],
  other: [
    ["sig", 0.5, 0.2, 0.45], ["cartographie", 0.5, 0.2, 0.45], ["teledetection", 0.25, 0.35, 0.4], ["geocodage", 0.3, 0.3, 0.45], ["python", 0.4, 0.35, 0.45],
    ["sql", 0.3, 0.35, 0.45], ["r", 0.2, 0.4, 0.4], ["rgpd", 0.2, 0.4, 0.4], ["ouverture-des-donnees", 0.3, 0.35, 0.45], ["animation", 0.2, 0.4, 0.4],
  ],
};

const jobShares: [JobFamily, number][] = [
  ["data_scientist", 0.28], ["data_engineer", 0.16], ["data_analyst", 0.17], ["statistician", 0.14], ["developer", 0.12], ["data_project_lead", 0.08], ["other", 0.05],
];

const jobPhrases: Record<JobFamily, string> = {
  data_scientist: "Data scientist",
  data_engineer: "Ingénieur·e des données",
  data_analyst: "Data analyst",
  statistician: "Statisticien·ne",
  developer: "Développeur·se",
  data_project_lead: "Cheffe ou chef de projet data",
  other: "Chargé·e de mission",
};

const topics = [
  "la qualité des données de santé", "la prévision des recettes fiscales", "la cartographie des risques naturels", "l’analyse des marchés publics",
  "la détection d’anomalies dans les déclarations", "les enquêtes auprès des ménages", "l’ouverture des données publiques", "l’appariement de fichiers administratifs",
  "les tableaux de bord de pilotage", "la classification automatique de courriers", "l’occupation des sols par imagerie satellite", "les statistiques de l’emploi",
  "la mobilité et les transports", "la consommation d’énergie des bâtiments", "la pseudonymisation de décisions de justice", "les indicateurs de la biodiversité",
  "le suivi des politiques prioritaires", "les données scolaires", "la modélisation des finances locales", "la fréquentation des musées",
];

const wishes = [
  "apprendre l’apprentissage profond", "progresser en visualisation de données", "découvrir les grands modèles de langage", "mieux connaître la statistique publique",
  "me former à l’ingénierie des données", "découvrir la géomatique", "travailler en méthode agile", "contribuer au logiciel libre", "mettre des modèles en production",
  "comprendre le RGPD", "apprendre Rust", "monter en compétence sur Spark",
];

const seasons = ["2022", "2023", "2024"];
const projects = [
  ["cartiflette", "Cartiflette"], ["chartsgouv", "ChartsGouv"], ["scribe", "Scribe"], ["tracker-mobilite", "Suivi des mobilités"], ["eig-ia", "Assistant IA des agents"],
  ["pseudo-jurisprudence", "Pseudonymisation des jugements"], ["qualite-adresses", "Qualité des adresses"], ["dataviz-budget", "Budget en clair"],
  ["detection-fraudes", "Détection de fraudes"], ["offres-emploi", "Analyse des offres d’emploi"], ["biodiv-indicateurs", "Indicateurs de biodiversité"],
  ["energie-batiments", "Énergie des bâtiments"],
] as const;

const uuidFor = (prefix: string, index: number) => `${prefix}-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;

/** The first ministry of the set (economy and finance), for the bench's filter combination. */
export const directoryBenchMinistryId = uuidFor("0a000000", 0);

function slugify(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

type Columns = Record<string, { type: string; values: unknown[] }>;

/**
 * One `INSERT … SELECT * FROM unnest($1::type[], …)` per chunk of rows: a few round trips for the whole
 * set. On PostgreSQL, chunks go in on as many connections as there are cores (the profiles' search
 * trigger is CPU-bound); PGlite has one connection.
 */
async function bulkInsert(handle: DatabaseHandle, table: string, columns: Columns, chunkSize = 10_000) {
  const names = Object.keys(columns);
  const length = columns[names[0]!]!.values.length;
  const text = `insert into ${table} (${names.join(", ")}) select * from unnest(${names.map((name, index) => `$${index + 1}::${columns[name]!.type}[]`).join(", ")})`;
  const starts = Array.from({ length: Math.ceil(length / chunkSize) }, (_, index) => index * chunkSize);
  const lanes = handle.pool ? Math.max(1, os.availableParallelism()) : 1;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let index = lane; index < starts.length; index += lanes) {
        const start = starts[index]!;
        await query(
          handle,
          text,
          names.map((name) => columns[name]!.values.slice(start, start + chunkSize)),
        );
      }
    }),
  );
}

async function query(handle: DatabaseHandle, text: string, params: unknown[] = []): Promise<void> {
  if (handle.pglite) await handle.pglite.query(text, params);
  else if (handle.pool) await handle.pool.query(text, params);
  else throw new Error("No database client");
}

/**
 * Loads `count` synthetic profiles (plus the organisations, skills and the two bench accounts) into a
 * migrated, empty database. Skills and levels go in before the profiles, so that the profiles'
 * search trigger computes each document once, on insert.
 */
export async function buildDirectoryDataset(handle: DatabaseHandle, count: number, seed = 10): Promise<DirectoryDatasetSummary> {
  const started = performance.now();
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const organisations: Columns = { id: { type: "uuid", values: [] }, name: { type: "text", values: [] }, acronym: { type: "text", values: [] }, kind: { type: "text", values: [] }, parent_id: { type: "uuid", values: [] }, ministry_id: { type: "uuid", values: [] } };
  const leafOrganisations: { id: string; domain: string }[] = [];
  const addOrganisation = (name: string, acronym: string | null, kind: string, parentId: string | null, ministryId: string | null) => {
    const id = uuidFor("0a000000", organisations.id!.values.length);
    organisations.id!.values.push(id);
    organisations.name!.values.push(name);
    organisations.acronym!.values.push(acronym);
    organisations.kind!.values.push(kind);
    organisations.parent_id!.values.push(parentId);
    organisations.ministry_id!.values.push(ministryId ?? id);
    return id;
  };
  for (const ministry of ministries) {
    const ministryId = addOrganisation(ministry.name, ministry.acronym, "ministry", null, null);
    for (const body of ministry.bodies) {
      const bodyId = addOrganisation(body.name, body.acronym, "body", ministryId, ministryId);
      const domain = `${slugify(body.acronym ?? body.name).slice(0, 20)}.gouv.fr`;
      leafOrganisations.push({ id: bodyId, domain });
      for (const service of serviceNames.filter(() => random() < 0.45)) {
        leafOrganisations.push({ id: addOrganisation(`${service} (${body.acronym ?? body.name})`, null, "service", bodyId, ministryId), domain });
      }
    }
  }
  await bulkInsert(handle, "organisations", organisations);

  const vocabulary = skillVocabulary.map((skill, index) => ({ ...skill, id: uuidFor("05000000", index) }));
  const skillIds = new Map(vocabulary.map((skill) => [skill.slug, skill.id]));
  const unknown = Object.values(skillMixes).flatMap((mix) => mix.map(([slug]) => slug).filter((slug) => !skillIds.has(slug)));
  if (unknown.length > 0) throw new Error(`Skills of the synthetic mixes missing from the vocabulary: ${[...new Set(unknown)].join(", ")}`);
  // A text[][] parameter must be rectangular: synonyms travel joined by « | » and are split in SQL.
  await query(
    handle,
    `insert into skills (id, slug, name, category, synonyms)
     select id, slug, name, category, case when synonyms = '' then '{}'::text[] else string_to_array(synonyms, '|') end
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(id, slug, name, category, synonyms)`,
    [vocabulary.map((skill) => skill.id), vocabulary.map((skill) => skill.slug), vocabulary.map((skill) => skill.name), vocabulary.map((skill) => skill.category), vocabulary.map((skill) => skill.synonyms.join("|"))],
  );

  const users: Columns = { id: { type: "uuid", values: [] }, email: { type: "text", values: [] }, given_name: { type: "text", values: [] }, usual_name: { type: "text", values: [] }, organisation_id: { type: "uuid", values: [] }, erased_at: { type: "timestamptz", values: [] } };
  const profiles: Columns = {
    user_id: { type: "uuid", values: [] }, slug: { type: "text", values: [] }, job_family: { type: "text", values: [] }, bio: { type: "text", values: [] },
    learning_wishes: { type: "text", values: [] }, visibility: { type: "text", values: [] }, onboarding_step: { type: "int", values: [] },
    joined_at: { type: "timestamptz", values: [] }, charter_accepted_at: { type: "timestamptz", values: [] },
  };
  const profileSkills: Columns = { user_id: { type: "uuid", values: [] }, skill_id: { type: "uuid", values: [] }, level: { type: "smallint", values: [] } };
  const participations: Columns = { user_id: { type: "uuid", values: [] }, season: { type: "text", values: [] }, project_slug: { type: "text", values: [] }, project_title: { type: "text", values: [] } };

  const joined = "2024-09-01T08:00:00Z";
  const addPerson = (index: number, person: { email?: string; givenName?: string; usualName?: string; visibility?: string; joined?: boolean; erased?: boolean }) => {
    const id = uuidFor("0b000000", index);
    const organisation = pick(leafOrganisations);
    const givenName = person.givenName ?? pick(givenNames);
    const usualName = person.usualName ?? pick(usualNames);
    let share = random();
    const job = jobShares.find(([, weight]) => (share -= weight) < 0)?.[0] ?? "other";
    users.id!.values.push(id);
    users.email!.values.push(person.email ?? `${slugify(givenName)}.${slugify(usualName)}.${index}@${organisation.domain}`);
    users.given_name!.values.push(givenName);
    users.usual_name!.values.push(usualName);
    users.organisation_id!.values.push(organisation.id);
    users.erased_at!.values.push(person.erased ? joined : null);
    const isJoined = person.joined ?? true;
    profiles.user_id!.values.push(id);
    profiles.slug!.values.push(`${slugify(`${givenName}-${usualName}`)}-${index}`);
    profiles.job_family!.values.push(job);
    profiles.bio!.values.push(`${jobPhrases[job]}, je travaille sur ${pick(topics)} et ${pick(topics)}. ${random() < 0.5 ? "Disponible pour des revues de code et des ateliers." : "Curieux·se de projets interministériels."}`);
    profiles.learning_wishes!.values.push(`J’aimerais ${pick(wishes)}.`);
    profiles.visibility!.values.push(person.visibility ?? "members");
    profiles.onboarding_step!.values.push(isJoined ? 4 : 2);
    profiles.joined_at!.values.push(isJoined ? joined : null);
    profiles.charter_accepted_at!.values.push(isJoined ? joined : null);
    for (const [slug, probability, curious, knows] of skillMixes[job]) {
      if (random() >= probability) continue;
      const roll = random();
      profileSkills.user_id!.values.push(id);
      profileSkills.skill_id!.values.push(skillIds.get(slug));
      profileSkills.level!.values.push(roll < curious ? 1 : roll < curious + knows ? 2 : 3);
    }
    if (random() < 0.08) {
      const [projectSlug, projectTitle] = pick(projects);
      participations.user_id!.values.push(id);
      participations.season!.values.push(pick(seasons));
      participations.project_slug!.values.push(projectSlug);
      participations.project_title!.values.push(projectTitle);
    }
    return id;
  };

  const memberId = addPerson(0, benchAccounts.member);
  const teamId = addPerson(1, { ...benchAccounts.team, visibility: "programme_team" });
  for (let index = 2; index < count; index++) {
    // 6 % keep their profile for the programme team, 2 % are still in the joining wizard, 0.5 % erased their account.
    const roll = random();
    addPerson(index, { visibility: roll < 0.06 ? "programme_team" : "members", joined: roll < 0.06 || roll >= 0.08, erased: roll >= 0.995 });
  }

  const steps: Record<string, number> = {};
  let stepStarted = started;
  const step = (name: string) => {
    steps[name] = Math.round(performance.now() - stepStarted);
    stepStarted = performance.now();
  };
  step("generate");
  await bulkInsert(handle, "users", users);
  await bulkInsert(handle, "user_roles", {
    user_id: { type: "uuid", values: [memberId, teamId, teamId] },
    role: { type: "text", values: ["member", "member", "programme_team"] },
  });
  // Levels first, then profiles: the profile trigger reads the person's skills once, when the profile is inserted.
  step("accounts");
  await bulkInsert(handle, "profile_skills", profileSkills, 50_000);
  await bulkInsert(handle, "participations", participations);
  step("skill levels");
  await bulkInsert(handle, "profiles", profiles, 5_000);
  step("profiles");
  // What autovacuum does soon after such a load: statistics for the planner, and the visibility map that
  // lets the directory read users and skill levels from their indexes alone (index-only scans).
  await query(handle, "vacuum analyze");
  step("vacuum and analyze");
  return {
    organisations: organisations.id!.values.length,
    profiles: count,
    profileSkills: profileSkills.user_id!.values.length,
    participations: participations.user_id!.values.length,
    milliseconds: Math.round(performance.now() - started),
    steps,
  };
}
