/** The season's working phases a milestone is placed in, in order, with the key of the season's phase that dates it. */
export const milestonePhases = [
  { key: "investigation", label: "Investigation", seasonPhaseKey: "investigation" },
  { key: "construction", label: "Construction", seasonPhaseKey: "construction" },
  { key: "amplification", label: "Amplification", seasonPhaseKey: "amplification" },
  // The season's last phase is keyed `closing` (« Restitution ») in src/modules/seasons.
  { key: "restitution", label: "Restitution", seasonPhaseKey: "closing" },
] as const;
export type MilestonePhase = (typeof milestonePhases)[number]["key"];

export const MilestoneStates = { todo: "todo", doing: "doing", done: "done", dropped: "dropped" } as const;
export type MilestoneState = (typeof MilestoneStates)[keyof typeof MilestoneStates];

export const milestoneStateLabels: Record<MilestoneState, string> = { todo: "À faire", doing: "En cours", done: "Fait", dropped: "Abandonné" };

export function isMilestonePhase(value: string): value is MilestonePhase {
  return milestonePhases.some((phase) => phase.key === value);
}

export function isMilestoneState(value: string): value is MilestoneState {
  return Object.hasOwn(milestoneStateLabels, value);
}
