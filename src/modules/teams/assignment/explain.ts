import type { PassedOverReason, PlacementReason, RelaxedRule, UnplacedReason } from "./solve-assignment.ts";

/** French texts of the solver's explanations, shown to the programme team and mailed to members. */

type Names = { project(id: string): string; skill(id: string): string };
type RuleNames = Names & { ministry(id: string | null): string; member?(id: string): string };

const nbsp = "\u00a0";
const levelLabels: Record<number, string> = { 1: "curieux·se", 2: "connaît", 3: "expert·e" };
const numberWords = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"];

/** « 1er », « 2e », « 3e »… */
export const ordinal = (rank: number) => (rank === 1 ? "1er" : `${rank}e`);
const inWords = (count: number) => numberWords[count] ?? String(count);
const members = (count: number) => `${count}${nbsp}${count === 1 ? "membre" : "membres"}`;

function listing(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

const predicates: Record<PassedOverReason, [singular: string, plural: string]> = {
  full: ["était complet", "étaient complets"],
  mix: ["ne pouvait pas vous accueillir sans rompre la mixité interministérielle", "ne pouvaient pas vous accueillir sans rompre la mixité interministérielle"],
  skills: ["n’a pas été retenu : votre équipe avait besoin de votre compétence", "n’ont pas été retenus : votre équipe avait besoin de votre compétence"],
  balance: ["n’a pas été retenu pour équilibrer les équipes", "n’ont pas été retenus pour équilibrer les équipes"],
};

/**
 * « votre 1er vœu (Cartiflette) était complet ; vos 2e et 3e vœux (A, B) n’ont pas été retenus… »:
 * wishes grouped by reason, in the order of the first wish of each group. `all`: every wish of the member.
 */
function describePassedOver(passedOver: { projectId: string; why: PassedOverReason }[], names: Names, all: boolean): string {
  const ranked = passedOver.map((entry, index) => ({ ...entry, rank: index + 1 }));
  const groups: { why: PassedOverReason; wishes: typeof ranked }[] = [];
  for (const entry of ranked) {
    const group = groups.find((candidate) => candidate.why === entry.why);
    if (group) group.wishes.push(entry);
    else groups.push({ why: entry.why, wishes: [entry] });
  }
  return groups
    .map(({ why, wishes }) => {
      const titles = wishes.map((wish) => names.project(wish.projectId)).join(", ");
      const [singular, plural] = predicates[why];
      if (wishes.length === 1) return `${all && ranked.length === 1 ? "votre vœu" : `votre ${ordinal(wishes[0]!.rank)} vœu`} (${titles}) ${singular}`;
      const fromFirst = wishes.every((wish, index) => wish.rank === index + 1);
      const subject =
        all && wishes.length === ranked.length
          ? `vos ${inWords(wishes.length)} vœux`
          : fromFirst
            ? `vos ${inWords(wishes.length)} premiers vœux`
            : `vos ${listing(wishes.map((wish) => ordinal(wish.rank)))} vœux`;
      return `${subject} (${titles}) ${plural}`;
    })
    .join(`${nbsp}; `);
}

/** « 1er vœu », « 3e vœu : vos deux premiers vœux (A, B) étaient complets », « porteur·euse du projet »… */
export function describePlacement(reason: PlacementReason, names: Names): string {
  switch (reason.kind) {
    case "wish":
      return reason.passedOver.length === 0 ? `${ordinal(reason.rank)} vœu` : `${ordinal(reason.rank)} vœu${nbsp}: ${describePassedOver(reason.passedOver, names, false)}`;
    case "skill":
      return `placé·e pour couvrir la compétence ${names.skill(reason.skillId)}${reason.rank === null ? "" : ` (${ordinal(reason.rank)} vœu)`}`;
    case "any_project":
      return `n’importe quel projet${nbsp}: placé·e où vous êtes utile`;
    case "fixed":
      return { lead: "porteur·euse du projet", lock: "verrouillé·e par l’équipe du programme", priority: `priorité${nbsp}: poursuit son projet de la saison précédente` }[reason.fixedKind];
  }
}

/**
 * The same explanation said of the member to the programme team: « son 1er vœu (A) était complet » for
 * « votre 1er vœu (A) était complet ». The texts above use a closed vocabulary, which this follows.
 */
export function inThirdPerson(text: string): string {
  return text
    .replace(/votre équipe avait besoin de votre compétence/g, "son équipe avait besoin de sa compétence")
    .replace(/vous accueillir/g, "l’accueillir")
    .replace(/où vous êtes utile/g, "où il ou elle est utile")
    .replace(/\bvotre /g, "son ")
    .replace(/\bvos /g, "ses ");
}

/** « non placé·e : aucun vœu exprimé », « non placé·e : vos deux vœux (A, B) étaient complets ». */
export function describeUnplaced(reason: UnplacedReason, names: Names): string {
  if (reason.kind === "no_wish") return `non placé·e${nbsp}: aucun vœu exprimé`;
  if (reason.passedOver.length === 0) return `non placé·e${nbsp}: aucune équipe ne pouvait vous accueillir`;
  return `non placé·e${nbsp}: ${describePassedOver(reason.passedOver, names, true)}`;
}

function shareText(share: number | undefined): string {
  if (share === undefined || Math.abs(share - 0.5) < 1e-9) return "la moitié";
  if (Math.abs(share - 1 / 3) < 1e-6) return "le tiers";
  if (Math.abs(share - 2 / 3) < 1e-6) return "les deux tiers";
  if (Math.abs(share - 0.25) < 1e-9) return "le quart";
  return `${Math.round(share * 100)}${nbsp}%`;
}

/** « Cartiflette : taille minimale non atteinte (2 membres manquent) — règle relâchée »… */
export function describeRelaxedRule(rule: RelaxedRule, names: RuleNames): string {
  const text = ((): string => {
    switch (rule.rule) {
      case "min_size":
        return `taille minimale non atteinte (${members(rule.missing)} ${rule.missing === 1 ? "manque" : "manquent"})`;
      case "max_size":
        return `taille maximale dépassée (${members(rule.missing)} de trop)`;
      case "required_skill":
        return `la compétence ${names.skill(rule.skillId)} (niveau ${levelLabels[rule.level] ?? rule.level}) n’est couverte par aucun membre ayant fait un vœu`;
      case "min_ministries":
        return `moins de ${inWords(rule.minimum ?? 2)} ministères`;
      case "max_ministry_share":
        return `plus de ${shareText(rule.share)} de l’équipe vient d’un même ministère (${names.ministry(rule.ministryId)})`;
      case "lock":
        return `le placement fixé de ${names.member ? names.member(rule.memberId) : rule.memberId} n’a pas pu être appliqué`;
    }
  })();
  return `${names.project(rule.projectId)}${nbsp}: ${text} — règle relâchée`;
}
