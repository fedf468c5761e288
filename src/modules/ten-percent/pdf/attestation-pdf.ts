import QRCode from "qrcode";
import { formatCalendarDay, formatDateTime } from "../../../shared/french-date.ts";
import type { AttestationFacts } from "../attestation/attestation-facts.ts";
import { halfDaysLabel, monthLabel } from "../domain/ledger-rules.ts";
import { seasonInSentence } from "../domain/season-name.ts";
import { pdfPageSetup } from "./pdf-layout.ts";
import type { PdfRenderer } from "./typst.ts";

/**
 * The attestation of time contributed as a PDF (issue 16, ADR 0035): the facts, worded here in French, and how
 * to check it (code, address, QR code with its text alternative). The Typst template is our fixed source;
 * the data reaches it as JSON only.
 */

export type AttestationPdfData = {
  title: string;
  statement: string;
  agreement: string;
  projects: string[];
  events: { day: string; title: string; kind: string; halfDays: string }[];
  eventsTotal: string;
  workByMonth: { month: string; halfDays: string }[];
  workByProject: { project: string; halfDays: string }[];
  workTotal: string;
  total: string;
  code: string;
  verifyUrl: string;
  qrSvg: string;
  qrAlt: string;
  issued: string;
};

const attestationTemplate = `${pdfPageSetup}
#heading(level: 1, data.title)
#data.statement

#data.agreement

#heading(level: 2, "Projets")
#if data.projects.len() == 0 [Aucun projet d’équipe pour cette saison.] else { list(..data.projects) }

#heading(level: 2, "Événements suivis")
#if data.events.len() == 0 [Aucun atelier, formation, bootcamp ni clôture émargé sur la période.] else {
  table(
    columns: (auto, 1fr, auto, auto),
    table.header([Date], [Événement], [Type], [Temps]),
    ..data.events.map(e => (e.day, e.title, e.kind, e.halfDays)).flatten(),
  )
  [Total des événements suivis~: #data.eventsTotal.]
}

#heading(level: 2, "Travail déclaré")
#if data.workByMonth.len() == 0 [Aucun travail déclaré sur la période.] else {
  heading(level: 3, "Par mois")
  table(
    columns: (1fr, auto),
    table.header([Mois], [Temps]),
    ..data.workByMonth.map(m => (m.month, m.halfDays)).flatten(),
  )
  heading(level: 3, "Par projet")
  table(
    columns: (1fr, auto),
    table.header([Projet], [Temps]),
    ..data.workByProject.map(p => (p.project, p.halfDays)).flatten(),
  )
  [Total du travail déclaré~: #data.workTotal.]
}

#heading(level: 2, "Total")
#data.total

#heading(level: 2, "Vérifier cette attestation")
#grid(
  columns: (1fr, 3.2cm),
  gutter: 1em,
  [
    Code de l’attestation~: #strong(data.code)

    Pour vérifier que cette attestation est authentique et n’a pas été modifiée, ouvrez l’adresse suivante ou saisissez le code sur la page «~Vérifier une attestation~» de la plateforme du Programme 10~%~:

    #link(data.verifyUrl, data.verifyUrl)

    La page de vérification indique les faits attestés et l’empreinte SHA-256 du fichier PDF émis.

    #data.issued
  ],
  image(bytes(data.qrSvg), format: "svg", width: 3.2cm, alt: data.qrAlt),
)
`;

const kindLabels: Record<string, string> = { atelier: "Atelier", formation: "Formation", bootcamp: "Bootcamp", cloture: "Clôture" };

/** « que Paul », « qu’Inès »: French elides « que » before a vowel. */
function that(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(name.normalize("NFC")) ? `qu’${name}` : `que ${name}`;
}

/** The verification address of a code. */
export function attestationVerifyUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/attestations/verifier/${encodeURIComponent(code)}`;
}

/** The strings the template prints (pure but for the QR code, given). */
export function attestationPdfData(facts: AttestationFacts, code: string, verifyUrl: string, qrSvg: string): AttestationPdfData {
  const organisation = facts.organisation ? `, ${facts.organisation},` : "";
  const period = `du ${formatCalendarDay(facts.period.startsOn)} au ${formatCalendarDay(facts.period.endsOn)}`;
  const wholeSeason = facts.period.endsOn === facts.season.endsOn;
  return {
    title: `Attestation de temps contribué — ${facts.memberName} — ${facts.season.name}`,
    statement: `Le Programme 10\u00a0% atteste ${that(facts.memberName)}${organisation} a contribué au programme ${period} (${seasonInSentence(facts.season.name)}${wholeSeason ? "" : ", en cours"}), pour un total de ${halfDaysLabel(facts.totalHalfDays)}.`,
    agreement: facts.agreement
      ? `Cette contribution s’inscrit dans une convention 10\u00a0% acceptée par ${facts.agreement.managerName}, manager, pour une part de temps de ${facts.agreement.share}.`
      : "Aucune convention 10\u00a0% acceptée n’est enregistrée pour cette saison.",
    projects: facts.projects,
    events: facts.events.map((event) => ({ day: formatCalendarDay(event.day), title: event.title, kind: kindLabels[event.kind] ?? event.kind, halfDays: halfDaysLabel(event.halfDays) })),
    eventsTotal: halfDaysLabel(facts.attendanceHalfDays),
    workByMonth: facts.work.byMonth.map((month) => ({ month: monthLabel(month.month), halfDays: halfDaysLabel(month.halfDays) })),
    workByProject: facts.work.byProject.map((project) => ({ project: project.project, halfDays: halfDaysLabel(project.halfDays) })),
    workTotal: halfDaysLabel(facts.work.halfDays),
    total: `${halfDaysLabel(facts.totalHalfDays)} ${period}\u00a0: ${halfDaysLabel(facts.attendanceHalfDays)} d’événements suivis et ${halfDaysLabel(facts.work.halfDays)} de travail déclaré.`,
    code,
    verifyUrl,
    qrSvg,
    qrAlt: `Code QR menant à l’adresse de vérification de l’attestation ${code}`,
    issued: `Attestation émise le ${formatDateTime(new Date(facts.issuedAt))} (heure de Paris).`,
  };
}

/** The attestation's PDF (tagged PDF/UA-1, Marianne, fr-FR), dated at the facts' `issuedAt`. */
export async function renderAttestationPdf(pdf: PdfRenderer, facts: AttestationFacts, code: string, publicUrl: string): Promise<Buffer> {
  const verifyUrl = attestationVerifyUrl(publicUrl, code);
  const qrSvg = await QRCode.toString(verifyUrl, { errorCorrectionLevel: "M", margin: 2, type: "svg" });
  return pdf.render(attestationTemplate, attestationPdfData(facts, code, verifyUrl, qrSvg), new Date(facts.issuedAt));
}
