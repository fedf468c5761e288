import type { FormValues } from "../../../http/forms.ts";
import { formatCalendarDay, formatDateTime } from "../../../shared/french-date.ts";
import { Badge } from "../../../ui/badge.tsx";
import { Table } from "../../../ui/table.tsx";
import type { Agreement, AgreementSignature, AgreementVersion } from "../agreement/agreement-repository.ts";
import { agreementEventLabels, agreementStatusBadges, agreementStatusLabels, type AgreementStatus } from "../domain/agreement-states.ts";
import { halfDaysLabel } from "../domain/ledger-rules.ts";
import { budgetOfPeriod, projectsLabel, shareLabel } from "../domain/terms.ts";

export function formValue(values: FormValues, name: string, fallback = ""): string {
  const found = values[name];
  return typeof found === "string" ? found : fallback;
}

export function StatusBadge({ status }: { status: AgreementStatus }) {
  return <Badge label={agreementStatusLabels[status]} kind={agreementStatusBadges[status]} />;
}

/** The terms of a version, as a description list. */
export function TermsList({ terms }: { terms: AgreementVersion }) {
  const entries = [
    { label: "Membre", value: `${terms.memberName}${terms.memberOrganisation ? ` (${terms.memberOrganisation})` : ""}` },
    { label: "Manager", value: `${terms.managerName} (${terms.managerEmail})` },
    { label: "Part de temps", value: shareLabel(terms) },
    { label: "Période", value: `du ${formatCalendarDay(terms.startsOn)} au ${formatCalendarDay(terms.endsOn)}` },
    { label: "Budget sur la période", value: `${halfDaysLabel(budgetOfPeriod(terms))} au plus` },
    { label: "Projet(s)", value: projectsLabel(terms.projects) },
    { label: "Charte du programme", value: `version ${terms.charterVersion}` },
    { label: "Version de la convention", value: `${terms.version}, du ${formatDateTime(terms.createdAt)}` },
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

export function signatureStateLabel(signature: AgreementSignature): string {
  if (signature.decision === "accepted") return `Acceptée le ${formatDateTime(signature.decidedAt!)}${signature.decidedVia === "account" ? " (connecté·e)" : " (lien personnel)"}`;
  if (signature.decision === "declined") return `Refusée le ${formatDateTime(signature.decidedAt!)}\u00a0: ${signature.reason}`;
  if (signature.invalidatedAt) return `Remplacée par une nouvelle version le ${formatDateTime(signature.invalidatedAt)}`;
  return `En attente depuis le ${formatDateTime(signature.askedAt)}`;
}

/** Where each signatory stands, for the given signatures. */
export function SignaturesTable({ signatures, caption }: { signatures: AgreementSignature[]; caption: string }) {
  return (
    <Table
      caption={caption}
      columns={["Signataire", "Rôle", "Version", "Réponse"]}
      rowHeaders
      rows={signatures.map((signature) => [`${signature.name} (${signature.email})`, roleLabel(signature), String(signature.version), signatureStateLabel(signature)])}
    />
  );
}

const actorLabels: Record<string, string> = { member: "Membre", manager: "Manager", third: "Troisième signataire", programme: "Équipe du programme", platform: "Plateforme" };

/** The audit trail. */
export function EventsTable({ agreement }: { agreement: Agreement }) {
  return (
    <Table
      caption="Historique de la convention"
      columns={["Date", "Événement", "Version", "Par", "Détail"]}
      rows={agreement.events.map((event) => [
        formatDateTime(event.at),
        agreementEventLabels[event.kind] ?? event.kind,
        String(event.version),
        event.actorName ? `${event.actorName} (${actorLabels[event.actor] ?? event.actor})` : (actorLabels[event.actor] ?? event.actor),
        event.detail,
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
