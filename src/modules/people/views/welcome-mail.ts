import type { MailMessage } from "../../mail/api.ts";
import { profilePath } from "./profile-page.tsx";

/** The welcome mail of a member who just joined: their profile, then what happens next, one link each. */
export function welcomeMail(member: { to: string; givenName: string | null; slug: string }, publicUrl: string): MailMessage {
  const link = (path: string) => new URL(path, publicUrl).href;
  return {
    to: member.to,
    subject: "Bienvenue dans la communauté du Programme 10\u00a0%",
    text: [
      member.givenName ? `Bonjour ${member.givenName},` : "Bonjour,",
      "",
      "Vous avez rejoint la communauté du Programme 10\u00a0%. Votre profil, que vous pouvez compléter à tout moment\u00a0:",
      link(profilePath(member.slug)),
      "",
      "Et maintenant\u00a0?",
      "",
      "- L’annuaire «\u00a0Trouver un expert\u00a0»\u00a0: cherchez des collègues par compétence, organisation ou projet, et laissez-vous trouver (si votre profil est visible des membres).",
      link("/annuaire"),
      "",
      "- L’agenda\u00a0: un atelier tous les quinze jours, des formations, les bootcamps de lancement et la restitution. Inscrivez-vous en ligne, sur place ou à distance.",
      link("/evenements"),
      "",
      "- L’appel à projets\u00a0: proposez un défi d’intérêt commun, ou dites «\u00a0Nous aussi\u00a0» à celui d’une autre organisation.",
      link("/appel-a-projets"),
      "",
      "- La saison\u00a0: son calendrier, ses phases et ses projets, que vous pourrez rejoindre.",
      link("/saisons"),
      "",
      "Avant de vous engager dans un projet, parlez-en à votre manager\u00a0: le programme repose sur son accord pour vos 10\u00a0%.",
      "",
      "L’équipe du Programme 10\u00a0%",
    ].join("\n"),
  };
}
