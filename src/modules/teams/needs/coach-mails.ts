import type { MailMessage } from "../../mail/api.ts";

/** To the coach the programme team named: the project, the season, the project page and « Gérer l'équipe ». */
export function coachNamedMail(to: string, input: { projectTitle: string; projectSlug: string; seasonName: string; publicUrl: string }): MailMessage {
  const page = new URL(`/projets/${input.projectSlug}`, input.publicUrl).href;
  const manage = new URL(`/projets/${input.projectSlug}/equipe`, input.publicUrl).href;
  const season = input.seasonName.replace(/^Saison/, "saison");
  return {
    to,
    subject: `Vous êtes coach du projet ${input.projectTitle}`,
    text: [
      "Bonjour,",
      "",
      `L’équipe du programme vous a nommé·e coach du projet ${input.projectTitle} pour la ${season}.`,
      "",
      `La page du projet\u00a0: ${page}`,
      `L’équipe et ses demandes, depuis la page «\u00a0Gérer l’équipe\u00a0»\u00a0: ${manage}`,
      "",
      "L’équipe du Programme 10 %",
    ].join("\n"),
  };
}
