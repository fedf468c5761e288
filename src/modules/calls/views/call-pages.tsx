import { formatDate, formatDateTime, formatHour } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, type FieldErrors, InputField, type Option, SelectField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import { callStatus } from "../domain/call-window.ts";
import { criteria } from "../domain/criteria.ts";
import { stateLabel } from "../domain/proposal-states.ts";
import type { Conflict } from "../domain/review-rights.ts";
import type { Call, DashboardRow, ProposalListItem } from "../repository.ts";

const breadcrumb = [{ label: "Accueil", href: "/" }];

/** « ouvert jusqu’au 15 mars 2027 à 18 h ». */
export function callWindowText(call: Pick<Call, "opensAt" | "closesAt">, now: Date): string {
  const status = callStatus(call, now);
  if (status === "upcoming") return `ouvre le ${formatDate(call.opensAt)} à\u00a0${formatHour(call.opensAt)}, jusqu’au ${formatDate(call.closesAt)} à\u00a0${formatHour(call.closesAt)}`;
  if (status === "open") return `ouvert jusqu’au ${formatDate(call.closesAt)} à\u00a0${formatHour(call.closesAt)}`;
  return `clos depuis le ${formatDate(call.closesAt)} à\u00a0${formatHour(call.closesAt)}`;
}

export function FramingTemplate() {
  return (
    <>
      <h2 className="fr-h4">Le gabarit de cadrage et les trois critères</h2>
      <p>
        Chaque proposition décrit un problème, les personnes ou services qui ont le besoin, l’impact attendu et ses indicateurs, les données et leur accès, l’ouverture du code, les
        compétences recherchées, le livrable, les jalons de la saison et qui maintiendra le résultat ensuite. L’équipe du programme et les administrateurs ministériels des données
        la qualifient sur trois critères, notés de 0 à 3&nbsp;:
      </p>
      <ul>
        {criteria.map((criterion) => (
          <li key={criterion.key}>
            <strong>{criterion.label}</strong>&nbsp;: {criterion.question}
          </li>
        ))}
      </ul>
    </>
  );
}

export type CallPageProps = {
  context: PageContext;
  call: Call | null;
  now: Date;
  canPropose: boolean;
  canOpen: boolean;
  proposals: ProposalListItem[] | null;
  drafts: ProposalListItem[];
};

export function CallPage({ context, call, now, canPropose, canOpen, proposals, drafts }: CallPageProps) {
  const open = call ? callStatus(call, now) !== "closed" : false;
  return (
    <Layout context={context} title="Appel à projets" breadcrumb={breadcrumb}>
      <h1>Appel à projets</h1>
      {call ? (
        <p className="fr-text--lead">
          {call.title} — {call.seasonName}&nbsp;: {callWindowText(call, now)}.
        </p>
      ) : (
        <p className="fr-text--lead">Aucun appel à projets n’est ouvert pour le moment.</p>
      )}
      {canOpen ? (
        <p>
          <a className="fr-link" href="/appel-a-projets/ouvrir">
            Ouvrir l’appel à projets d’une saison
          </a>
        </p>
      ) : null}
      {call && open && canPropose ? (
        <p>
          <a className="fr-btn" href="/appel-a-projets/propositions/nouvelle">
            Proposer un projet
          </a>
        </p>
      ) : null}
      {call && open && !context.user ? (
        <p>
          <a className="fr-link" href="/connexion?retour=%2Fappel-a-projets">
            Connectez-vous pour proposer un projet
          </a>
        </p>
      ) : null}
      <FramingTemplate />
      {drafts.length > 0 ? (
        <>
          <h2 className="fr-h4 fr-mt-4w">Mes propositions</h2>
          <ul>
            {drafts.map((proposal) => (
              <li key={proposal.id}>
                <a href={`/appel-a-projets/${proposal.id}`}>{proposal.title}</a> — {stateLabel(proposal.state)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {proposals ? (
        <>
          <h2 className="fr-h4 fr-mt-4w">Propositions déposées</h2>
          {proposals.length === 0 ? (
            <p>Aucune proposition n’a encore été déposée.</p>
          ) : (
            <Table
              caption={`Propositions déposées (${proposals.length})`}
              noCaption
              columns={["Proposition", "Organisation", "État", "«\u00a0Nous aussi\u00a0»"]}
              rows={proposals.map((proposal) => [
                <a key="title" href={`/appel-a-projets/${proposal.id}`}>
                  {proposal.title}
                </a>,
                proposal.organisationName ?? "—",
                stateLabel(proposal.state),
                String(proposal.supports),
              ])}
            />
          )}
        </>
      ) : null}
    </Layout>
  );
}

export type OpenCallPageProps = { context: PageContext; seasons: Option[]; values?: Record<string, string>; errors?: FieldErrors };

export function OpenCallPage({ context, seasons, values = {}, errors = {} }: OpenCallPageProps) {
  return (
    <Layout context={context} title="Ouvrir un appel à projets" breadcrumb={[...breadcrumb, { label: "Appel à projets", href: "/appel-a-projets" }]}>
      <h1>Ouvrir un appel à projets</h1>
      <p>Sauf mention contraire, tous les champs sont obligatoires. Les dates et heures sont celles de Paris.</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/appel-a-projets/ouvrir" noValidate>
        <CsrfField token={context.csrfToken} />
        <SelectField name="seasonId" label="Saison" options={seasons} value={values.seasonId} error={errors.seasonId} required placeholder="Choisir une saison" />
        <InputField name="title" label="Titre de l’appel" hint="Par exemple&nbsp;: Appel à défis d’intérêt commun 2027" value={values.title} error={errors.title} required maxLength={200} />
        <InputField name="opensAt" type="datetime-local" label="Ouverture" hint="Date et heure (heure de Paris)" value={values.opensAt} error={errors.opensAt} required />
        <InputField name="closesAt" type="datetime-local" label="Clôture" hint="Date et heure (heure de Paris)&nbsp;: les dépôts sont refusés à partir de cet instant." value={values.closesAt} error={errors.closesAt} required />
        <button className="fr-btn" type="submit">
          Ouvrir l’appel
        </button>
      </form>
    </Layout>
  );
}

const average = (value: number | null) => (value === null ? "—" : value.toLocaleString("fr-FR", { maximumFractionDigits: 1, minimumFractionDigits: 1 }));

/** A row of the review table: `conflict` marks the viewer's own or own organisation's proposal; `opens` links its review screen. */
export type DashboardEntry = DashboardRow & { conflict: Conflict | null; opens: boolean };

const conflictTexts: Record<Conflict, string> = {
  author: "Votre proposition",
  own_organisation: "Conflit d’intérêts\u00a0: votre organisation",
};

export function DashboardPage({ context, call, rows, now }: { context: PageContext; call: Call | null; rows: DashboardEntry[]; now: Date }) {
  const states = ["submitted", "under_review", "information_requested", "selected", "declined"] as const;
  return (
    <Layout context={context} title="Qualification des propositions" breadcrumb={[...breadcrumb, { label: "Appel à projets", href: "/appel-a-projets" }]}>
      <h1>Qualification des propositions</h1>
      {call ? (
        <p>
          {call.title} — {call.seasonName}&nbsp;: {callWindowText(call, now)}. Tableau établi le {formatDateTime(now)}.
        </p>
      ) : (
        <p>Aucun appel à projets.</p>
      )}
      {rows.length === 0 ? <Alert kind="info">Aucune proposition à qualifier pour vous.</Alert> : null}
      {states.map((state) => {
        const inState = rows.filter((row) => row.state === state);
        if (inState.length === 0) return null;
        return (
          <section key={state}>
            <h2 className="fr-h4 fr-mt-4w">
              {stateLabel(state)} ({inState.length})
            </h2>
            <Table
              caption={`Propositions à l’état «\u00a0${stateLabel(state)}\u00a0»`}
              noCaption
              columns={["Proposition", "Organisation", "Conflit d’intérêts", ...criteria.map((criterion) => `${criterion.label} (moyenne)`), "Qualifications", "«\u00a0Nous aussi\u00a0»", "Organisations soutiens"]}
              rows={inState.map((row) => [
                row.opens ? (
                  <a key="title" href={`/appel-a-projets/${row.id}/qualification`}>
                    {row.title}
                  </a>
                ) : (
                  <a key="title" href={`/appel-a-projets/${row.id}`}>
                    {row.title}
                  </a>
                ),
                row.organisationName ?? "—",
                row.conflict ? conflictTexts[row.conflict] : "—",
                average(row.commonInterest),
                average(row.immediateNeed),
                average(row.openness),
                String(row.reviews),
                String(row.supports),
                String(row.supportingOrganisations),
              ])}
            />
          </section>
        );
      })}
    </Layout>
  );
}
