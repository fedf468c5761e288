/** The three criteria of the programme's framing template, each scored 0–3 by reviewers with this rubric. */
export const criteria = [
  {
    key: "commonInterest",
    label: "Intérêt commun",
    question: "Le problème se pose-t-il à plusieurs administrations, et la solution leur servira-t-elle\u00a0?",
    rubric: [
      "0 — Le besoin ne concerne qu’une seule équipe.",
      "1 — D’autres administrations pourraient être concernées, sans l’avoir exprimé.",
      "2 — Au moins une autre administration a exprimé le même besoin («\u00a0Nous aussi\u00a0»).",
      "3 — Plusieurs administrations, de ministères différents, portent le besoin et s’engagent.",
    ],
  },
  {
    key: "immediateNeed",
    label: "Besoin immédiat",
    question: "Des utilisateurs nommés attendent-ils le résultat, avec des indicateurs de succès mesurables\u00a0?",
    rubric: [
      "0 — Aucun utilisateur identifié, le besoin reste théorique.",
      "1 — Des utilisateurs probables, sans indicateur de succès.",
      "2 — Des utilisateurs nommés et un impact décrit, indicateurs encore vagues.",
      "3 — Des utilisateurs nommés, un impact chiffré et des indicateurs mesurables dans la saison.",
    ],
  },
  {
    key: "openness",
    label: "Ouverture",
    question: "Les données sont-elles accessibles et le code sera-t-il publié sous licence libre\u00a0?",
    rubric: [
      "0 — Données inaccessibles et code fermé.",
      "1 — Données accessibles sous conditions à préciser, publication du code incertaine.",
      "2 — Données accessibles aux participants, code publié sous licence libre.",
      "3 — Données ouvertes ou d’accès organisé, code public dès le début sous licence libre.",
    ],
  },
] as const;

export type CriterionKey = (typeof criteria)[number]["key"];
export type Scores = Record<CriterionKey, number>;
