import { formatCalendarDay } from "../../../shared/french-date.ts";
import { ofName } from "../../../shared/french-elision.ts";
import type { MailMessage } from "../../mail/api.ts";
import { approximateShareNote, projectsLabel, shareLabel } from "../domain/terms.ts";
import type { AgreementVersion } from "./agreement-repository.ts";

const signature = "L’équipe du Programme 10\u00a0%";

/**
 * French spacing in a mail: a non-breaking space before « % : ; ! ? » and inside « guillemets », where a plain
 * space (or none, for guillemets) was typed. Addresses (https://…) have no space before their colon.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([%:;!?»])/g, "\u00a0$1")
    .replace(/« /g, "«\u00a0")
    .replace(/«(?=[^\s\u00a0])/g, "«\u00a0")
    .replace(/([^\s\u00a0])»/g, "$1\u00a0»");
}

function typeset(mail: MailMessage): MailMessage {
  return { ...mail, subject: frenchSpacing(mail.subject), text: frenchSpacing(mail.text) };
}

type Terms = Pick<AgreementVersion, "shareKind" | "halfDaysPerMonth" | "startsOn" | "endsOn" | "projects" | "memberName" | "memberOrganisation" | "version">;

/** The terms, one per line, as in every mail about an agreement. */
export function termsLines(terms: Terms): string[] {
  return [
    `- Membre\u00a0: ${terms.memberName}${terms.memberOrganisation ? ` (${terms.memberOrganisation})` : ""}`,
    `- Part de temps\u00a0: ${[shareLabel(terms), approximateShareNote(terms)].filter(Boolean).join(", ")}`,
    `- Période\u00a0: du ${formatCalendarDay(terms.startsOn)} au ${formatCalendarDay(terms.endsOn)}`,
    `- Projet(s)\u00a0: ${projectsLabel(terms.projects)}`,
    `- Version\u00a0: ${terms.version}`,
  ];
}

const programmeExplained = [
  "Le Programme 10 % réunit des agents publics experts de la donnée qui consacrent environ 10\u00a0% de leur temps de travail (à peu près deux demi-journées par mois) à des projets d’intérêt général entre administrations. Ce temps est un plafond convenu avec le ou la manager, pas un objectif.",
];

export type SignatureRequestKind = "first" | "modified" | "reminder" | "answer";

/** To a signatory: the agreement to accept, decline or ask about, with their personal link (no account needed). */
export function signatureRequestMail(input: { to: string; signatoryName: string; terms: Terms; link: string; kind: SignatureRequestKind; changes?: string[]; answer?: string; role: "manager" | "third" }): MailMessage {
  const { terms } = input;
  const subjects: Record<SignatureRequestKind, string> = {
    first: `Convention 10 % ${ofName(terms.memberName)} à signer`,
    modified: `Convention 10 % ${ofName(terms.memberName)} modifiée : nouvelle version à signer`,
    reminder: `Rappel : la convention 10 % ${ofName(terms.memberName)} attend votre réponse`,
    answer: `${terms.memberName} a répondu à votre question sur sa convention 10 %`,
  };
  const intro: Record<SignatureRequestKind, string[]> = {
    first: [
      input.role === "manager"
        ? `${terms.memberName} vous demande, en tant que manager, votre accord pour participer au Programme 10 %.`
        : `${terms.memberName} participe au Programme 10 %\u00a0; votre ministère demande votre accord sur sa convention.`,
    ],
    modified: [`${terms.memberName} a modifié sa convention 10 % (${(input.changes ?? []).join(", ") || "les conditions"}). Votre accord est demandé sur cette nouvelle version\u00a0; les liens reçus auparavant ne fonctionnent plus.`],
    reminder: [`La convention 10 % ${ofName(terms.memberName)} attend toujours votre réponse.`],
    answer: [`${terms.memberName} a répondu à votre question\u00a0:`, "", input.answer ?? "", "", "Vous pouvez maintenant décider avec le lien ci-dessous (celui reçu auparavant fonctionne aussi)."],
  };
  return typeset({
    to: input.to,
    subject: subjects[input.kind],
    text: [
      `Bonjour ${input.signatoryName},`,
      "",
      ...intro[input.kind],
      "",
      ...programmeExplained,
      "",
      "Les conditions proposées\u00a0:",
      ...termsLines(terms),
      "",
      "Pour accepter, refuser (en indiquant la raison) ou poser une question, ouvrez ce lien personnel\u00a0:",
      input.link,
      "",
      "Aucun compte n’est nécessaire\u00a0: le lien suffit, depuis n’importe quel appareil. Il est valable 30\u00a0jours et sert jusqu’à votre décision (accord ou refus)\u00a0: après une question, vous pouvez encore l’utiliser pour décider sans attendre la réponse. Vous pouvez aussi vous connecter à la plateforme avec votre adresse (ProConnect ou lien de connexion) pour répondre.",
      "Ne transférez pas ce lien\u00a0: il vous est personnel.",
      "",
      signature,
    ].join("\n"),
  });
}

/** To the member: a signatory accepted, declined (with the reason), or every signatory accepted. */
export function memberDecisionMail(input: { to: string; memberName: string; signatoryName: string; decision: "accepted" | "declined"; reason: string; allAccepted: boolean; agreementUrl: string }): MailMessage {
  const accepted = input.decision === "accepted";
  return typeset({
    to: input.to,
    subject: accepted ? (input.allAccepted ? "Votre convention 10\u00a0% est acceptée" : `${input.signatoryName} a accepté votre convention 10\u00a0%`) : `${input.signatoryName} a refusé votre convention 10\u00a0%`,
    text: [
      `Bonjour ${input.memberName},`,
      "",
      accepted ? `${input.signatoryName} a accepté votre convention 10\u00a0%.` : `${input.signatoryName} a refusé votre convention 10\u00a0%, pour la raison suivante\u00a0:`,
      ...(accepted ? [] : ["", input.reason]),
      "",
      accepted && input.allAccepted ? "Tous les signataires ont accepté\u00a0: votre convention est signée. Vous pouvez télécharger le document signé depuis sa page." : accepted ? "D’autres signataires doivent encore répondre." : "Vous pouvez en parler avec votre manager, puis modifier la convention pour la proposer à nouveau.",
      "",
      `Votre convention\u00a0: ${input.agreementUrl}`,
      "",
      signature,
    ].join("\n"),
  });
}

/** To a signatory who accepted: the agreement is signed by everyone (or their acceptance is recorded). */
export function signatoryAcceptedMail(input: { to: string; signatoryName: string; memberName: string; allAccepted: boolean; terms: Terms; signInUrl: string; pdfAttached: boolean }): MailMessage {
  return typeset({
    to: input.to,
    subject: `Votre accord pour la convention 10\u00a0% ${ofName(input.memberName)} est enregistré`,
    text: [
      `Bonjour ${input.signatoryName},`,
      "",
      `Votre accord pour la convention 10\u00a0% ${ofName(input.memberName)} est enregistré${input.allAccepted ? "\u00a0; tous les signataires ont accepté." : "."}`,
      "",
      ...termsLines(input.terms),
      "",
      ...(input.pdfAttached ? ["La convention signée est jointe à ce courriel (PDF).", ""] : []),
      `Pour suivre le temps que ${input.memberName} consacre au programme, connectez-vous à la plateforme avec cette adresse (ProConnect ou lien de connexion), rubrique «\u00a0Mes agents\u00a0»\u00a0: ${input.signInUrl}`,
      "Vous recevrez aussi chaque mois un récapitulatif de ce temps par courriel.",
      "",
      signature,
    ].join("\n"),
  });
}

/** To the member: a signatory asks a question, to answer from the agreement's page. */
export function memberQuestionMail(input: { to: string; memberName: string; signatoryName: string; question: string; agreementUrl: string }): MailMessage {
  return typeset({
    to: input.to,
    subject: `${input.signatoryName} pose une question sur votre convention 10\u00a0%`,
    text: [`Bonjour ${input.memberName},`, "", `${input.signatoryName} pose une question sur votre convention 10\u00a0%\u00a0:`, "", input.question, "", `Répondez depuis la page de votre convention\u00a0: ${input.agreementUrl}`, "", signature].join("\n"),
  });
}

/** To the member: a signatory has not answered for 21 days. */
export function memberToldMail(input: { to: string; memberName: string; signatoryName: string; signatoryEmail: string; agreementUrl: string }): MailMessage {
  return typeset({
    to: input.to,
    subject: "Votre convention 10\u00a0% attend toujours une réponse",
    text: [
      `Bonjour ${input.memberName},`,
      "",
      `${input.signatoryName} (${input.signatoryEmail}) n’a pas répondu à votre convention 10\u00a0% depuis trois semaines, malgré deux relances.`,
      "Vous pouvez lui en parler directement, vérifier son adresse ou modifier la convention.",
      "",
      `Votre convention\u00a0: ${input.agreementUrl}`,
      "",
      signature,
    ].join("\n"),
  });
}

/** To the others: the agreement ends early. */
export function agreementEndedMail(input: { to: string; name: string; memberName: string; endedOn: string; endedByName: string; reason: string; agreementUrl: string }): MailMessage {
  return typeset({
    to: input.to,
    subject: `La convention 10\u00a0% ${ofName(input.memberName)} se termine le ${formatCalendarDay(input.endedOn)}`,
    text: [
      `Bonjour ${input.name},`,
      "",
      `${input.endedByName} a mis fin à la convention 10\u00a0% ${ofName(input.memberName)}, à compter du ${formatCalendarDay(input.endedOn)}.`,
      ...(input.reason ? ["", `Raison\u00a0: ${input.reason}`] : []),
      "",
      `La convention\u00a0: ${input.agreementUrl}`,
      "",
      signature,
    ].join("\n"),
  });
}

/** To a signatory still asked: the agreement is replaced (new manager), no answer is expected any more. */
export function agreementReplacedMail(input: { to: string; name: string; memberName: string }): MailMessage {
  return typeset({
    to: input.to,
    subject: `La convention 10\u00a0% ${ofName(input.memberName)} ne vous concerne plus`,
    text: [`Bonjour ${input.name},`, "", `${input.memberName} a changé de manager\u00a0: sa convention 10\u00a0% est remplacée par une nouvelle, et votre réponse n’est plus attendue. Le lien reçu ne fonctionne plus.`, "", signature].join("\n"),
  });
}

/** To a signatory still asked: the member withdrew the request, no answer is expected any more. */
export function agreementWithdrawnMail(input: { to: string; name: string; memberName: string; reason: string }): MailMessage {
  return typeset({
    to: input.to,
    subject: `${input.memberName} a retiré sa demande de convention 10\u00a0%`,
    text: [
      `Bonjour ${input.name},`,
      "",
      `${input.memberName} a retiré sa demande de convention 10\u00a0%\u00a0: votre réponse n’est plus attendue et le lien reçu ne fonctionne plus.`,
      ...(input.reason ? ["", `Raison\u00a0: ${input.reason}`] : []),
      "",
      signature,
    ].join("\n"),
  });
}
