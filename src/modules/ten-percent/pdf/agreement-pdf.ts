import { formatCalendarDay, formatDateTime } from "../../../shared/french-date.ts";
import type { Agreement, AgreementSignature } from "../agreement/agreement-repository.ts";
import { agreementEventLabels, agreementStatusLabels } from "../domain/agreement-states.ts";
import { projectsLabel, shareLabel } from "../domain/terms.ts";
import type { PdfRenderer } from "./typst.ts";
import { pdfPageSetup } from "./pdf-layout.ts";

/**
 * The « convention 10 % » as a PDF (issue 16, ADR 0035): the parties, the terms, the status, every signature
 * and the audit trail. Everything is worded here, in TypeScript; the Typst template below is our fixed
 * source and only lays out the strings it reads from `sys.inputs.data` (never parsed as markup).
 */

export type AgreementPdfData = {
  title: string;
  issued: string;
  status: string;
  parties: { term: string; description: string }[];
  terms: { term: string; description: string }[];
  commitments: string[];
  signatures: { role: string; signatory: string; decision: string; date: string; via: string; version: string }[];
  events: { date: string; version: string; event: string; actor: string; detail: string }[];
};

const agreementTemplate = `${pdfPageSetup}
#heading(level: 1, data.title)
#data.issued

#strong[Statut~:] #data.status

#heading(level: 2, "Les parties")
#terms(..data.parties.map(p => terms.item(p.term, p.description)))

#heading(level: 2, "Les termes de la convention")
#terms(..data.terms.map(p => terms.item(p.term, p.description)))

#heading(level: 2, "Les engagements")
#list(..data.commitments)

#heading(level: 2, "Signatures et historique")
#heading(level: 3, "Signatures")
#if data.signatures.len() == 0 [Aucune signature demandée.] else {
  set text(size: 9pt)
  table(
    columns: (auto, 1.5fr, auto, 1.1fr, 0.9fr, auto),
    table.header([*Rôle*], [*Signataire*], [*Décision*], [*Date (heure de Paris)*], [*Par*], [*Version*]),
    ..data.signatures.map(s => (s.role, s.signatory, s.decision, s.date, s.via, s.version)).flatten(),
  )
}

#heading(level: 3, "Historique")
#if data.events.len() == 0 [Aucun événement.] else {
  set text(size: 9pt)
  table(
    columns: (1fr, auto, 1fr, 1fr, 1fr),
    table.header([*Date (heure de Paris)*], [*Version*], [*Événement*], [*Par*], [*Détail*]),
    ..data.events.map(e => (e.date, e.version, e.event, e.actor, e.detail)).flatten(),
  )
}
`;

const roleLabels: Record<AgreementSignature["role"], string> = { manager: "Manager", third: "Troisième signataire" };
const actorLabels: Record<string, string> = { member: "Membre", manager: "Manager", third: "Troisième signataire", programme: "Équipe du programme", platform: "Plateforme" };
const viaLabels: Record<"link" | "account", string> = { link: "Via le lien reçu par courriel", account: "En se connectant à la plateforme" };

function decisionLabel(signature: AgreementSignature): string {
  if (signature.decision === "accepted") return "Acceptée";
  if (signature.decision === "declined") return signature.reason ? `Refusée (motif\u00a0: ${signature.reason})` : "Refusée";
  return signature.invalidatedAt ? "Non décidée (version remplacée)" : "En attente";
}

/** The programme's commitments, as the charter says them (`/programme/charte`), in short. */
const commitments = [
  "Le temps donné au programme est du temps de travail, avec l’accord du ou de la manager\u00a0: 10\u00a0% est un plafond convenu, pas un objectif.",
  "Environ 10\u00a0% du temps de travail, soit à peu près deux après-midi par mois, en présentiel ou à distance, pendant la période convenue.",
  "Des projets d’intérêt commun entre administrations, menés en ouvert et documentés pour que d’autres puissent les reprendre.",
  "La confidentialité des données non publiques auxquelles un projet donne accès, dans le respect des règles de l’administration d’origine.",
  "Le temps donné est compté sur la plateforme (présence aux ateliers, travail déclaré)\u00a0; la ou le manager en voit le total chaque mois.",
  "Chaque partie peut mettre fin à la convention avant son terme, en indiquant une date.",
];

/** The strings the template prints, worded in French (pure). `periodName`: the season's name, the period otherwise. */
export function agreementPdfData(agreement: Agreement, issuedAt: Date, periodName?: string): AgreementPdfData {
  const terms = agreement.terms;
  const period = `du ${formatCalendarDay(terms.startsOn)} au ${formatCalendarDay(terms.endsOn)}`;
  const thirds = agreement.signatures.filter((signature) => signature.version === agreement.currentVersion && signature.role === "third");
  let status: string = agreementStatusLabels[agreement.status];
  if (agreement.status === "ended" && agreement.endedOn) status += ` le ${formatCalendarDay(agreement.endedOn)}${agreement.endReason ? ` (${agreement.endReason})` : ""}`;
  return {
    title: `Convention 10\u00a0% — ${terms.memberName} — ${periodName ?? period}`,
    issued: `Document émis le ${formatDateTime(issuedAt)} (heure de Paris) par la plateforme du Programme 10\u00a0%. Version\u00a0${agreement.currentVersion} de la convention, du ${formatDateTime(terms.createdAt)}.`,
    status,
    parties: [
      { term: "Membre du programme", description: `${terms.memberName} (${terms.memberEmail})${terms.memberOrganisation ? `, ${terms.memberOrganisation}` : ""}` },
      { term: "Manager", description: `${terms.managerName} (${terms.managerEmail})` },
      ...thirds.map((third) => ({ term: "Troisième signataire", description: `${third.name} (${third.email})` })),
    ],
    terms: [
      { term: "Part de temps", description: shareLabel(terms) },
      { term: "Période", description: period },
      { term: "Projets", description: projectsLabel(terms.projects) },
      { term: "Charte", description: `Charte du Programme 10\u00a0%, version ${terms.charterVersion}` },
    ],
    commitments,
    signatures: agreement.signatures.map((signature) => ({
      role: roleLabels[signature.role],
      signatory: `${signature.name} (${signature.email})`,
      decision: decisionLabel(signature),
      date: signature.decidedAt ? formatDateTime(signature.decidedAt) : "—",
      via: signature.decidedVia ? viaLabels[signature.decidedVia] : "—",
      version: String(signature.version),
    })),
    events: agreement.events.map((event) => ({
      date: formatDateTime(event.at),
      version: String(event.version),
      event: agreementEventLabels[event.kind] ?? event.kind,
      actor: [actorLabels[event.actor] ?? event.actor, event.actorName].filter(Boolean).join(" — "),
      detail: event.detail || "—",
    })),
  };
}

/** The signed agreement's PDF (tagged PDF/UA-1, Marianne, fr-FR). `periodName`: the season's name, shown in the title. */
export function renderAgreementPdf(pdf: PdfRenderer, agreement: Agreement, issuedAt: Date, periodName?: string): Buffer {
  return pdf.render(agreementTemplate, agreementPdfData(agreement, issuedAt, periodName), issuedAt);
}
