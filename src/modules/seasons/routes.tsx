import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { keepValues } from "../../http/forms.ts";
import { pageContext, sendPage } from "../../http/render.tsx";
import { InvalidInputError, NotFoundError } from "../../shared/domain-error.ts";
import type { SeasonsDeps } from "./deps.ts";
import { parisDayOf } from "../../shared/french-date.ts";
import { currentPhase, isCalendarDay, type PhaseDates, spreadDefaultPhases } from "./domain/phases.ts";
import { findSeasonWithPhasesById, findSeasonWithPhasesBySlug, listSeasonProjects, listSeasonsWithPhases, seasonFigures, type SeasonWithPhases } from "./repository.ts";
import { saveSeason, slugPattern } from "./use-cases/save-season.ts";
import { type AdminSeasonRow, type PhaseFormValues, phaseField, type SeasonFormValues, SeasonFormPage, SeasonsAdminPage } from "./views/admin-pages.tsx";
import { phaseLine } from "./views/format.ts";
import { SeasonPage, SeasonsPage, type SeasonSummary } from "./views/public-pages.tsx";
import { isUuid } from "../../shared/uuid.ts";

const adminAccess = { access: "manage:season:any" } as const;
const publicPage = { access: "public", cacheForAnonymous: true } as const;
const maxPhases = 20;

type IdParams = { id: string };
type SlugParams = { slug: string };

function text(values: Record<string, unknown>, name: string, max = 200): string {
  const value = values[name];
  return typeof value === "string" ? value.slice(0, max) : "";
}

/** The phases typed in the edit form, in form order; removed ones dropped, the added one kept if anything was typed. */
function phasesOf(body: Record<string, unknown>): { phases: PhaseFormValues[]; added: PhaseFormValues } {
  const count = Math.min(Math.max(Number.parseInt(text(body, "phaseCount", 3), 10) || 0, 0), maxPhases);
  const read = (index: number): PhaseFormValues => ({
    key: text(body, phaseField(index, "key"), 40) || "other",
    name: text(body, phaseField(index, "name"), 200),
    startsOn: text(body, phaseField(index, "startsOn"), 20).trim(),
    endsOn: text(body, phaseField(index, "endsOn"), 20).trim(),
  });
  const phases: PhaseFormValues[] = [];
  for (let index = 0; index < count; index++) if (!body[phaseField(index, "remove")]) phases.push(read(index));
  const added = read(count);
  if (added.name.trim() || added.startsOn || added.endsOn) phases.push(added);
  return { phases, added: { key: "other", name: "", startsOn: "", endsOn: "" } };
}

/** Phases with real dates go in date order (a phase added last may belong in the middle). */
function inDateOrder(phases: PhaseFormValues[]): PhaseFormValues[] {
  if (!phases.every((phase) => isCalendarDay(phase.startsOn))) return phases;
  return [...phases].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
}

/** Domain errors `phases.2.endsOn` become the form's field ids `phase-2-endsOn`. */
function formErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([key, message]) => [key.replace(/^phases\.(\d+)\.(\w+)$/, "phase-$1-$2"), message]));
}

function statusText(season: SeasonWithPhases, now: Date): string {
  const line = phaseLine(currentPhase(season, season.phases, now));
  if (!line) return "Terminée";
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** `/saisons`, `/saisons/<slug>` (calendar, projects, figures) and the programme team's `/admin/saisons`. */
export function registerSeasonRoutes(app: FastifyInstance, deps: SeasonsDeps) {
  const { db, clock } = deps;
  const share = (path: string) => ({ url: new URL(path, deps.publicUrl).href, type: "website" as const });

  async function requireSeason(id: string): Promise<SeasonWithPhases> {
    const season = isUuid(id) ? await findSeasonWithPhasesById(db, id) : null;
    if (!season) throw new NotFoundError("Cette saison n’existe pas.");
    return season;
  }

  app.get("/admin/saisons", { config: adminAccess }, async (request, reply) => {
    const now = clock.now();
    const rows: AdminSeasonRow[] = (await listSeasonsWithPhases(db)).map((season) => ({
      id: season.id,
      slug: season.slug,
      name: season.name,
      startsOn: season.startsOn,
      endsOn: season.endsOn,
      phaseCount: season.phases.length,
      status: statusText(season, now),
    }));
    return sendPage(reply, <SeasonsAdminPage context={pageContext(request, reply)} rows={rows} />);
  });

  function renderForm(request: FastifyRequest, reply: FastifyReply, status: number, season: SeasonWithPhases | null, values: SeasonFormValues, errors: Record<string, string> = {}, notice?: "created" | "saved") {
    const stored = season ? { id: season.id, name: season.name, slug: season.slug } : null;
    return sendPage(reply, <SeasonFormPage context={pageContext(request, reply)} season={stored} values={values} errors={errors} notice={notice} />, status);
  }

  const emptyPhase: PhaseFormValues = { key: "other", name: "", startsOn: "", endsOn: "" };

  app.get("/admin/saisons/nouvelle", { config: adminAccess }, async (request, reply) =>
    renderForm(request, reply, 200, null, { name: "", slug: "", startsOn: "", endsOn: "", phases: [], added: emptyPhase }),
  );

  app.post("/admin/saisons/nouvelle", { config: adminAccess }, async (request, reply) => {
    const body = keepValues(request.body) as Record<string, unknown>;
    const values: SeasonFormValues = { name: text(body, "name"), slug: text(body, "slug", 60), startsOn: text(body, "startsOn", 20).trim(), endsOn: text(body, "endsOn", 20).trim(), phases: [], added: emptyPhase };
    // The seven phases spread over the dates; when the dates are wrong, only the season's errors are shown.
    const datesOk = isCalendarDay(values.startsOn) && isCalendarDay(values.endsOn) && values.startsOn <= values.endsOn;
    const phases: PhaseDates[] = datesOk ? spreadDefaultPhases(values) : [{ key: "call", name: "Appel à projets", startsOn: values.startsOn, endsOn: values.endsOn }];
    try {
      const id = await saveSeason(db, { slug: values.slug, name: values.name, startsOn: values.startsOn, endsOn: values.endsOn, phases });
      deps.pageCache?.clear();
      return reply.redirect(`/admin/saisons/${id}?creee=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const seasonErrors = Object.fromEntries(Object.entries(error.fieldErrors).filter(([key]) => !key.startsWith("phases")));
      return renderForm(request, reply, 400, null, values, seasonErrors);
    }
  });

  app.get<{ Params: IdParams }>("/admin/saisons/:id", { config: adminAccess }, async (request, reply) => {
    const season = await requireSeason(request.params.id);
    const query = request.query as Record<string, unknown>;
    const notice = query.creee ? "created" : query.enregistree ? "saved" : undefined;
    const values: SeasonFormValues = {
      name: season.name,
      slug: season.slug,
      startsOn: season.startsOn,
      endsOn: season.endsOn,
      phases: season.phases.map(({ key, name, startsOn, endsOn }) => ({ key, name, startsOn, endsOn })),
      added: emptyPhase,
    };
    return renderForm(request, reply, 200, season, values, {}, notice);
  });

  app.post<{ Params: IdParams }>("/admin/saisons/:id", { config: adminAccess }, async (request, reply) => {
    const season = await requireSeason(request.params.id);
    const body = keepValues(request.body) as Record<string, unknown>;
    const typed = phasesOf(body);
    const phases = inDateOrder(typed.phases);
    const values: SeasonFormValues = { name: text(body, "name"), slug: text(body, "slug", 60), startsOn: text(body, "startsOn", 20).trim(), endsOn: text(body, "endsOn", 20).trim(), phases, added: typed.added };
    try {
      await saveSeason(db, { id: season.id, slug: values.slug, name: values.name, startsOn: values.startsOn, endsOn: values.endsOn, phases });
      deps.pageCache?.clear();
      return reply.redirect(`/admin/saisons/${season.id}?enregistree=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderForm(request, reply, 400, season, values, formErrors(error.fieldErrors));
    }
  });

  app.get("/saisons", { config: publicPage }, async (request, reply) => {
    const now = clock.now();
    const today = parisDayOf(now);
    const all = await listSeasonsWithPhases(db);
    // The running season, or else the next one to start, comes first.
    const current = all.find((season) => season.startsOn <= today && today <= season.endsOn) ?? all.filter((season) => season.startsOn > today).at(-1);
    const ordered = current ? [current, ...all.filter((season) => season !== current)] : all;
    const summaries: SeasonSummary[] = ordered.map((season) => ({ season, status: currentPhase(season, season.phases, now), isCurrent: season === current }));
    return sendPage(reply, <SeasonsPage context={pageContext(request, reply)} share={share("/saisons")} seasons={summaries} />, 200, deps.pageCache);
  });

  // The old site's « Calendrier du programme » was the 2022 calendar of season 1: the seasons' calendars replace it
  // (this route wins over the content item still stored at that address).
  app.get("/programme/calendrier", { config: { access: "public" } }, async (_request, reply) => reply.redirect("/saisons", 301));

  app.get<{ Params: SlugParams }>("/saisons/:slug", { config: publicPage }, async (request, reply) => {
    const slug = request.params.slug;
    const season = slug.length <= 40 && slugPattern.test(slug) ? await findSeasonWithPhasesBySlug(db, slug) : null;
    if (!season) throw new NotFoundError("Cette saison n’existe pas.");
    const now = clock.now();
    const [projects, figures] = [await listSeasonProjects(db, season.id), { ...(await seasonFigures(db, season)), reused: deps.reusedProjects ? await deps.reusedProjects(season.id) : undefined }];
    return sendPage(
      reply,
      <SeasonPage
        context={pageContext(request, reply)}
        share={share(`/saisons/${season.slug}`)}
        season={season}
        status={currentPhase(season, season.phases, now)}
        today={parisDayOf(now)}
        projects={projects}
        figures={figures}
      />,
      200,
      deps.pageCache,
    );
  });
}
