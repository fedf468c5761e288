import { and, asc, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Executor } from "../../../db/client.ts";
import { agreements, projects, teamMembers } from "../../../db/schema/index.ts";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { parisDayOf } from "../../../shared/french-date.ts";
import { ForbiddenError, NotFoundError } from "../../../shared/domain-error.ts";
import type { FieldErrors } from "../../../ui/fields.tsx";
import { type CurrentUser, displayName } from "../../identity/api.ts";
import { findManagerOfMember } from "../../people/api.ts";
import { findCurrentSeason, listSeasons } from "../../seasons/api.ts";
import { type AgreementViewer, requireAgreementAccess } from "../access.ts";
import type { TenPercentDeps } from "../deps.ts";
import { isLive } from "../domain/agreement-states.ts";
import type { AgreementProject } from "../domain/terms.ts";
import { AgreementFormPage, type AgreementFormModel } from "./agreement-form-page.tsx";
import { AgreementHubPage } from "./agreement-hub-page.tsx";
import { AgreementPage } from "./agreement-page.tsx";
import { parseAnswerForm, parseDecisionForm, parseEndForm, parseManagerForm, parseModifyForm, parseSendForm, parseWithdrawForm, ownAddressError, publicBodyAddressError, type TermsInput } from "./agreement-form.ts";
import { type Agreement, currentSignatures, findLiveAgreement, listAgreementsOfMember } from "./agreement-repository.ts";
import { registerAgreementReminders } from "./reminders.ts";
import { createAnswerQuestion, createDecide, signatoriesAwaitingAnswer } from "./use-cases/decide.ts";
import { createEndAgreement, type EndedBy } from "./use-cases/end-agreement.ts";
import { createChangeManager, createModifyAgreement } from "./use-cases/modify-agreement.ts";
import { alreadyLiveMessage, createSendAgreement } from "./use-cases/send-agreement.ts";

type IdParams = { Params: { id: string } };
type Form = { name: "decision" | "answer" | "end" | null; values: FormValues; errors: FieldErrors };
const noForm: Form = { name: null, values: {}, errors: {} };

/** The season's projects the member is in a team of (lead, contributor or coach), by title. */
async function projectsOfMember(db: Executor, userId: string, seasonId: string): Promise<AgreementProject[]> {
  const rows = await db
    .selectDistinct({ projectId: projects.id, title: projects.title })
    .from(teamMembers)
    .innerJoin(projects, eq(projects.id, teamMembers.projectId))
    .where(and(eq(teamMembers.userId, userId), eq(teamMembers.seasonId, seasonId)))
    .orderBy(asc(projects.title));
  return rows;
}

function termsValues(terms: TermsInput): FormValues {
  return {
    shareKind: terms.shareKind,
    halfDaysPerMonth: terms.shareKind === "half_days" ? String(terms.halfDaysPerMonth) : "",
    startsOn: terms.startsOn,
    endsOn: terms.endsOn,
    projects: terms.projects.flatMap((project) => (project.projectId ? [project.projectId] : [])),
    managerName: terms.managerName,
    managerEmail: terms.managerEmail,
  };
}

function notice(request: FastifyRequest, texts: Record<string, string>): string | null {
  const query = (request.query ?? {}) as Record<string, unknown>;
  for (const [key, text] of Object.entries(texts)) if (query[key] === "1") return text;
  return null;
}

/**
 * The member's « convention 10 % » (issue 16): the hub `/mon-10-pourcent`, preparing and sending, and the
 * agreement's page `/conventions/:id` with what its member, signatories signed in and the programme team
 * may do there (modify, change manager, end, answer a question, decide, share the details). Reminders run hourly.
 */
export function registerAgreementRoutes(app: FastifyInstance, deps: TenPercentDeps) {
  const { db, clock } = deps;
  const sendAgreement = createSendAgreement(deps);
  const modifyAgreement = createModifyAgreement(deps);
  const changeManager = createChangeManager(deps);
  const decide = createDecide(deps);
  const answerQuestion = createAnswerQuestion(deps);
  const endAgreement = createEndAgreement(deps);
  registerAgreementReminders(app, deps);

  async function currentSeason() {
    return findCurrentSeason(db, clock.now());
  }

  /** A public body's address, and not the member's own: nobody signs their own agreement. */
  async function checkManagerAddress(errors: FieldErrors, email: string, memberEmail: string) {
    if (!errors.managerEmail && email.toLowerCase() === memberEmail.toLowerCase()) errors.managerEmail = ownAddressError;
    if (!errors.managerEmail && !(await deps.isEligibleEmail(email))) errors.managerEmail = publicBodyAddressError;
  }

  app.get("/mon-10-pourcent", { config: { access: "manage:agreement:own" } }, async (request, reply) => {
    const user = request.user!;
    const season = await currentSeason();
    const all = await listAgreementsOfMember(db, user.id);
    const current = season ? (all.find((agreement) => agreement.seasonId === season.id && isLive(agreement.status)) ?? null) : null;
    const model = {
      season,
      current,
      questionPending: current ? signatoriesAwaitingAnswer(current).length > 0 : false,
      earlier: all.filter((agreement) => agreement !== current),
      notice: notice(request, { envoyee: "Votre convention est envoyée. Votre manager la reçoit par courriel avec un lien personnel." }),
    };
    return sendPage(reply, <AgreementHubPage context={pageContext(request, reply)} model={model} />);
  });

  async function renderForm(request: FastifyRequest, reply: FastifyReply, model: AgreementFormModel, status: number) {
    return sendPage(reply, <AgreementFormPage context={pageContext(request, reply)} model={model} />, status);
  }

  app.get("/mon-10-pourcent/convention", { config: { access: "manage:agreement:own" } }, async (request, reply) => {
    const user = request.user!;
    const season = await currentSeason();
    if (!season) throw new NotFoundError("Aucune saison du programme n’est en cours ni annoncée\u00a0: la convention ne peut pas encore être préparée.");
    const live = await findLiveAgreement(db, user.id, season.id);
    if (live) return reply.redirect(`/conventions/${live.id}`, 303);
    const manager = await findManagerOfMember(db, user.id);
    // A season already started: the period starts today, not in the past (weeks before the request).
    const today = parisDayOf(clock.now());
    const startsOn = today > season.startsOn && today <= season.endsOn ? today : season.startsOn;
    const values: FormValues = { shareKind: "ten_percent", startsOn, endsOn: season.endsOn, managerName: manager?.managerName ?? "", managerEmail: manager?.managerEmail ?? "" };
    const memberProjects = await projectsOfMember(db, user.id, season.id);
    return renderForm(request, reply, { mode: "send", action: "/mon-10-pourcent/convention", season, projects: memberProjects, values, errors: {}, message: null, cancelHref: "/mon-10-pourcent" }, 200);
  });

  app.post("/mon-10-pourcent/convention", { config: { access: "manage:agreement:own" } }, async (request, reply) => {
    const user = request.user!;
    const season = await currentSeason();
    if (!season) throw new NotFoundError("Aucune saison du programme n’est en cours ni annoncée\u00a0: la convention ne peut pas encore être préparée.");
    const memberProjects = await projectsOfMember(db, user.id, season.id);
    const form = parseSendForm(request.body, { season, projects: memberProjects });
    const base = { mode: "send" as const, action: "/mon-10-pourcent/convention", season, projects: memberProjects, cancelHref: "/mon-10-pourcent" };
    const errors: FieldErrors = form.ok ? {} : form.errors;
    const email = typeof (request.body as Record<string, unknown> | undefined)?.managerEmail === "string" ? ((request.body as Record<string, string>).managerEmail ?? "").trim() : "";
    if (email) await checkManagerAddress(errors, email, request.user!.email);
    if (!form.ok || Object.keys(errors).length > 0) return renderForm(request, reply, { ...base, values: form.ok ? { ...termsValues(form.data), charter: "on" } : form.values, errors, message: null }, 400);
    const sent = await sendAgreement({ userId: user.id, seasonId: season.id, terms: form.data });
    if (!sent.ok) return renderForm(request, reply, { ...base, values: { ...termsValues(form.data), charter: "on" }, errors: {}, message: alreadyLiveMessage }, 409);
    return reply.redirect("/mon-10-pourcent?envoyee=1", 303);
  });

  async function renderAgreement(request: FastifyRequest, reply: FastifyReply, agreement: Agreement, viewer: AgreementViewer, status = 200, form: Form = noForm, message: string | null = null) {
    const user = request.user!;
    const ownSignature =
      agreement.status === "sent" ? (currentSignatures(agreement).find((signature) => signature.email.toLowerCase() === user.email.toLowerCase() && !signature.decision && !signature.invalidatedAt) ?? null) : null;
    const model = {
      agreement,
      viewer,
      ownSignature,
      questionPending: signatoriesAwaitingAnswer(agreement).length > 0,
      canEnd: isLive(agreement.status) && endedByOf(viewer) !== null,
      today: parisDayOf(clock.now()),
      form,
      notice: status === 200 ? notice(request, { modifiee: "La nouvelle version est envoyée aux signataires.", envoyee: "La nouvelle convention est envoyée à votre nouveau ou nouvelle manager.", repondu: "Votre réponse est envoyée.", decidee: "Votre réponse est enregistrée.", terminee: "La convention est terminée. Les autres personnes concernées sont prévenues.", retiree: "Votre demande est retirée. Les signataires sont prévenus que leur réponse n’est plus attendue.", partage: "Votre choix de partage est enregistré." }) : null,
      message,
    };
    return sendPage(reply, <AgreementPage context={pageContext(request, reply)} model={model} />, status);
  }

  app.get<IdParams>("/conventions/:id", { config: { access: "signed-in" } }, async (request, reply) => {
    const { agreement, viewer } = await requireAgreementAccess(db, request.user, request.params.id);
    return renderAgreement(request, reply, agreement, viewer);
  });

  /** The agreement of the signed-in member (its member only). */
  async function requireOwnAgreement(request: FastifyRequest<IdParams>): Promise<Agreement> {
    const { agreement, viewer } = await requireAgreementAccess(db, request.user, request.params.id);
    if (viewer !== "member") throw new ForbiddenError("Seul le ou la membre peut faire cette action sur sa convention.");
    return agreement;
  }

  async function seasonOf(agreement: Agreement) {
    const season = (await findCurrentSeason(db, clock.now())) ?? null;
    // The agreement's own season's dates bound the period; the current season is the usual case.
    if (season && season.id === agreement.seasonId) return season;
    const found = (await listSeasons(db)).find((candidate) => candidate.id === agreement.seasonId);
    if (!found) throw new NotFoundError();
    return found;
  }

  app.get<IdParams>("/conventions/:id/modifier", { config: { access: "manage:agreement:own" } }, async (request, reply) => {
    const agreement = await requireOwnAgreement(request);
    if (!isLive(agreement.status)) return reply.redirect(`/conventions/${agreement.id}`, 303);
    const season = await seasonOf(agreement);
    const memberProjects = await projectsOfMember(db, agreement.userId, agreement.seasonId);
    const known = [...memberProjects, ...agreement.terms.projects.filter((project) => !memberProjects.some((candidate) => candidate.projectId === project.projectId))];
    return renderForm(request, reply, { mode: "modify", action: `/conventions/${agreement.id}/modifier`, season, projects: known, values: termsValues(agreement.terms), errors: {}, message: null, cancelHref: `/conventions/${agreement.id}`, currentManagerName: agreement.terms.managerName }, 200);
  });

  app.post<IdParams>("/conventions/:id/modifier", { config: { access: "manage:agreement:own" } }, async (request, reply) => {
    const agreement = await requireOwnAgreement(request);
    const season = await seasonOf(agreement);
    const memberProjects = await projectsOfMember(db, agreement.userId, agreement.seasonId);
    const known = [...memberProjects, ...agreement.terms.projects.filter((project) => !memberProjects.some((candidate) => candidate.projectId === project.projectId))];
    const base = { mode: "modify" as const, action: `/conventions/${agreement.id}/modifier`, season, projects: known, cancelHref: `/conventions/${agreement.id}`, currentManagerName: agreement.terms.managerName };
    const form = parseModifyForm(request.body, { season, projects: known, managerName: agreement.terms.managerName });
    const errors: FieldErrors = form.ok ? {} : form.errors;
    if (form.ok && form.data.managerEmail !== agreement.terms.managerEmail.toLowerCase()) await checkManagerAddress(errors, form.data.managerEmail, request.user!.email);
    if (!form.ok || Object.keys(errors).length > 0) return renderForm(request, reply, { ...base, values: form.ok ? termsValues(form.data) : form.values, errors, message: null }, 400);
    const result = await modifyAgreement(agreement, form.data);
    if (!result.ok) return renderForm(request, reply, { ...base, values: termsValues(form.data), errors: {}, message: result.message }, 409);
    return reply.redirect(`/conventions/${agreement.id}?modifiee=1`, 303);
  });

  app.get<IdParams>("/conventions/:id/changer-de-manager", { config: { access: "manage:agreement:own" } }, async (request, reply) => {
    const agreement = await requireOwnAgreement(request);
    if (!isLive(agreement.status)) return reply.redirect(`/conventions/${agreement.id}`, 303);
    const season = await seasonOf(agreement);
    return renderForm(request, reply, { mode: "manager", action: `/conventions/${agreement.id}/changer-de-manager`, season, projects: [], values: {}, errors: {}, message: null, cancelHref: `/conventions/${agreement.id}` }, 200);
  });

  app.post<IdParams>("/conventions/:id/changer-de-manager", { config: { access: "manage:agreement:own" } }, async (request, reply) => {
    const agreement = await requireOwnAgreement(request);
    const season = await seasonOf(agreement);
    const base = { mode: "manager" as const, action: `/conventions/${agreement.id}/changer-de-manager`, season, projects: [], cancelHref: `/conventions/${agreement.id}` };
    const form = parseManagerForm(request.body, agreement.terms);
    const errors: FieldErrors = form.ok ? {} : form.errors;
    if (form.ok) await checkManagerAddress(errors, form.data.managerEmail, request.user!.email);
    if (!form.ok || Object.keys(errors).length > 0) return renderForm(request, reply, { ...base, values: form.ok ? { ...form.data } : form.values, errors, message: null }, 400);
    const result = await changeManager(agreement, form.data);
    if (!result.ok) return renderForm(request, reply, { ...base, values: { ...form.data }, errors: {}, message: result.message }, 409);
    return reply.redirect(`/conventions/${result.id}?envoyee=1`, 303);
  });

  function endedByOf(viewer: AgreementViewer): EndedBy | null {
    return viewer === "member" ? "member" : viewer === "manager" ? "manager" : viewer === "programme" ? "programme" : null;
  }

  app.post<IdParams>("/conventions/:id/terminer", { config: { access: "signed-in" } }, async (request, reply) => {
    const user = request.user!;
    const { agreement, viewer } = await requireAgreementAccess(db, user, request.params.id);
    const endedBy = endedByOf(viewer);
    if (!endedBy) throw new ForbiddenError("Seuls le ou la membre, son ou sa manager et l’équipe du programme peuvent terminer la convention.");
    if (!isLive(agreement.status)) return renderAgreement(request, reply, agreement, viewer, 409, noForm, "Cette convention n’est plus en cours\u00a0: elle ne peut pas être terminée.");
    const today = parisDayOf(clock.now());
    const withdrawn = agreement.status === "sent" && endedBy === "member";
    const form = withdrawn ? parseWithdrawForm(request.body, { today }) : parseEndForm(request.body, { today, startsOn: agreement.terms.startsOn, endsOn: agreement.terms.endsOn });
    if (!form.ok) return renderAgreement(request, reply, agreement, viewer, 400, { name: "end", values: form.values, errors: form.errors });
    const result = await endAgreement({ agreement, endedBy, actorName: viewer === "member" ? agreement.terms.memberName : actorName(user, agreement), actorEmail: user.email, endedOn: form.data.endedOn, reason: form.data.reason });
    if (!result.ok) return renderAgreement(request, reply, agreement, viewer, 409, noForm, result.message);
    return reply.redirect(`/conventions/${agreement.id}?${withdrawn ? "retiree" : "terminee"}=1`, 303);
  });

  function actorName(user: CurrentUser, agreement: Agreement): string {
    const signature = currentSignatures(agreement).find((candidate) => candidate.email.toLowerCase() === user.email.toLowerCase());
    return signature?.name ?? displayName(user);
  }

  app.post<IdParams>("/conventions/:id/repondre", { config: { access: "manage:agreement:own" } }, async (request, reply) => {
    const agreement = await requireOwnAgreement(request);
    const form = parseAnswerForm(request.body);
    if (!form.ok) return renderAgreement(request, reply, agreement, "member", 400, { name: "answer", values: form.values, errors: form.errors });
    const result = await answerQuestion(agreement, form.data.answer);
    if (!result.ok) return renderAgreement(request, reply, agreement, "member", 409, noForm, result.message);
    return reply.redirect(`/conventions/${agreement.id}?repondu=1`, 303);
  });

  app.post<IdParams>("/conventions/:id/decision", { config: { access: "signed-in" } }, async (request, reply) => {
    const user = request.user!;
    const { agreement, viewer } = await requireAgreementAccess(db, user, request.params.id);
    // The member never decides on their own agreement, whatever address a signature names.
    const signature = viewer === "member" ? undefined : currentSignatures(agreement).find((candidate) => candidate.email.toLowerCase() === user.email.toLowerCase() && !candidate.decision && !candidate.invalidatedAt);
    if (!signature) throw new ForbiddenError("Aucune signature de cette convention n’attend votre réponse.");
    const form = parseDecisionForm(request.body);
    if (!form.ok) return renderAgreement(request, reply, agreement, viewer, 400, { name: "decision", values: form.values, errors: form.errors });
    const result = await decide({ agreement, signature, version: form.data.version, choice: form.data.choice, reason: form.data.reason, via: "account" });
    if (!result.ok) return renderAgreement(request, reply, agreement, viewer, 409, noForm, result.message);
    return reply.redirect(`/conventions/${agreement.id}?decidee=1`, 303);
  });

  app.post<IdParams>("/conventions/:id/partage", { config: { access: "manage:agreement:own" } }, async (request, reply) => {
    const agreement = await requireOwnAgreement(request);
    const value = (request.body as Record<string, unknown> | undefined)?.shareDetails;
    if (value !== "on" && value !== "off") return renderAgreement(request, reply, agreement, "member", 400, noForm, "Choix de partage non reconnu.");
    await db.update(agreements).set({ shareDetails: value === "on", updatedAt: clock.now() }).where(eq(agreements.id, agreement.id));
    return reply.redirect(`/conventions/${agreement.id}?partage=1`, 303);
  });
}
