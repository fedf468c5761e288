import type { MailMessage } from "../../mail/api.ts";

type Link = { projectTitle: string; projectSlug: string; publicUrl: string };

function url(publicUrl: string, path: string): string {
  return new URL(path, publicUrl).href;
}

/** To each lead: someone asks to join the team. */
export function joinRequestedMail(to: string, input: Link & { memberName: string; message: string }): MailMessage {
  const manage = url(input.publicUrl, `/projets/${input.projectSlug}/equipe`);
  return {
    to,
    subject: `${input.memberName} souhaite rejoindre l’équipe de ${input.projectTitle}`,
    text: [
      "Bonjour,",
      "",
      `${input.memberName} demande à rejoindre l’équipe du projet ${input.projectTitle}.`,
      ...(input.message ? ["", "Son message\u00a0:", input.message] : []),
      "",
      `Acceptez ou refusez sa demande depuis la page «\u00a0Gérer l’équipe\u00a0»\u00a0: ${manage}`,
      "",
      "L’équipe du Programme 10 %",
    ].join("\n"),
  };
}

/** To the member: the lead accepted or declined their request. */
export function joinDecidedMail(to: string, input: Link & { accepted: boolean }): MailMessage {
  const page = url(input.publicUrl, `/projets/${input.projectSlug}`);
  return {
    to,
    subject: input.accepted ? `Bienvenue dans l’équipe de ${input.projectTitle}` : `Votre demande pour rejoindre ${input.projectTitle}`,
    text: [
      "Bonjour,",
      "",
      input.accepted
        ? `Votre demande est acceptée\u00a0: vous faites maintenant partie de l’équipe du projet ${input.projectTitle}. L’équipe vous contactera pour la suite.`
        : `Votre demande pour rejoindre l’équipe du projet ${input.projectTitle} n’a pas été retenue. D’autres projets de la saison cherchent peut-être vos compétences.`,
      "",
      `La page du projet\u00a0: ${page}`,
      "",
      "L’équipe du Programme 10 %",
    ].join("\n"),
  };
}
