import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FormValues, keepValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { NotFoundError } from "../../../shared/domain-error.ts";
import { parisDayOf } from "../../../shared/french-date.ts";
import { findCurrentSeason, listSeasons } from "../../seasons/api.ts";
import type { TenPercentDeps } from "../deps.ts";
import { isMonthClosed } from "../domain/ledger-rules.ts";
import { LedgerEntryPage, LedgerMonthClosedPage } from "./ledger-entry-page.tsx";
import { type LedgerNotice, LedgerPage, ledgerPath, NoSeasonLedgerPage } from "./ledger-page.tsx";
import type { OverBudget, WorkFormModel } from "./ledger-work-form.tsx";
import { noProject, overBudgetMessage, parseWorkEntryForm, type WorkEntryInput } from "./ledger-form.ts";
import { loadMemberLedger, type SeasonRef } from "./member-ledger.ts";
import { findTimeEntry, listProjectsOfMember, type ProjectOption, type TimeEntry } from "./time-entry-repository.ts";
import { createCorrectWork } from "./use-cases/correct-work.ts";
import { createDeclareWork } from "./use-cases/declare-work.ts";
import { createDeleteWork } from "./use-cases/delete-work.ts";
import { MonthClosedError, OverBudgetNotConfirmedError } from "./use-cases/work-rules.ts";

type EntryParams = { Params: { id: string } };
type FormState = { values: FormValues; errors: Record<string, string>; overBudget: OverBudget | null };

const access = { access: "manage:time:own" } as const;
const notices: readonly string[] = ["declaree", "modifiee", "supprimee"] satisfies LedgerNotice[];

function queryText(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.trim().slice(0, 100) : "";
}

function seasonRef(season: SeasonRef): SeasonRef {
  return { id: season.id, slug: season.slug, name: season.name, startsOn: season.startsOn, endsOn: season.endsOn };
}

function ledgerHref(season: SeasonRef, notice?: LedgerNotice): string {
  const search = new URLSearchParams({ saison: season.slug, ...(notice ? { fait: notice } : {}) });
  return `${ledgerPath}?${search}`;
}

/** The refused form comes back with the over-budget warning and its confirmation box, in error. */
function overBudgetState(error: OverBudgetNotConfirmedError, input: WorkEntryInput, values: FormValues): FormState {
  return { values, errors: { depasserBudget: overBudgetMessage(error.month) }, overBudget: { month: error.month, used: error.used, budget: error.budget, adding: input.halfDays } };
}

/**
 * « Mon temps » (issue 16): the member's ledger of a season, used against the budget of their agreement, and
 * the work they declare, correct and delete while its month is open. Every route is the member's own
 * (`manage:time:own`); a line of someone else's answers 404, as an unknown one.
 */
export function registerLedgerRoutes(app: FastifyInstance, deps: TenPercentDeps) {
  const { db, clock } = deps;
  const declareWork = createDeclareWork(deps);
  const correctWork = createCorrectWork(deps);
  const deleteWork = createDeleteWork(deps);

  /** The season asked by `?saison=` (404 if unknown), else the current one, else the latest; null when there is none. */
  async function resolveSeason(request: FastifyRequest): Promise<{ season: SeasonRef | null; seasons: SeasonRef[] }> {
    const seasons = (await listSeasons(db)).map(seasonRef);
    const slug = queryText(request, "saison");
    if (slug) {
      const asked = seasons.find((season) => season.slug === slug);
      if (!asked) throw new NotFoundError("Cette saison n’existe pas.");
      return { season: asked, seasons };
    }
    const current = await findCurrentSeason(db, clock.now());
    return { season: current ? seasonRef(current) : (seasons[0] ?? null), seasons };
  }

  /** The season whose days include `day`: the one a line of work belongs to. */
  async function seasonOfDay(day: string): Promise<SeasonRef | null> {
    const found = (await listSeasons(db)).find((season) => season.startsOn <= day && day <= season.endsOn);
    return found ? seasonRef(found) : null;
  }

  /** The member's own line (404 for an unknown one or someone else's) and its season. */
  async function requireOwnEntry(request: FastifyRequest<EntryParams>): Promise<{ entry: TimeEntry; season: SeasonRef }> {
    const entry = await findTimeEntry(db, request.params.id);
    const season = entry && entry.userId === request.user!.id ? await seasonOfDay(entry.workedOn) : null;
    if (!entry || !season) throw new NotFoundError("Cette ligne de temps n’existe pas.");
    return { entry, season };
  }

  async function projectOptions(userId: string, season: SeasonRef, keep?: TimeEntry): Promise<ProjectOption[]> {
    const options = await listProjectsOfMember(db, userId, season.id);
    // A line keeps the project it names even if the member has left its team since.
    if (keep?.projectId && keep.projectTitle && !options.some((option) => option.id === keep.projectId)) options.push({ id: keep.projectId, title: keep.projectTitle });
    return options;
  }

  async function renderLedger(request: FastifyRequest, reply: FastifyReply, season: SeasonRef | null, seasons: SeasonRef[], status: number, form: FormState = { values: {}, errors: {}, overBudget: null }) {
    const context = pageContext(request, reply);
    if (!season) return sendPage(reply, <NoSeasonLedgerPage context={context} />, status);
    const userId = request.user!.id;
    const today = parisDayOf(clock.now());
    const [ledger, projects] = await Promise.all([loadMemberLedger(db, userId, season, today), projectOptions(userId, season)]);
    const canDeclare = season.startsOn <= today && !isMonthClosed(season.endsOn.slice(0, 7), today);
    const notice = queryText(request, "fait");
    const terms = ledger.agreement?.terms;
    return sendPage(
      reply,
      <LedgerPage
        context={context}
        model={{
          season,
          seasons,
          agreement: ledger.agreement && terms && ledger.terms ? { status: ledger.agreement.status, shareKind: terms.shareKind, halfDaysPerMonth: terms.halfDaysPerMonth, startsOn: ledger.terms.startsOn, endsOn: ledger.terms.endsOn } : null,
          summary: ledger.summary,
          lines: ledger.lines,
          currentMonth: today.slice(0, 7),
          form: canDeclare ? { action: ledgerHref(season), submitLabel: "Déclarer ce temps", projects, ...form } : null,
          notice: status === 200 && notices.includes(notice) ? (notice as LedgerNotice) : null,
        }}
      />,
      status,
    );
  }

  function renderEntry(request: FastifyRequest, reply: FastifyReply, entry: TimeEntry, projects: ProjectOption[], status: number, form: FormState) {
    const model: WorkFormModel = { action: `${ledgerPath}/${entry.id}/modifier`, submitLabel: "Enregistrer la correction", projects, ...form };
    return sendPage(reply, <LedgerEntryPage context={pageContext(request, reply)} workedOn={entry.workedOn} form={model} />, status);
  }

  function renderClosed(request: FastifyRequest, reply: FastifyReply, month: string) {
    return sendPage(reply, <LedgerMonthClosedPage context={pageContext(request, reply)} month={month} />, 409);
  }

  app.get(ledgerPath, { config: access }, async (request, reply) => {
    const { season, seasons } = await resolveSeason(request);
    return renderLedger(request, reply, season, seasons, 200);
  });

  app.post(ledgerPath, { config: access }, async (request, reply) => {
    const { season, seasons } = await resolveSeason(request);
    if (!season) throw new NotFoundError("Aucune saison n’est ouverte.");
    const userId = request.user!.id;
    const today = parisDayOf(clock.now());
    const projects = await projectOptions(userId, season);
    const form = parseWorkEntryForm(request.body, { today, season, projectIds: new Set(projects.map((project) => project.id)) });
    if (!form.ok) return renderLedger(request, reply, season, seasons, 400, { values: form.values, errors: form.errors, overBudget: null });
    try {
      await declareWork({ ...form.data, userId, seasonId: season.id });
    } catch (error) {
      if (error instanceof OverBudgetNotConfirmedError) return renderLedger(request, reply, season, seasons, 409, overBudgetState(error, form.data, keepValues(request.body)));
      if (error instanceof MonthClosedError) return renderLedger(request, reply, season, seasons, 409, { values: keepValues(request.body), errors: { workedOn: error.message }, overBudget: null });
      throw error;
    }
    return reply.redirect(ledgerHref(season, "declaree"), 303);
  });

  app.get<EntryParams>(`${ledgerPath}/:id/modifier`, { config: access }, async (request, reply) => {
    const { entry, season } = await requireOwnEntry(request);
    if (isMonthClosed(entry.workedOn.slice(0, 7), parisDayOf(clock.now()))) return renderClosed(request, reply, entry.workedOn.slice(0, 7));
    const values = { workedOn: entry.workedOn, length: entry.halfDays === 2 ? "journee" : "demi-journee", projectId: entry.projectId ?? noProject, description: entry.description };
    return renderEntry(request, reply, entry, await projectOptions(request.user!.id, season, entry), 200, { values, errors: {}, overBudget: null });
  });

  app.post<EntryParams>(`${ledgerPath}/:id/modifier`, { config: access }, async (request, reply) => {
    const { entry, season } = await requireOwnEntry(request);
    const today = parisDayOf(clock.now());
    if (isMonthClosed(entry.workedOn.slice(0, 7), today)) return renderClosed(request, reply, entry.workedOn.slice(0, 7));
    const userId = request.user!.id;
    const projects = await projectOptions(userId, season, entry);
    const form = parseWorkEntryForm(request.body, { today, season, projectIds: new Set(projects.map((project) => project.id)) });
    if (!form.ok) return renderEntry(request, reply, entry, projects, 400, { values: form.values, errors: form.errors, overBudget: null });
    try {
      await correctWork({ ...form.data, id: entry.id, userId, seasonId: season.id });
    } catch (error) {
      if (error instanceof OverBudgetNotConfirmedError) return renderEntry(request, reply, entry, projects, 409, overBudgetState(error, form.data, keepValues(request.body)));
      if (error instanceof MonthClosedError) return renderEntry(request, reply, entry, projects, 409, { values: keepValues(request.body), errors: { workedOn: error.message }, overBudget: null });
      throw error;
    }
    return reply.redirect(ledgerHref(season, "modifiee"), 303);
  });

  app.post<EntryParams>(`${ledgerPath}/:id/supprimer`, { config: access }, async (request, reply) => {
    const { entry, season } = await requireOwnEntry(request);
    try {
      await deleteWork({ id: entry.id, userId: request.user!.id });
    } catch (error) {
      if (error instanceof MonthClosedError) return renderClosed(request, reply, error.month);
      throw error;
    }
    return reply.redirect(ledgerHref(season, "supprimee"), 303);
  });
}
