import type { ReactNode } from "react";
import type { FormValues } from "../../../http/forms.ts";
import { formatCalendarDay, formatDateTime, parisDayOf } from "../../../shared/french-date.ts";
import { Badge } from "../../../ui/badge.tsx";
import { Table } from "../../../ui/table.tsx";
import { type Agreement, type AgreementSignature, type AgreementVersion, currentSignatures } from "./agreement-repository.ts";
import { agreementEventLabels, agreementStatusBadges, agreementStatusLabels, type AgreementStatus } from "../domain/agreement-states.ts";
import { halfDaysLabel } from "../domain/ledger-rules.ts";
import { approximateShareNote, budgetOfPeriod, projectsLabel, shareLabel } from "../domain/terms.ts";

export function formValue(values: FormValues, name: string, fallback = ""): string {
  const found = values[name];
  return typeof found === "string" ? found : fallback;
}

export function StatusBadge({ status }: { status: AgreementStatus }) {
  return (
    <p className="fr-mb-2w">
      <Badge label={agreementStatusLabels[status]} kind={agreementStatusBadges[status]} as="span" />
    </p>
  );
}

/**
 * The terms of a version, as a description list. `signatory`: for someone who may never have heard of the
 * platform, without its internal words (no version number, no charter version; the page says when it was sent).
 */
export function TermsList({ terms, audience = "member" }: { terms: AgreementVersion; audience?: "member" | "signatory" }) {
  const entries: { label: string; value: ReactNode }[] = [
    { label: "Membre", value: `${terms.memberName}${terms.memberOrganisation ? ` (${terms.memberOrganisation})` : ""}` },
    { label: "Manager", value: `${terms.managerName} (${terms.managerEmail})` },
    { label: "Part de temps", value: [shareLabel(terms), approximateShareNote(terms)].filter(Boolean).join(", ") },
    {
      label: "Période",
      value: (
        <>
          du {formatCalendarDay(terms.startsOn)} au {formatCalendarDay(terms.endsOn)}
          {terms.startsOn < parisDayOf(terms.createdAt) ? (
            <>
              <br />
              <span className="fr-icon-warning-line fr-icon--sm" aria-hidden="true" /> La période commence avant l’envoi de la demande&nbsp;: elle couvre aussi les semaines passées.
            </>
          ) : null}
        </>
      ),
    },
    { label: "Budget sur la période", value: `${halfDaysLabel(budgetOfPeriod(terms))} au plus` },
    { label: "Projet(s)", value: projectsLabel(terms.projects) },
    {
      label: "Engagement",
      value: (
        <>
          respecter <a href="/programme/charte">la charte du programme</a>
        </>
      ),
    },
    ...(audience === "signatory" ? [] : [{ label: "Version de la convention", value: `${terms.version}, envoyée le ${formatDateTime(terms.createdAt)}` }]),
  ];
  return (
    <dl className="fr-mb-4w">
      {entries.map((entry) => (
        <div key={entry.label} className="fr-mb-1w">
          <dt className="fr-text--bold">{entry.label}</dt>
          <dd className="fr-ml-0">{entry.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function roleLabel(signature: Pick<AgreementSignature, "role">): string {
  return signature.role === "manager" ? "Manager" : "Troisième signataire du ministère";
}

/** The signatory’s last question on their signature’s version, while the member has not answered it. */
export function pendingQuestionOf(agreement: Pick<Agreement, "events">, signature: AgreementSignature): { at: Date; text: string } | null {
  if (signature.decision || signature.invalidatedAt) return null;
  const last = questionsOf(agreement, signature).at(-1);
  return last && last.answer === null ? { at: last.askedAt, text: last.question } : null;
}

export function signatureStateLabel(signature: AgreementSignature, agreement?: Pick<Agreement, "events">): string {
  if (signature.decision === "accepted") return `Acceptée le ${formatDateTime(signature.decidedAt!)}${signature.decidedVia === "account" ? ", en se connectant à la plateforme" : ", via le lien reçu par courriel"}`;
  if (signature.decision === "declined") return `Refusée le ${formatDateTime(signature.decidedAt!)}\u00a0: ${signature.reason}`;
  if (signature.invalidatedAt) return `Remplacée par une nouvelle version le ${formatDateTime(signature.invalidatedAt)}`;
  const question = agreement ? pendingQuestionOf(agreement, signature) : null;
  if (question) return `Question posée le ${formatDateTime(question.at)}`;
  return `En attente depuis le ${formatDateTime(signature.askedAt)}`;
}

/** The questions waiting for the member's answer: who asked, when, and what (quoted). */
export function PendingQuestions({ agreement }: { agreement: Agreement }) {
  const pending = currentSignatures(agreement).flatMap((signature) => {
    const question = pendingQuestionOf(agreement, signature);
    return question ? [{ signature, question }] : [];
  });
  return (
    <>
      {pending.map(({ signature, question }) => (
        <figure key={signature.id} className="fr-quote fr-quote--column fr-my-2w">
          <blockquote>
            <p>{question.text}</p>
          </blockquote>
          <figcaption>
            <p className="fr-quote__author">{signature.name}</p>
            <p className="fr-quote__source">Question posée le {formatDateTime(question.at)}</p>
          </figcaption>
        </figure>
      ))}
    </>
  );
}

/** A signatory's questions on their version, each with the member's answer when there is one (oldest first). */
export function questionsOf(agreement: Pick<Agreement, "events">, signature: AgreementSignature): { askedAt: Date; question: string; answeredAt: Date | null; answer: string | null }[] {
  const events = agreement.events.filter((event) => event.version === signature.version);
  // As `signatoriesAwaitingAnswer`: an answer at the question's time or later answers it (times, not the list's order).
  return events.flatMap((event) => {
    if (event.kind !== "question" || event.actor !== signature.role) return [];
    const answer = events.find((later) => later.kind === "answer" && later.actor === "member" && later.detail.length > 0 && later.at.getTime() >= event.at.getTime());
    return [{ askedAt: event.at, question: event.detail, answeredAt: answer?.at ?? null, answer: answer?.detail ?? null }];
  });
}

/** Where each signatory stands, for the given signatures. */
export function SignaturesTable({ signatures, caption, agreement, noCaption }: { signatures: AgreementSignature[]; caption: string; agreement?: Pick<Agreement, "events">; noCaption?: boolean }) {
  return (
    <Table
      caption={caption}
      noCaption={noCaption}
      columns={["Signataire", "Rôle", "Version", "Réponse"]}
      rowHeaders
      rows={signatures.map((signature) => [`${signature.name} (${signature.email})`, roleLabel(signature), String(signature.version), signatureStateLabel(signature, agreement)])}
    />
  );
}

const actorLabels: Record<string, string> = { member: "Membre", manager: "Manager", third: "Troisième signataire", programme: "Équipe du programme", platform: "Plateforme" };

/** The audit trail. */
export function EventsTable({ agreement, noCaption }: { agreement: Agreement; noCaption?: boolean }) {
  const withDetail = agreement.events.some((event) => event.detail.length > 0);
  return (
    <Table
      caption="Historique de la convention"
      noCaption={noCaption}
      columns={["Date", "Événement", "Version", "Par", ...(withDetail ? ["Détail"] : [])]}
      rows={agreement.events.map((event) => [
        formatDateTime(event.at),
        agreementEventLabels[event.kind] ?? event.kind,
        String(event.version),
        event.actorName ? `${event.actorName} (${actorLabels[event.actor] ?? event.actor})` : (actorLabels[event.actor] ?? event.actor),
        ...(withDetail ? [event.detail] : []),
      ])}
    />
  );
}

/** What the charter asks, in short (the whole text is at /programme/charte). */
export function CharterSummary() {
  return (
    <ul>
      <li>Le temps consacré au programme est un plafond convenu avec le ou la manager, pas un objectif, et reste compatible avec les nécessités du service.</li>
      <li>Le ou la membre contribue à des projets d’intérêt général entre administrations, en partageant ses travaux de manière ouverte lorsque c’est possible.</li>
      <li>Le ou la membre déclare le temps consacré au programme, que le ou la manager peut consulter.</li>
      <li>Chacun peut mettre fin à la convention avant son terme, en prévenant les autres.</li>
    </ul>
  );
}
