/**
 * The « fiche de cadrage » follows the programme's « Atelier avant-projet » template: a short summary
 * (« Résumé ») then one text per question. Keys in English (stored in `workspace_framings.content`),
 * labels in French.
 */
export const framingSections = [
  { key: "summary", label: "Résumé", hint: "En quelques phrases\u00a0: ce que fait le projet, pour qui.", max: 500, rows: 3 },
  { key: "problem", label: "Problème à résoudre", hint: "Le besoin ou la difficulté que le projet veut lever.", max: 5000, rows: 6 },
  { key: "users", label: "Utilisateurs et user stories", hint: "Qui utilisera le résultat, et pour faire quoi («\u00a0En tant que…, je veux…, afin de…\u00a0»).", max: 5000, rows: 6 },
  { key: "impact", label: "Impact attendu et indicateurs de réussite", hint: "Ce qui changera, et comment le mesurer.", max: 5000, rows: 5 },
  { key: "skills", label: "Compétences clés", hint: "Les compétences dont l’équipe a besoin.", max: 5000, rows: 4 },
  { key: "stateOfTheArt", label: "État de l’art", hint: "Ce qui existe déjà, ici ou ailleurs.", max: 5000, rows: 5 },
  { key: "dataSources", label: "Sources de données", hint: "Les données utilisées, leur accès et leurs conditions.", max: 5000, rows: 5 },
  { key: "technologies", label: "Technologies et infrastructure", hint: "Par exemple SSP Cloud / Onyxia, langages, bibliothèques.", max: 5000, rows: 4 },
  { key: "deliverable", label: "Livrable", hint: "Ce que l’équipe remettra à la fin de la saison.", max: 5000, rows: 4 },
  { key: "milestones", label: "Jalons envisagés", hint: "Les grandes étapes de la saison.", max: 5000, rows: 4 },
  { key: "quickWins", label: "Quick wins", hint: "Les premiers résultats atteignables vite.", max: 5000, rows: 4 },
  { key: "maintenance", label: "Maintenance à long terme", hint: "Qui fera vivre le résultat après la saison, et comment.", max: 5000, rows: 4 },
  { key: "channels", label: "Canaux de communication", hint: "Où l’équipe échange\u00a0: salon Tchap, liste de diffusion, forge…", max: 5000, rows: 3 },
] as const;

export type FramingSectionKey = (typeof framingSections)[number]["key"];
/** The text of every section (empty when not filled). */
export type FramingContent = Record<FramingSectionKey, string>;

/** The sections the team may show on the public project page. */
export const publicSectionKeys = ["summary", "deliverable"] as const;
export type PublicSectionKey = (typeof publicSectionKeys)[number];

/** The section required on every version. */
export const requiredSectionKey: FramingSectionKey = "problem";

export const maxReviewNoteLength = 1000;

export function sectionLabel(key: FramingSectionKey): string {
  return framingSections.find((section) => section.key === key)!.label;
}

/** Reads a stored `content` (jsonb) back, keeping only the template's keys and strings. */
export function framingContentOf(raw: unknown): FramingContent {
  const source = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const content = {} as FramingContent;
  for (const section of framingSections) {
    const value = source[section.key];
    content[section.key] = typeof value === "string" ? value : "";
  }
  return content;
}

export function publicSectionsOf(raw: readonly string[]): PublicSectionKey[] {
  return publicSectionKeys.filter((key) => raw.includes(key));
}
