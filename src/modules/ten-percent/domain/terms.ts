/**
 * The terms of a « convention 10 % » (issue 16, ADR 0035): the share of time, the period and the projects,
 * and what they make of a budget. Pure.
 */

/** `ten_percent`: the programme's 10 %, about two afternoons a month; `half_days`: a number of half-days a month agreed. */
export const shareKinds = ["ten_percent", "half_days"] as const;
export type ShareKind = (typeof shareKinds)[number];

/** The programme's 10 %: two half-days a month (« environ deux après-midi par mois »). */
export const tenPercentHalfDaysPerMonth = 2;
export const maxHalfDaysPerMonth = 10;

export type AgreementProject = { projectId: string | null; title: string };

export type AgreementTerms = {
  shareKind: ShareKind;
  halfDaysPerMonth: number;
  startsOn: string;
  endsOn: string;
  /** Empty: « à définir ». */
  projects: AgreementProject[];
  managerName: string;
  managerEmail: string;
};

export function budgetPerMonth(terms: Pick<AgreementTerms, "shareKind" | "halfDaysPerMonth">): number {
  return terms.shareKind === "ten_percent" ? tenPercentHalfDaysPerMonth : terms.halfDaysPerMonth;
}

/** « 10 % (2 demi-journées par mois) » or « 3 demi-journées par mois ». */
export function shareLabel(terms: Pick<AgreementTerms, "shareKind" | "halfDaysPerMonth">): string {
  const perMonth = budgetPerMonth(terms);
  const halfDays = `${perMonth}\u00a0demi-journée${perMonth > 1 ? "s" : ""} par mois`;
  return terms.shareKind === "ten_percent" ? `10\u00a0% (${halfDays})` : halfDays;
}

/** Each half-day a month is about 5 % of a full-time month (twenty working days, forty half-days). */
export const percentPerHalfDayPerMonth = 5;

/** About how much of the agent's time a number of half-days a month is: 2 → 10, 3 → 15. */
export function approximatePercentOfTime(halfDaysPerMonth: number): number {
  return halfDaysPerMonth * percentPerHalfDayPerMonth;
}

/** « soit environ 15 % de son temps » for a share that is not the programme's 10 %; null for the 10 %. */
export function approximateShareNote(terms: Pick<AgreementTerms, "shareKind" | "halfDaysPerMonth">): string | null {
  if (terms.shareKind === "ten_percent") return null;
  return `soit environ ${approximatePercentOfTime(terms.halfDaysPerMonth)}\u00a0% de son temps`;
}

/** The months (`YYYY-MM`) a period touches, in order; each has the whole month's budget. */
export function monthsOfPeriod(startsOn: string, endsOn: string): string[] {
  const months: string[] = [];
  let [year, month] = startsOn.slice(0, 7).split("-").map(Number) as [number, number];
  const last = endsOn.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The budget over the whole period: the monthly budget times the months the period touches. */
export function budgetOfPeriod(terms: Pick<AgreementTerms, "shareKind" | "halfDaysPerMonth" | "startsOn" | "endsOn">): number {
  return budgetPerMonth(terms) * monthsOfPeriod(terms.startsOn, terms.endsOn).length;
}

/** What changed between two versions' terms (for the audit trail and the new mail), in French. */
export function changedTerms(before: AgreementTerms, after: AgreementTerms): string[] {
  const changes: string[] = [];
  if (budgetPerMonth(before) !== budgetPerMonth(after) || before.shareKind !== after.shareKind) changes.push("la part de temps");
  if (before.startsOn !== after.startsOn || before.endsOn !== after.endsOn) changes.push("la période");
  const titles = (terms: AgreementTerms) => terms.projects.map((project) => project.projectId ?? project.title).join("|");
  if (titles(before) !== titles(after)) changes.push("les projets");
  if (before.managerEmail.toLowerCase() !== after.managerEmail.toLowerCase()) changes.push("l’adresse du ou de la manager");
  if (before.managerName !== after.managerName) changes.push("le nom du ou de la manager");
  return changes;
}

export function projectsLabel(projects: AgreementProject[]): string {
  return projects.length === 0 ? "À définir" : projects.map((project) => project.title).join(", ");
}
