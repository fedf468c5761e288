import type { MailMessage } from "../../mail/api.ts";

/** To a coach of the project and the programme team: the team says it is blocked, with its line and the link to the log. */
export function teamBlockedMail(to: string, input: { projectTitle: string; seasonName: string; happenedOn: string; weatherNote: string; logUrl: string }): MailMessage {
  const season = input.seasonName.replace(/^Saison/, "saison");
  return {
    to,
    subject: `L’équipe du projet ${input.projectTitle} se dit bloquée`,
    text: [
      "Bonjour,",
      "",
      `Dans son journal de bord (${season}), l’équipe du projet ${input.projectTitle} a indiqué la météo «\u00a0Bloqué\u00a0» après l’atelier du ${input.happenedOn}\u00a0:`,
      "",
      input.weatherNote,
      "",
      `Le journal de bord\u00a0: ${input.logUrl}`,
      "",
      "L’équipe du Programme 10 %",
    ].join("\n"),
  };
}
