import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { formatCalendarDay } from "../../../shared/french-date.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { listProjectsOfSeason } from "../../projects/api.ts";
import { listSeasons } from "../../seasons/api.ts";
import type { TeamsDeps } from "../deps.ts";
import { createAddWish } from "./use-cases/add-wish.ts";
import { createSaveWishList } from "./use-cases/save-wish-list.ts";
import { findContinuingProject, findWishList, type KeptWishList } from "./wish-repository.ts";
import { parseWishesForm } from "./wishes-form.ts";
import { WishesPage, type WishesPageModel } from "./wishes-page.tsx";
import { isAssignmentPublished } from "../team-repository.ts";
import { closedMessage, findWishWindow, publishedMessage, WishesClosedError } from "./wish-window.ts";

function keptValues(kept: KeptWishList | null): FormValues {
  const values: FormValues = {};
  if (!kept) return values;
  for (const wish of kept.wishes) {
    values[`project-${wish.rank}`] = wish.projectId;
    values[`motivation-${wish.rank}`] = wish.motivation;
  }
  if (kept.anyProject) values.anyProject = "on";
  if (kept.keepPreviousProject) values.keepPreviousProject = "on";
  return values;
}

/** « Mes vœux » (`GET|POST /voeux`) and « Je souhaite contribuer » (`POST /voeux/ajouter`). */
export function registerWishRoutes(app: FastifyInstance, deps: TeamsDeps) {
  const { db, clock } = deps;
  const saveWishList = createSaveWishList(deps);
  const addWish = createAddWish(deps);
  const access = { access: "manage:wish:own" } as const;

  async function render(request: FastifyRequest, reply: FastifyReply, status: number, extra: { values?: FormValues; errors?: Record<string, string>; refused?: string; notice?: string | null; added?: string | undefined } = {}) {
    const user = request.user!;
    const window = findWishWindow(await listSeasons(db), clock.now());
    const kept = window ? await findWishList(db, user.id, window.season.id) : null;
    const projects = window ? (await listProjectsOfSeason(db, window.season.id)).map((project) => ({ value: project.id, label: project.title })) : [];
    const continuing = window ? await findContinuingProject(db, user.id, window.season) : null;
    const published = window ? await isAssignmentPublished(db, window.season.id) : false;
    // « Je souhaite contribuer » confirmed from the kept list itself: the address carries only the project.
    const added = window && kept ? kept.wishes.find((wish) => wish.projectId === extra.added) : undefined;
    const addedTitle = added ? projects.find((project) => project.value === added.projectId)?.label : undefined;
    const addedNotice = window && added && addedTitle ? `${addedTitle} a été ajouté à vos vœux (rang ${added.rank}). N’oubliez pas de les envoyer avant la fin du ${formatCalendarDay(window.closesOn)}.` : null;
    const model: WishesPageModel = {
      window,
      closedMessage: extra.refused ?? (window && published ? publishedMessage(window) : window && window.state !== "open" ? closedMessage(window) : null),
      published,
      projects,
      kept,
      values: extra.values ?? keptValues(kept),
      errors: extra.errors ?? {},
      continuing,
      notice: extra.notice ?? addedNotice,
    };
    return sendPage(reply, <WishesPage context={pageContext(request, reply)} model={model} />, status);
  }

  app.get("/voeux", { config: access }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const notice =
      query.enregistre === "brouillon"
        ? "Votre brouillon est enregistré. Il n’est pas encore envoyé."
        : query.enregistre === "envoye"
          ? "Vos vœux sont envoyés. Vous pouvez les modifier et les envoyer à nouveau tant que la phase des vœux est ouverte."
          : null;
    return render(request, reply, 200, { notice, added: typeof query.ajoute === "string" ? query.ajoute : undefined });
  });

  app.post("/voeux", { config: access }, async (request, reply) => {
    const user = request.user!;
    const window = findWishWindow(await listSeasons(db), clock.now());
    if (!window || window.state !== "open") return render(request, reply, 409, { refused: window ? closedMessage(window) : "Aucune phase de vœux n’est prévue." });
    if (await isAssignmentPublished(db, window.season.id)) return render(request, reply, 409, { refused: publishedMessage(window) });
    const projectIds = new Set((await listProjectsOfSeason(db, window.season.id)).map((project) => project.id));
    const form = parseWishesForm(request.body, projectIds);
    if (!form.ok) return render(request, reply, 400, { values: form.values, errors: form.errors });
    const continuing = await findContinuingProject(db, user.id, window.season);
    try {
      await saveWishList({ userId: user.id, ...form.data, keepPreviousProject: form.data.keepPreviousProject && continuing !== null });
    } catch (error) {
      if (error instanceof WishesClosedError) return render(request, reply, 409, { refused: error.message });
      throw error;
    }
    return reply.redirect(`/voeux?enregistre=${form.data.submit ? "envoye" : "brouillon"}`, 303);
  });

  app.post("/voeux/ajouter", { config: access }, async (request, reply) => {
    const raw = (request.body as Record<string, unknown> | undefined)?.projectId;
    const projectId = typeof raw === "string" && /^[0-9a-f-]{36}$/i.test(raw) ? raw : "";
    try {
      if (!projectId) throw new InvalidInputError({ projectId: "Choisissez un projet de la saison." });
      const added = await addWish({ userId: request.user!.id, projectId });
      return reply.redirect(`/voeux?ajoute=${added.projectId}`, 303);
    } catch (error) {
      if (error instanceof WishesClosedError) return render(request, reply, 409, { refused: error.message });
      if (error instanceof InvalidInputError) return render(request, reply, error.code === "invalid_input" ? 400 : 409, { refused: error.fieldErrors.projectId ?? error.message });
      throw error;
    }
  });
}
