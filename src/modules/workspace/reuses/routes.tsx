import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FormValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { parisDayOf } from "../../../shared/french-date.ts";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { hasPermission } from "../../identity/api.ts";
import { findProjectBySlug, type Project } from "../../projects/api.ts";
import type { WorkspaceDeps } from "../deps.ts";
import { parseReuseForm } from "./reuses-form.ts";
import { type ReusesPageModel, ReusesPage } from "./reuses-page.tsx";
import { findReuse, latestSeasonIdOf, listReuses, organisationName } from "./reuses-repository.ts";
import { createDeclareReuse, createWithdrawReuse } from "./use-cases/manage-reuses.ts";

type SlugParams = { slug: string };
type ReuseParams = { slug: string; id: string };

const noOrganisationMessage = "Votre compte n’est rattaché à aucune administration : indiquez-la sur la page « Mon compte » avant de déclarer une réutilisation.";

/**
 * « Nous l'utilisons »: `GET /projets/:slug/reutilisations` (public list, the form for members with
 * `declare:reuse`), `POST` to declare for one's own organisation, `POST …/:id/retirer` (the declarer or the programme team).
 */
export function registerReusesRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  const { db, clock } = deps;
  const declareReuse = createDeclareReuse(deps);
  const withdrawReuse = createWithdrawReuse(deps);

  async function requireProject(slug: string): Promise<Project> {
    const project = await findProjectBySlug(db, slug);
    if (!project) throw new NotFoundError("Ce projet n’existe pas.");
    return project;
  }

  function canWithdraw(request: FastifyRequest, declaredBy: string | null): boolean {
    const user = request.user;
    return Boolean(user && ((declaredBy !== null && declaredBy === user.id) || hasPermission(user, "manage:workspace:any")));
  }

  async function render(request: FastifyRequest, reply: FastifyReply, project: Project, status: number, form: { values?: FormValues; errors?: Record<string, string> } = {}) {
    const path = `/projets/${project.slug}/reutilisations`;
    const user = request.user;
    let viewerForm: ReusesPageModel["form"];
    if (!user) viewerForm = { kind: "sign-in", href: `/connexion?retour=${encodeURIComponent(path)}` };
    else if (!hasPermission(user, "declare:reuse")) viewerForm = { kind: "none" };
    else {
      const name = user.organisationId ? await organisationName(db, user.organisationId) : null;
      viewerForm = name ? { kind: "declare", organisationName: name, action: path, values: form.values ?? {}, errors: form.errors ?? {} } : { kind: "no-organisation" };
    }
    const query = (request.query ?? {}) as Record<string, unknown>;
    const reuses = await listReuses(db, project.id);
    return sendPage(
      reply,
      <ReusesPage
        context={pageContext(request, reply)}
        model={{
          projectTitle: project.title,
          projectPath: `/projets/${project.slug}`,
          reuses: reuses.map((reuse) => ({ ...reuse, withdrawAction: canWithdraw(request, reuse.declaredBy) ? `${path}/${reuse.id}/retirer` : null })),
          form: viewerForm,
          done: form.errors ? null : query.declare === "1" ? "Votre déclaration est enregistrée. Elle est affichée sur la page du projet." : query.retire === "1" ? "La déclaration est retirée." : null,
        }}
      />,
      status,
    );
  }

  app.get<{ Params: SlugParams }>("/projets/:slug/reutilisations", { config: { access: "public" } }, async (request, reply) => {
    return render(request, reply, await requireProject(request.params.slug), 200);
  });

  app.post<{ Params: SlugParams }>("/projets/:slug/reutilisations", { config: { access: "declare:reuse" } }, async (request, reply) => {
    const project = await requireProject(request.params.slug);
    const user = request.user!;
    if (!user.organisationId) return render(request, reply, project, 400, { values: {}, errors: { _form: noOrganisationMessage } });
    const parsed = parseReuseForm(request.body, parisDayOf(clock.now()));
    if (!parsed.ok) return render(request, reply, project, 400, { values: parsed.values, errors: parsed.errors });
    try {
      await declareReuse({ ...parsed.data, projectId: project.id, seasonId: await latestSeasonIdOf(db, project.id), organisationId: user.organisationId, userId: user.id });
    } catch (error) {
      if (error instanceof InvalidInputError) return render(request, reply, project, 409, { values: { purpose: parsed.data.purpose, since: parsed.data.since.slice(0, 7) }, errors: error.fieldErrors });
      throw error;
    }
    return reply.redirect(`/projets/${project.slug}/reutilisations?declare=1`, 303);
  });

  app.post<{ Params: ReuseParams }>("/projets/:slug/reutilisations/:id/retirer", { config: { access: "signed-in" } }, async (request, reply) => {
    const project = await requireProject(request.params.slug);
    const reuse = await findReuse(db, request.params.id);
    if (!reuse || reuse.projectId !== project.id) throw new NotFoundError("Cette déclaration n’existe pas ou a déjà été retirée.");
    if (!canWithdraw(request, reuse.declaredBy)) throw new ForbiddenError("Seule la personne qui a fait la déclaration, ou l’équipe du programme, peut la retirer.");
    await withdrawReuse(reuse.id);
    return reply.redirect(`/projets/${project.slug}/reutilisations?retire=1`, 303);
  });
}
