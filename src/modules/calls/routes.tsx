import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FormValues, keepValues, parseForm } from "../../http/forms.ts";
import { sendErrorPage } from "../../http/error-handler.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { DomainError, ForbiddenError, InvalidInputError, NotFoundError } from "../../shared/domain-error.ts";
import { type CurrentUser, hasPermission } from "../identity/api.ts";
import { organisationLookup } from "../organisations/api.ts";
import type { CallsDeps } from "./deps.ts";
import { callStatus } from "./domain/call-window.ts";
import { isOwnTeam } from "./domain/review-rights.ts";
import { IllegalProposalTransitionError, isEditableByAuthor, type ProposalState } from "./domain/proposal-states.ts";
import {
  findCurrentCall,
  findProposal,
  findSimilarProposals,
  listDashboard,
  listProposals,
  listReviews,
  listSeasonOptions,
  listSkillOptions,
  listSupports,
  listTransitions,
  type ProposalWithAuthor,
  skillNames,
} from "./repository.ts";
import { decisionSchema, informationRequestSchema, openCallSchema, type ProposalForm, proposalSchema, reviewSchema, supportSchema } from "./schemas.ts";
import { openCall } from "./use-cases/open-call.ts";
import { createDecideProposal, createRequestInformation, createReviewProposal, requireReviewRight } from "./use-cases/qualify-proposal.ts";
import { listReviewersWithoutConflict, reviewAccessOf } from "./use-cases/review-context.ts";
import { createSaveProposal } from "./use-cases/save-proposal.ts";
import { createSupportProposal, createWithdrawSupport, supportableStates, withdrawableSupportStates } from "./use-cases/support-proposal.ts";
import { CallPage, type DashboardEntry, DashboardPage, OpenCallPage } from "./views/call-pages.tsx";
import { ProposalFormPage, type ProposalFormValues } from "./views/proposal-form-page.tsx";
import { ProposalPage, ReviewPage } from "./views/proposal-page.tsx";
import { isUuid } from "../../shared/uuid.ts";

const visibleStates: ProposalState[] = ["submitted", "under_review", "information_requested", "selected", "declined"];

function idParam(request: FastifyRequest): string {
  const id = (request.params as { id?: string }).id ?? "";
  if (!isUuid(id)) throw new NotFoundError();
  return id;
}

function queryFlag(request: FastifyRequest, name: string): boolean {
  return (request.query as Record<string, unknown>)[name] !== undefined;
}

function valuesOfProposal(proposal: ProposalWithAuthor): ProposalFormValues {
  const values: ProposalFormValues = {
    title: proposal.title,
    problem: proposal.problem,
    needHolders: proposal.needHolders,
    expectedImpact: proposal.expectedImpact,
    successIndicators: proposal.successIndicators,
    dataSources: proposal.dataSources,
    dataAccess: proposal.dataAccess,
    deliverable: proposal.deliverable,
    milestones: proposal.milestones,
    upkeep: proposal.upkeep,
    codeRepository: proposal.codeRepository ?? "",
    codeLicence: proposal.codeLicence ?? "",
    sponsorOrganisationId: proposal.sponsorOrganisationId ?? "",
    participatingOrganisationIds: proposal.participatingOrganisationIds,
  };
  proposal.skillsSought.forEach((skill, row) => {
    values[`skill${row}`] = skill.skillId;
    values[`skillLevel${row}`] = String(skill.level);
    values[`skillRequired${row}`] = skill.required ? "required" : "optional";
  });
  return values;
}

/** `/appel-a-projets` (the open call), proposals, « Nous aussi », qualification and decisions. */
export function registerCallRoutes(app: FastifyInstance, deps: CallsDeps) {
  const saveProposal = createSaveProposal(deps);
  const supportProposal = createSupportProposal(deps);
  const withdrawSupport = createWithdrawSupport(deps);
  const reviewProposal = createReviewProposal(deps);
  const requestInformation = createRequestInformation(deps);
  const decideProposal = createDecideProposal(deps);

  /** Illegal transitions and refused actions are shown with their French message, never a 500. */
  async function guarded(request: FastifyRequest, reply: FastifyReply, action: () => Promise<FastifyReply>): Promise<FastifyReply> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof IllegalProposalTransitionError) return sendErrorPage(request, reply, 409, error.message);
      if (error instanceof DomainError && error.code === "stale_proposal") return sendErrorPage(request, reply, 409, error.message);
      throw error;
    }
  }

  app.get("/appel-a-projets", { config: { access: "public" } }, async (request, reply) => {
    const now = deps.clock.now();
    const call = await findCurrentCall(deps.db, now);
    const user = request.user;
    const proposals = call && user && hasPermission(user, "read:proposal") ? await listProposals(deps.db, { callId: call.id, states: visibleStates }) : null;
    const drafts = user ? await listProposals(deps.db, { authorId: user.id }) : [];
    return sendPage(
      reply,
      <CallPage
        context={pageContext(request, reply)}
        call={call}
        now={now}
        canPropose={Boolean(user && hasPermission(user, "create:proposal"))}
        canOpen={Boolean(user && hasPermission(user, "manage:season:any"))}
        proposals={proposals}
        drafts={drafts}
      />,
    );
  });

  async function renderOpenCall(request: FastifyRequest, reply: FastifyReply, status: number, values: FormValues = {}, errors: Record<string, string> = {}) {
    const seasons = await listSeasonOptions(deps.db);
    const text = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
    return sendPage(reply, <OpenCallPage context={pageContext(request, reply)} seasons={seasons} values={text} errors={errors} />, status);
  }

  app.get("/appel-a-projets/ouvrir", { config: { access: "manage:season:any" } }, async (request, reply) => renderOpenCall(request, reply, 200));

  app.post("/appel-a-projets/ouvrir", { config: { access: "manage:season:any" } }, async (request, reply) => {
    const form = parseForm(openCallSchema, request.body);
    if (!form.ok) return renderOpenCall(request, reply, 400, form.values, form.errors);
    const seasons = await listSeasonOptions(deps.db);
    if (!seasons.some((season) => season.value === form.data.seasonId)) return renderOpenCall(request, reply, 400, keepValues(request.body), { seasonId: "Choisissez une saison de la liste." });
    try {
      await openCall(deps.db, form.data);
    } catch (error) {
      if (error instanceof InvalidInputError) return renderOpenCall(request, reply, 409, keepValues(request.body), error.fieldErrors);
      throw error;
    }
    // The home page announces the open call and its deadline: its cached copy must not keep the old one.
    deps.pageCache?.clear();
    return reply.redirect("/appel-a-projets", 303);
  });

  async function organisationOptions() {
    return (await organisationLookup.listHierarchy(deps.db)).map((organisation) => ({
      value: organisation.id,
      label: organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name,
      depth: organisation.depth,
    }));
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    options: { proposal: ProposalWithAuthor | null; values?: ProposalFormValues; errors?: Record<string, string>; saved?: boolean },
  ) {
    const proposal = options.proposal;
    const values = options.values ?? (proposal ? valuesOfProposal(proposal) : {});
    const similar = proposal
      ? await findSimilarProposals(deps.db, { excludeId: proposal.id, title: String(values.title ?? proposal.title), problem: String(values.problem ?? proposal.problem) })
      : [];
    return sendPage(
      reply,
      <ProposalFormPage
        context={pageContext(request, reply)}
        proposalId={proposal?.id ?? null}
        state={(proposal?.state as ProposalState | undefined) ?? "draft"}
        version={proposal?.version ?? 0}
        informationRequest={proposal?.informationRequest ?? null}
        values={values}
        errors={options.errors ?? {}}
        saved={options.saved ?? false}
        skills={await listSkillOptions(deps.db)}
        organisations={await organisationOptions()}
        similar={similar}
      />,
      status,
    );
  }

  async function ownEditableProposal(user: CurrentUser, id: string): Promise<ProposalWithAuthor> {
    const proposal = await findProposal(deps.db, id);
    if (!proposal) throw new NotFoundError();
    if (proposal.authorId !== user.id) throw new ForbiddenError("Seul l’auteur ou l’autrice d’une proposition peut la modifier.");
    if (!isEditableByAuthor(proposal.state as ProposalState)) throw new ForbiddenError("Cette proposition ne peut plus être modifiée à son état actuel.");
    return proposal;
  }

  async function handleSave(request: FastifyRequest, reply: FastifyReply, proposal: ProposalWithAuthor | null) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const intent = body.intent === "submit" ? "submit" : "draft";
    const form = parseForm(proposalSchema(intent), body);
    if (!form.ok) return renderForm(request, reply, 400, { proposal, values: form.values, errors: form.errors });
    const data: ProposalForm = form.data;
    const known = new Set((await organisationLookup.listHierarchy(deps.db)).map((organisation) => organisation.id));
    const unknownOrganisation: Record<string, string> = {};
    if (data.sponsorOrganisationId && !known.has(data.sponsorOrganisationId)) unknownOrganisation.sponsorOrganisationId = "Choisissez une organisation de la liste.";
    if (data.participatingOrganisationIds.some((id) => !known.has(id))) unknownOrganisation.participatingOrganisationIds = "Choisissez des organisations de la liste.";
    const skillIds = new Set((await listSkillOptions(deps.db)).map((skill) => skill.value));
    if (data.skills.some((skill) => !skillIds.has(skill.skillId))) unknownOrganisation.skills = "Choisissez une compétence de la liste.";
    if (Object.keys(unknownOrganisation).length > 0) return renderForm(request, reply, 400, { proposal, values: keepValues(body), errors: unknownOrganisation });
    try {
      const result = await saveProposal({ user: request.user!, proposalId: proposal?.id ?? null, form: data, intent });
      if (result.refused) {
        const saved = await findProposal(deps.db, result.id);
        return renderForm(request, reply, 409, { proposal: saved, values: keepValues(body), errors: { _form: result.refused } });
      }
      if (result.state === "draft") return reply.redirect(`/appel-a-projets/${result.id}/modifier?enregistre`, 303);
      return reply.redirect(`/appel-a-projets/${result.id}?depose`, 303);
    } catch (error) {
      if (error instanceof InvalidInputError && error.code !== "stale_proposal") return renderForm(request, reply, 409, { proposal, values: keepValues(body), errors: error.fieldErrors });
      if (error instanceof InvalidInputError) return renderForm(request, reply, 409, { proposal: proposal ? await findProposal(deps.db, proposal.id) : null, values: keepValues(body), errors: error.fieldErrors });
      throw error;
    }
  }

  app.get("/appel-a-projets/propositions/nouvelle", { config: { access: "create:proposal" } }, async (request, reply) => {
    const now = deps.clock.now();
    const call = await findCurrentCall(deps.db, now);
    if (!call || callStatus(call, now) === "closed") return sendErrorPage(request, reply, 404, "Aucun appel à projets n’est ouvert en ce moment.");
    return renderForm(request, reply, 200, { proposal: null });
  });
  app.post("/appel-a-projets/propositions/nouvelle", { config: { access: "create:proposal" } }, async (request, reply) => guarded(request, reply, () => handleSave(request, reply, null)));

  app.get("/appel-a-projets/:id/modifier", { config: { access: "update:proposal:own" } }, async (request, reply) => {
    const proposal = await ownEditableProposal(request.user!, idParam(request));
    return renderForm(request, reply, 200, { proposal, saved: queryFlag(request, "enregistre") });
  });
  app.post("/appel-a-projets/:id/modifier", { config: { access: "update:proposal:own" } }, async (request, reply) => {
    const proposal = await ownEditableProposal(request.user!, idParam(request));
    return guarded(request, reply, () => handleSave(request, reply, proposal));
  });

  app.get("/appel-a-projets/qualification", { config: { access: "review:proposal:own" } }, async (request, reply) => {
    const now = deps.clock.now();
    const call = await findCurrentCall(deps.db, now);
    const rows = call ? await listDashboard(deps.db, call.id) : [];
    // Every proposal the person may see is listed, a conflicted one marked (ADR 0025): none is left out.
    const entries: DashboardEntry[] = [];
    for (const row of rows) {
      const proposal = await findProposal(deps.db, row.id);
      const access = proposal ? await reviewAccessOf(deps.db, request.user!, proposal) : null;
      if (access?.sees) entries.push({ ...row, conflict: access.conflict, opens: access.scores || access.acts });
    }
    return sendPage(reply, <DashboardPage context={pageContext(request, reply)} call={call} rows={entries} now={now} />);
  });

  async function names() {
    return { skills: await skillNames(deps.db), organisations: new Map((await organisationLookup.listHierarchy(deps.db)).map((organisation) => [organisation.id, organisation.name])) };
  }

  async function renderProposal(request: FastifyRequest, reply: FastifyReply, status: number, proposal: ProposalWithAuthor, extra: { values?: { statement?: string }; errors?: Record<string, string>; notice?: string | null } = {}) {
    const user = request.user!;
    const supports = await listSupports(deps.db, proposal.id);
    const alreadySupported = supports.some((support) => support.userId === user.id);
    let supportBlocked: string | null = null;
    if (!hasPermission(user, "support:proposal")) supportBlocked = "«\u00a0Nous aussi\u00a0» est réservé aux membres.";
    else if (isOwnTeam(user, proposal)) supportBlocked = "«\u00a0Nous aussi\u00a0» est réservé aux membres d’une autre organisation que celle de l’auteur ou de l’autrice.";
    else if (!supportableStates.includes(proposal.state)) supportBlocked = "Cette proposition n’est pas ouverte aux soutiens à son état actuel.";
    return sendPage(
      reply,
      <ProposalPage
        context={pageContext(request, reply)}
        proposal={proposal}
        names={await names()}
        supports={supports}
        supportingOrganisations={new Set(supports.map((support) => support.organisationId).filter(Boolean)).size}
        transitions={await listTransitions(deps.db, proposal.id)}
        canEdit={proposal.authorId === user.id && isEditableByAuthor(proposal.state as ProposalState)}
        canReview={hasPermission(user, "review:proposal:own") && (await opensReviewScreen(user, proposal))}
        supportBlocked={supportBlocked}
        alreadySupported={alreadySupported}
        canWithdrawSupport={alreadySupported && withdrawableSupportStates.includes(proposal.state)}
        values={extra.values ?? {}}
        errors={extra.errors ?? {}}
        notice={extra.notice ?? null}
      />,
      status,
    );
  }

  /** A draft is seen by its author only. */
  async function readableProposal(user: CurrentUser, id: string): Promise<ProposalWithAuthor> {
    const proposal = await findProposal(deps.db, id);
    if (!proposal || (proposal.state === "draft" && proposal.authorId !== user.id)) throw new NotFoundError();
    return proposal;
  }

  app.get("/appel-a-projets/:id", { config: { access: "read:proposal" } }, async (request, reply) => {
    const proposal = await readableProposal(request.user!, idParam(request));
    const notice = queryFlag(request, "depose") ? "Proposition envoyée" : queryFlag(request, "soutenu") ? "Votre soutien est enregistré" : queryFlag(request, "soutien-retire") ? "Votre soutien est retiré" : null;
    return renderProposal(request, reply, 200, proposal, { notice });
  });

  app.post("/appel-a-projets/:id/soutenir", { config: { access: "support:proposal" } }, async (request, reply) => {
    const proposal = await readableProposal(request.user!, idParam(request));
    const form = parseForm(supportSchema, request.body);
    if (!form.ok) return renderProposal(request, reply, 400, proposal, { values: { statement: String(form.values.statement ?? "") }, errors: form.errors });
    try {
      await supportProposal({ user: request.user!, proposalId: proposal.id, statement: form.data.statement });
    } catch (error) {
      if (error instanceof InvalidInputError) return renderProposal(request, reply, 409, proposal, { values: { statement: form.data.statement }, errors: error.fieldErrors });
      throw error;
    }
    return reply.redirect(`/appel-a-projets/${proposal.id}?soutenu#nous-aussi`, 303);
  });

  app.post("/appel-a-projets/:id/retirer-soutien", { config: { access: "support:proposal" } }, async (request, reply) => {
    const proposal = await readableProposal(request.user!, idParam(request));
    try {
      await withdrawSupport({ user: request.user!, proposalId: proposal.id });
    } catch (error) {
      if (error instanceof InvalidInputError) return sendErrorPage(request, reply, 409, Object.values(error.fieldErrors).join(" "));
      throw error;
    }
    return reply.redirect(`/appel-a-projets/${proposal.id}?soutien-retire#nous-aussi`, 303);
  });

  async function opensReviewScreen(user: CurrentUser, proposal: ProposalWithAuthor): Promise<boolean> {
    const access = await reviewAccessOf(deps.db, user, proposal);
    return access.scores || access.acts;
  }

  async function renderReview(request: FastifyRequest, reply: FastifyReply, status: number, proposal: ProposalWithAuthor, extra: { values?: Record<string, string>; errors?: Record<string, string>; form?: "review" | "information" | "decision"; notice?: string | null } = {}) {
    const user = request.user!;
    const access = await reviewAccessOf(deps.db, user, proposal);
    const supports = await listSupports(deps.db, proposal.id);
    const reviews = await listReviews(deps.db, proposal.id);
    return sendPage(
      reply,
      <ReviewPage
        context={pageContext(request, reply)}
        proposal={proposal}
        names={await names()}
        supports={supports}
        supportingOrganisations={new Set(supports.map((support) => support.organisationId).filter(Boolean)).size}
        transitions={await listTransitions(deps.db, proposal.id)}
        reviews={reviews}
        ownReview={reviews.find((review) => review.reviewerId === user.id) ?? null}
        canDecide={hasPermission(user, "decide:proposal:any")}
        access={access}
        reviewersWithoutConflict={access.conflict ? await listReviewersWithoutConflict(deps.db, proposal) : []}
        {...(extra.values ? { values: extra.values } : {})}
        errors={extra.errors ?? {}}
        {...(extra.form ? { form: extra.form } : {})}
        notice={extra.notice ?? null}
      />,
      status,
    );
  }

  /** The proposal, if the signed-in person may open its review screen: score it, or ask and decide (403 otherwise, 404 for a draft). */
  async function reviewableProposal(user: CurrentUser, id: string): Promise<ProposalWithAuthor> {
    const proposal = await findProposal(deps.db, id);
    if (!proposal || proposal.state === "draft") throw new NotFoundError();
    const access = await reviewAccessOf(deps.db, user, proposal);
    requireReviewRight(access, "open");
    return proposal;
  }

  /** A conflicted team member who did not tick the declaration: the field error, before anything is changed. */
  async function missingDeclaration(user: CurrentUser, proposal: ProposalWithAuthor, right: "information" | "decision", declared: boolean): Promise<Record<string, string> | null> {
    try {
      requireReviewRight(await reviewAccessOf(deps.db, user, proposal), right, declared);
      return null;
    } catch (error) {
      if (error instanceof InvalidInputError) return error.fieldErrors;
      throw error;
    }
  }

  const stringValues = (values: FormValues) => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));

  app.get("/appel-a-projets/:id/qualification", { config: { access: "review:proposal:own" } }, async (request, reply) => {
    const proposal = await reviewableProposal(request.user!, idParam(request));
    const notice = queryFlag(request, "qualifiee") ? "Qualification enregistrée" : queryFlag(request, "demande") ? "Demande d’informations envoyée" : queryFlag(request, "decidee") ? "Décision enregistrée" : null;
    return renderReview(request, reply, 200, proposal, { notice });
  });

  app.post("/appel-a-projets/:id/qualification", { config: { access: "review:proposal:own" } }, async (request, reply) => {
    const proposal = await reviewableProposal(request.user!, idParam(request));
    const form = parseForm(reviewSchema, request.body);
    if (!form.ok) return renderReview(request, reply, 400, proposal, { values: stringValues(form.values), errors: form.errors, form: "review" });
    return guarded(request, reply, async () => {
      const { commonInterest, immediateNeed, openness, comment, privateNote } = form.data;
      await reviewProposal({ user: request.user!, proposalId: proposal.id, scores: { commonInterest, immediateNeed, openness }, comment, privateNote });
      return reply.redirect(`/appel-a-projets/${proposal.id}/qualification?qualifiee`, 303);
    });
  });

  app.post("/appel-a-projets/:id/informations", { config: { access: "review:proposal:own" } }, async (request, reply) => {
    const proposal = await reviewableProposal(request.user!, idParam(request));
    const form = parseForm(informationRequestSchema, request.body);
    if (!form.ok) return renderReview(request, reply, 400, proposal, { values: stringValues(form.values), errors: form.errors, form: "information" });
    const undeclared = await missingDeclaration(request.user!, proposal, "information", form.data.conflictDeclared);
    if (undeclared) return renderReview(request, reply, 400, proposal, { values: stringValues(keepValues(request.body)), errors: undeclared, form: "information" });
    return guarded(request, reply, async () => {
      await requestInformation({ user: request.user!, proposalId: proposal.id, question: form.data.question, conflictDeclared: form.data.conflictDeclared });
      return reply.redirect(`/appel-a-projets/${proposal.id}/qualification?demande`, 303);
    });
  });

  app.post("/appel-a-projets/:id/decision", { config: { access: "decide:proposal:any" } }, async (request, reply) => {
    const id = idParam(request);
    const existing = await findProposal(deps.db, id);
    if (!existing) throw new NotFoundError();
    // Deciding on a draft is an illegal transition, whatever the decision: said in French, with a 409.
    if (existing.state === "draft") return sendErrorPage(request, reply, 409, new IllegalProposalTransitionError("draft", "select").message);
    const proposal = await reviewableProposal(request.user!, id);
    const form = parseForm(decisionSchema, request.body);
    if (!form.ok) return renderReview(request, reply, 400, proposal, { values: stringValues(form.values), errors: form.errors, form: "decision" });
    const undeclared = await missingDeclaration(request.user!, proposal, "decision", form.data.conflictDeclared);
    if (undeclared) return renderReview(request, reply, 400, proposal, { values: stringValues(keepValues(request.body)), errors: undeclared, form: "decision" });
    return guarded(request, reply, async () => {
      await decideProposal({ user: request.user!, proposalId: proposal.id, decision: form.data.decision, reason: form.data.reason, conflictDeclared: form.data.conflictDeclared });
      // A new project (or a proposal no longer selected) changes the public season and project pages.
      deps.pageCache?.clear();
      return reply.redirect(`/appel-a-projets/${proposal.id}/qualification?decidee`, 303);
    });
  });

}
