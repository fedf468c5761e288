import { formatDateTime } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, type FieldErrors, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { roleLabels } from "../team-labels.ts";
import type { TeamMember } from "../team-repository.ts";

export const maxJoinMessageLength = 500;

type ProjectLink = { title: string; path: string; seasonName: string };

const crumbs = (project: ProjectLink) => [
  { label: "Accueil", href: "/" },
  { label: "Projets", href: "/projets" },
  { label: project.title, href: project.path },
];

export type JoinPageModel = {
  project: ProjectLink;
  /** Why the member cannot ask (published? in a team?), or null when the form is offered. */
  refusal: string | null;
  pending: { sameProject: boolean; createdAt: Date } | null;
  message: string;
  errors: FieldErrors;
  notice: string | null;
};

/** « Demander à rejoindre l'équipe »: the form, or the member's pending request with « Retirer ma demande ». */
export function JoinPage({ context, model }: { context: PageContext; model: JoinPageModel }) {
  const action = `${model.project.path}/rejoindre`;
  return (
    <Layout context={context} title={`Rejoindre l’équipe — ${model.project.title}`} hasErrors={Object.keys(model.errors).length > 0} breadcrumb={crumbs(model.project)}>
      <h1>Rejoindre l’équipe de {model.project.title}</h1>
      <p className="fr-text--lead">{model.project.seasonName}</p>
      {model.notice ? <Alert kind="success">{model.notice}</Alert> : null}
      {model.refusal ? <Alert kind="warning">{model.refusal}</Alert> : null}
      {model.pending ? (
        <>
          <p>
            {model.pending.sameProject ? "Votre demande pour ce projet" : "Votre demande pour un autre projet"} est en attente depuis le {formatDateTime(model.pending.createdAt)}.
          </p>
          <form method="post" action={`${action}/retirer`}>
            <CsrfField token={context.csrfToken} />
            <button className="fr-btn fr-btn--secondary" type="submit">
              Retirer ma demande
            </button>
          </form>
        </>
      ) : null}
      {!model.refusal && !model.pending ? (
        <form method="post" action={action} noValidate>
          <CsrfField token={context.csrfToken} />
          <TextareaField name="message" label="Message au porteur ou à la porteuse du projet (facultatif)" hint={`Ce que vous aimeriez apporter, au plus ${maxJoinMessageLength}\u00a0caractères.`} rows={5} maxLength={maxJoinMessageLength} value={model.message} error={model.errors.message} />
          <button className="fr-btn" type="submit">
            Demander à rejoindre l’équipe
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

export type ManageTeamModel = {
  project: ProjectLink;
  /** Null for a coach, who reads the page: the needs and the decisions stay with the lead and the programme team. */
  needsPath: string | null;
  team: TeamMember[];
  maxSize: number | null;
  requests: { id: string; name: string; message: string; createdAt: Date }[];
  notice: string | null;
  error: string | null;
  decisionPath: ((id: string) => string) | null;
};

/** « Gérer l'équipe »: the team and the pending requests, each with « Accepter » and « Refuser » (read-only for a coach). */
export function ManageTeamPage({ context, model }: { context: PageContext; model: ManageTeamModel }) {
  const counted = model.team.filter((member) => member.role !== "coach").length;
  return (
    <Layout context={context} title={`Gérer l’équipe — ${model.project.title}`} breadcrumb={crumbs(model.project)}>
      <h1>Gérer l’équipe de {model.project.title}</h1>
      <p className="fr-text--lead">
        {model.project.seasonName}&nbsp;: {counted}&nbsp;{counted > 1 ? "personnes" : "personne"}
        {model.maxSize !== null ? ` sur ${model.maxSize}\u00a0au plus` : ""}.
      </p>
      {model.notice ? <Alert kind="success">{model.notice}</Alert> : null}
      {model.error ? (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <p>{model.error}</p>
        </div>
      ) : null}
      {model.needsPath ? (
        <p>
          <a className="fr-link" href={model.needsPath}>
            Modifier l’équipe recherchée
          </a>
        </p>
      ) : null}
      <h2>L’équipe</h2>
      {model.team.length === 0 ? (
        <p>Personne dans l’équipe pour le moment.</p>
      ) : (
        <ul>
          {model.team.map((member) => (
            <li key={member.id}>
              {member.name} — {roleLabels[member.role]}
              {member.organisationName ? ` (${member.organisationName})` : ""}
            </li>
          ))}
        </ul>
      )}
      <h2>Demandes en attente</h2>
      {model.decisionPath ? null : <p className="fr-hint-text">Le porteur ou la porteuse du projet et l’équipe du programme répondent aux demandes.</p>}
      {model.requests.length === 0 ? (
        <p>Aucune demande en attente.</p>
      ) : (
        <ul className="fr-raw-list">
          {model.requests.map((request) => (
            <li key={request.id} className="fr-mb-3w">
              <p className="fr-mb-1w">
                <strong>{request.name}</strong>, le {formatDateTime(request.createdAt)}
              </p>
              {request.message ? <p style={{ whiteSpace: "pre-line" }}>{request.message}</p> : null}
              {model.decisionPath ? (
                <form method="post" action={model.decisionPath(request.id)}>
                  <CsrfField token={context.csrfToken} />
                  <ul className="fr-btns-group fr-btns-group--inline-sm">
                    <li>
                      <button className="fr-btn fr-btn--sm" type="submit" name="decision" value="accept" title={`Accepter la demande de ${request.name}`}>
                        Accepter
                      </button>
                    </li>
                    <li>
                      <button className="fr-btn fr-btn--sm fr-btn--secondary" type="submit" name="decision" value="decline" title={`Refuser la demande de ${request.name}`}>
                        Refuser
                      </button>
                    </li>
                  </ul>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
