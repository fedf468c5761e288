import type { MailMessage } from "../../../mail/api.ts";
import { frenchMonthName } from "../domain/months.ts";
import type { CafePerson } from "../repository.ts";

const signature = "L’équipe du Programme 10\u00a0%";

function withMinistry(person: CafePerson): string {
  return person.ministryName ? `${person.name} (${person.ministryName})` : person.name;
}

function profileLines(person: CafePerson, skills: string[], publicUrl: string): string[] {
  return [
    `— ${person.name}`,
    ...(person.jobLabel ? [`  Métier\u00a0: ${person.jobLabel}`] : []),
    ...(person.organisationName ? [`  Organisation\u00a0: ${person.organisationName}${person.ministryName && person.ministryName !== person.organisationName ? ` (${person.ministryName})` : ""}`] : []),
    ...(skills.length > 0 ? [`  Compétences\u00a0: ${skills.join(", ")}`] : []),
    `  Adresse\u00a0: ${person.email}`,
    ...(person.profileOpenToMembers ? [`  Profil\u00a0: ${new URL(`/annuaire/${encodeURIComponent(person.slug)}`, publicUrl).href}`] : []),
  ];
}

/**
 * To one person of a pair (or trio): who they meet this month, with each other's profile in short, the
 * suggestion of half an hour, and the one-click opt-out link (`/cafe/desinscription/<token>`).
 */
export function cafePairingMail(input: { month: string; to: CafePerson; partners: CafePerson[]; skills: Map<string, string[]>; optOutToken: string; publicUrl: string }): MailMessage {
  const names = input.partners.map(withMinistry);
  const together = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} et ${names.at(-1)!}`;
  const optOutUrl = new URL(`/cafe/desinscription/${input.optOutToken}`, input.publicUrl).href;
  return {
    to: input.to.email,
    subject: `Votre café 10\u00a0% de ${frenchMonthName(input.month)}\u00a0: ${together}`,
    text: [
      `Bonjour ${input.to.name},`,
      "",
      `Ce mois-ci, le café 10\u00a0% vous fait rencontrer ${together}${input.partners.length > 1 ? "\u00a0: vous êtes trois cette fois" : ""}.`,
      "Prenez une demi-heure, en visio ou autour d’un café, pour faire connaissance\u00a0: vos sujets, vos outils, vos données.",
      `${input.partners.length > 1 ? "Ils ou elles ont" : "Cette personne a"} reçu le même message\u00a0: le premier ou la première qui écrit propose un créneau.`,
      "",
      ...input.partners.flatMap((partner) => [...profileLines(partner, input.skills.get(partner.userId) ?? [], input.publicUrl), ""]),
      `Vos cafés passés et votre participation\u00a0: ${new URL("/cafe", input.publicUrl).href}`,
      `Ne plus participer au café 10\u00a0% (un clic)\u00a0: ${optOutUrl}`,
      "",
      signature,
    ].join("\n"),
  };
}
