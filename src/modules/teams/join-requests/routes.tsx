import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { displayName } from "../../identity/api.ts";
import type { TeamsDeps } from "../deps.ts";
import { findProjectInSeason, type ProjectInSeason, seasonQuery } from "../project-in-season.ts";
import { requireTeamLeadOrProgrammeTeam, requireTeamViewer } from "../team-guard.ts";
import { countTeamMembers, findPendingJoinRequestOf, findProjectLeads, findProjectNeeds, findTeamOf, isAssignmentPublished, listPendingJoinRequests, listTeam } from "../team-repository.ts";
import { JoinRefusedError } from "./join-errors.ts";
import { JoinPage, type JoinPageModel, ManageTeamPage, maxJoinMessageLength } from "./join-pages.tsx";
import { createDecideJoinRequest } from "./use-cases/decide-join-request.ts";
import { createRequestToJoin, createWithdrawJoinRequest, teamFullMessage } from "./use-cases/request-to-join.ts";

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function projectLink(found: ProjectInSeason) {
  return { title: found.project.title, path: `/projets/${found.project.slug}`, seasonName: found.season.name };
}

/**
 * Joining a team after the assignment's publication: the member's request (`/projets/:slug/rejoindre`),
 * « Gérer l'équipe » for the lead and the programme team (`/projets/:slug/equipe`) and their decision;
 * the project's coaches read « Gérer l'équipe » without deciding.
 */
export function registerJoinRequestRoutes(app: FastifyInstance, deps: TeamsDeps) {
  const { db } = deps;
  const requestToJoin = createRequestToJoin(deps);
  const withdrawJoinRequest = createWithdrawJoinRequest(deps);
  const decideJoinRequest = createDecideJoinRequest(deps);

  async function refusalFor(userId: string, found: ProjectInSeason): Promise<string | null> {
    if (!(await isAssignmentPublished(db, found.season.id))) return "Les équipes de la saison ne sont pas encore publiées\u00a0: exprimez plutôt vos vœux.";
    const team = await findTeamOf(db, userId, found.season.id);
    if (team) return team.projectId === found.project.id ? "Vous faites déjà partie de cette équipe." : "Vous faites déjà partie d’une équipe cette saison.";
    const needs = await findProjectNeeds(db, found.project.id, found.season.id);
    if (needs && (await countTeamMembers(db, found.project.id, found.season.id)) >= needs.maxSize) return teamFullMessage(needs.maxSize);
    return null;
  }

  async function renderJoin(request: FastifyRequest, reply: FastifyReply, found: ProjectInSeason, status: number, extra: Partial<JoinPageModel> = {}) {
    const user = request.user!;
    const pending = await findPendingJoinRequestOf(db, user.id, found.season.id);
    const createdAt = pending ? (await listPendingJoinRequests(db, pending.projectId, found.season.id)).find((row) => row.id === pending.id)?.createdAt : undefined;
    const model: JoinPageModel = {
      project: projectLink(found),
      refusal: extra.refusal !== undefined ? extra.refusal : pending ? null : await refusalFor(user.id, found),
      pending: pending && createdAt ? { sameProject: pending.projectId === found.project.id, createdAt } : null,
      message: extra.message ?? "",
      errors: extra.errors ?? {},
      notice: extra.notice ?? null,
    };
    return sendPage(reply, <JoinPage context={pageContext(request, reply)} model={model} />, status);
  }

  const joinAccess = { access: "request:team-join" } as const;

  app.get<{ Params: { slug: string } }>("/projets/:slug/rejoindre", { config: joinAccess }, async (request, reply) => {
    const found = await findProjectInSeason(db, request.params.slug);
    const query = request.query as Record<string, unknown>;
    // Without a lead, the programme team receives the request (`use-cases/request-to-join.ts`).
    const sentTo = query.demande === "envoyee" ? ((await findProjectLeads(db, found.project.id, found.season.id)).length > 0 ? "au porteur ou à la porteuse du projet" : "à l’équipe du Programme 10\u00a0%, le projet n’ayant pas de porteur ni de porteuse") : null;
    const notice = sentTo ? `Votre demande est envoyée ${sentTo}. Vous recevrez la réponse par courriel.` : query.demande === "retiree" ? "Votre demande est retirée." : null;
    return renderJoin(request, reply, found, 200, { notice });
  });

  app.post<{ Params: { slug: string } }>("/projets/:slug/rejoindre", { config: joinAccess }, async (request, reply) => {
    const found = await findProjectInSeason(db, request.params.slug);
    const raw = (request.body as Record<string, unknown> | undefined)?.message;
    const message = typeof raw === "string" ? raw.trim() : "";
    if (message.length > maxJoinMessageLength || controlCharacters.test(message)) {
      const error = message.length > maxJoinMessageLength ? `Ce champ ne peut pas dépasser ${maxJoinMessageLength} caractères.` : "Ce champ contient des caractères non autorisés.";
      return renderJoin(request, reply, found, 400, { message: message.replace(controlCharacters, "").slice(0, 10_000), errors: { message: error } });
    }
    try {
      await requestToJoin({ userId: request.user!.id, project: found.project, seasonId: found.season.id, message });
    } catch (error) {
      if (error instanceof JoinRefusedError) return renderJoin(request, reply, found, 409, { refusal: error.message, message });
      throw error;
    }
    return reply.redirect(`/projets/${found.project.slug}/rejoindre?demande=envoyee`, 303);
  });

  app.post<{ Params: { slug: string } }>("/projets/:slug/rejoindre/retirer", { config: joinAccess }, async (request, reply) => {
    const found = await findProjectInSeason(db, request.params.slug);
    if (!(await withdrawJoinRequest({ userId: request.user!.id, seasonId: found.season.id }))) throw new NotFoundError("Vous n’avez pas de demande en attente.");
    return reply.redirect(`/projets/${found.project.slug}/rejoindre?demande=retiree`, 303);
  });

  async function renderManage(request: FastifyRequest, reply: FastifyReply, found: ProjectInSeason, status: number, extra: { notice?: string | null; error?: string | null; manages?: boolean } = {}) {
    const manages = extra.manages ?? true;
    const requested = seasonQuery(request);
    const query = requested ? `?saison=${encodeURIComponent(requested)}` : "";
    const base = `/projets/${found.project.slug}`;
    const needs = await findProjectNeeds(db, found.project.id, found.season.id);
    const requests = await listPendingJoinRequests(db, found.project.id, found.season.id);
    return sendPage(
      reply,
      <ManageTeamPage
        context={pageContext(request, reply)}
        model={{
          project: projectLink(found),
          needsPath: manages ? `${base}/equipe-recherchee${query}` : null,
          team: await listTeam(db, found.project.id, found.season.id),
          maxSize: needs?.maxSize ?? null,
          requests: requests.map((row) => ({ id: row.id, name: displayName(row), message: row.message, createdAt: row.createdAt })),
          notice: extra.notice ?? null,
          error: extra.error ?? null,
          decisionPath: manages ? (id) => `${base}/equipe/demandes/${id}${query}` : null,
        }}
      />,
      status,
    );
  }

  app.get<{ Params: { slug: string } }>("/projets/:slug/equipe", { config: { access: "signed-in" } }, async (request, reply) => {
    const found = await findProjectInSeason(db, request.params.slug, seasonQuery(request));
    const { manages } = await requireTeamViewer(db, request.user, found.project.id, found.season.id);
    const decided = (request.query as Record<string, unknown>).decision;
    const notice = decided === "acceptee" ? "La demande est acceptée\u00a0: la personne fait partie de l’équipe et en est informée par courriel." : decided === "refusee" ? "La demande est refusée\u00a0; la personne en est informée par courriel." : null;
    return renderManage(request, reply, found, 200, { notice, manages });
  });

  app.post<{ Params: { slug: string; id: string } }>("/projets/:slug/equipe/demandes/:id", { config: { access: "signed-in" } }, async (request, reply) => {
    const found = await findProjectInSeason(db, request.params.slug, seasonQuery(request));
    const user = await requireTeamLeadOrProgrammeTeam(db, request.user, found.project.id, found.season.id);
    const decision = (request.body as Record<string, unknown> | undefined)?.decision;
    if (!uuidPattern.test(request.params.id)) throw new NotFoundError("Cette demande n’existe pas.");
    if (decision !== "accept" && decision !== "decline") return renderManage(request, reply, found, 400, { error: "Choisissez «\u00a0Accepter\u00a0» ou «\u00a0Refuser\u00a0»." });
    try {
      await decideJoinRequest({ requestId: request.params.id, decision, decidedBy: user.id, project: found.project, season: found.season });
    } catch (error) {
      if (error instanceof JoinRefusedError) return renderManage(request, reply, found, 409, { error: error.message });
      throw error;
    }
    deps.pageCache.clear();
    const requested = seasonQuery(request);
    const query = new URLSearchParams({ ...(requested ? { saison: requested } : {}), decision: decision === "accept" ? "acceptee" : "refusee" });
    return reply.redirect(`/projets/${found.project.slug}/equipe?${query.toString()}`, 303);
  });
}
