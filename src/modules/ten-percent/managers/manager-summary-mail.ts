import type { MailMessage } from "../../mail/api.ts";
import { halfDaysLabel, monthLabel } from "../domain/ledger-rules.ts";

const signature = "L’équipe du Programme 10\u00a0%";

/** One agent in a manager's monthly summary: the month's and the period's used / budget, in half-days. */
export type SummarisedAgent = { name: string; organisation: string; month: { used: number; budget: number }; total: { used: number; budget: number } };

/**
 * The monthly summary to a manager (issue 16): for each of their agents with an accepted agreement, the
 * half-days given to the programme in the month summarised against the month's budget, and since the start
 * of the agreement against the whole period's; the link to « Mes agents ». Totals only: the work lines
 * stay on the platform, where the agent decides whether their manager reads them.
 */
export function managerSummaryMail(input: { to: string; managerName: string; month: string; agents: SummarisedAgent[]; publicUrl: string }): MailMessage {
  const month = monthLabel(input.month);
  const lines = input.agents.flatMap((agent) => [
    `— ${agent.name}${agent.organisation ? ` (${agent.organisation})` : ""}`,
    `  En ${month}\u00a0: ${halfDaysLabel(agent.month.used)} sur ${agent.month.budget} prévue${agent.month.budget > 1 ? "s" : ""}${agent.month.used > agent.month.budget ? " (au-delà du budget convenu)" : ""}`,
    `  Depuis le début de la convention\u00a0: ${halfDaysLabel(agent.total.used)} sur ${agent.total.budget} pour toute la période`,
    "",
  ]);
  const one = input.agents.length === 1;
  return {
    to: input.to,
    subject: `Programme 10\u00a0%\u00a0: le temps de ${one ? "votre agent" : "vos agents"} en ${month}`,
    text: [
      `Bonjour ${input.managerName},`,
      "",
      `Voici le temps que ${one ? "votre agent a donné" : "vos agents ont donné"} au Programme 10\u00a0% en ${month}, en demi-journées, selon ${one ? "sa convention" : "leurs conventions"} signée${one ? "" : "s"} avec vous.`,
      "Le 10\u00a0% est un plafond convenu avec vous, pas un objectif.",
      "",
      ...lines,
      `Le détail mois par mois et les événements suivis\u00a0: ${new URL("/mes-agents", input.publicUrl).href}`,
      "Connectez-vous avec cette adresse (lien de connexion ou ProConnect) pour les voir.",
      "",
      signature,
    ].join("\n"),
  };
}
