import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FormValues, keepValues } from "../../../http/forms.ts";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { NotFoundError } from "../../../shared/domain-error.ts";
import type { WorkspaceDeps } from "../deps.ts";
import { frameOf } from "../views/workspace-layout.tsx";
import { loadWorkspace, type Workspace, workspacePath } from "../workspace-scope.ts";
import { diffFramings } from "./framing-diff.ts";
import { parseFramingForm, parseReviewForm, parseVersionNumber } from "./framing-form.ts";
import { findEarlierFraming, findFramingVersion, findLatestFramingVersion, type FramingVersion, listFramingVersions } from "./framing-repository.ts";
import { framingContentOf } from "./framing-sections.ts";
import { createReviewFraming } from "./use-cases/review-framing.ts";
import { createSaveFraming } from "./use-cases/save-framing.ts";
import { FramingComparePage } from "./views/framing-compare-page.tsx";
import { type FramingConflict, type FramingEditForm, FramingPage, type FramingPageModel } from "./views/framing-page.tsx";
import { FramingVersionsPage } from "./views/framing-versions-page.tsx";


/** The form's values from a version (its sections and public sections). */
function valuesOf(version: FramingVersion): FormValues {
  const values: FormValues = { ...version.content };
  values.publicSections = [...version.publicSections];
  return values;
}

/**
 * The « fiche de cadrage » of a workspace (issue 15): `GET|POST /projets/:slug/espace/cadrage` (read, and
 * a new version by the team), `…/cadrage/versions`, `…/cadrage/comparer?de=N&a=M`, and the coach's review
 * `POST …/cadrage/relecture`.
 */
export function registerFramingRoutes(app: FastifyInstance, deps: WorkspaceDeps) {
  const { db, clock } = deps;
  const saveFraming = createSaveFraming(deps);
  const reviewFraming = createReviewFraming(deps);
  const scopeOf = (workspace: Workspace) => ({ projectId: workspace.project.id, seasonId: workspace.season.id });

  async function render(request: FastifyRequest, reply: FastifyReply, workspace: Workspace, status: number, extra: { form?: Omit<FramingEditForm, "prefilledFrom">; conflict?: FramingConflict; review?: NonNullable<FramingPageModel["review"]>; notice?: FramingPageModel["notice"] } = {}) {
    const current = await findLatestFramingVersion(db, scopeOf(workspace));
    let form: FramingEditForm | null = null;
    if (workspace.access.canEdit) {
      if (extra.form) form = { ...extra.form, prefilledFrom: null };
      else if (current) form = { values: valuesOf(current), errors: {}, baseVersion: current.version, prefilledFrom: null };
      else {
        const earlier = await findEarlierFraming(db, scopeOf(workspace));
        form = earlier
          ? { values: valuesOf(earlier.version), errors: {}, baseVersion: 0, prefilledFrom: { seasonName: earlier.seasonName, version: earlier.version.version } }
          : { values: {}, errors: {}, baseVersion: 0, prefilledFrom: null };
      }
    }
    const review = workspace.access.canReview && current ? (extra.review ?? { values: {}, errors: {}, staleVersion: false }) : null;
    const model: FramingPageModel = {
      current,
      form,
      conflict: extra.conflict ?? null,
      review,
      notice: extra.notice ?? null,
      actions: { save: workspacePath(workspace, "/cadrage"), review: workspacePath(workspace, "/cadrage/relecture"), versions: workspacePath(workspace, "/cadrage/versions") },
    };
    return sendPage(reply, <FramingPage context={pageContext(request, reply)} frame={frameOf(workspace)} model={model} />, status);
  }

  app.get<{ Params: { slug: string } }>("/projets/:slug/espace/cadrage", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const notice = query.enregistre === "1" ? "saved" : query.relu === "1" ? "reviewed" : query.inchangee === "1" ? "unchanged" : null;
    return render(request, reply, workspace, 200, { notice });
  });

  app.post<{ Params: { slug: string } }>("/projets/:slug/espace/cadrage", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request, "edit");
    const scope = scopeOf(workspace);
    const parsed = parseFramingForm(request.body);
    if (!parsed.ok) {
      const posted = parseVersionNumber((request.body as Record<string, unknown> | undefined)?.baseVersion, { allowZero: true });
      const baseVersion = posted ?? (await findLatestFramingVersion(db, scope))?.version ?? 0;
      return render(request, reply, workspace, 400, { form: { values: parsed.values, errors: parsed.errors, baseVersion } });
    }
    const result = await saveFraming({ ...parsed.data, ...scope, authorId: request.user!.id });
    if (result.saved) {
      deps.pageCache.clear();
      return reply.redirect(workspacePath(workspace, "/cadrage", { enregistre: "1" }), 303);
    }
    if (result.unchanged) return reply.redirect(workspacePath(workspace, "/cadrage", { inchangee: "1" }), 303);
    // Someone saved since the editor's version: nothing saved; show what changed, keep the input, start from the current version.
    const base = parsed.data.baseVersion > 0 ? await findFramingVersion(db, scope, parsed.data.baseVersion) : null;
    const current = result.currentVersion > 0 ? await findFramingVersion(db, scope, result.currentVersion) : null;
    const empty = framingContentOf({});
    const conflict: FramingConflict = { baseVersion: parsed.data.baseVersion, currentVersion: result.currentVersion, sections: diffFramings(base?.content ?? empty, current?.content ?? empty) };
    return render(request, reply, workspace, 409, { form: { values: keepValues(request.body), errors: {}, baseVersion: result.currentVersion }, conflict });
  });

  app.post<{ Params: { slug: string } }>("/projets/:slug/espace/cadrage/relecture", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request, "review");
    const scope = scopeOf(workspace);
    if (!(await findLatestFramingVersion(db, scope))) throw new NotFoundError("Aucune version de la fiche de cadrage n’est encore enregistrée pour cette saison.");
    const parsed = parseReviewForm(request.body);
    if (!parsed.ok) return render(request, reply, workspace, 400, { review: { values: parsed.values, errors: parsed.errors, staleVersion: false } });
    const result = await reviewFraming({ ...scope, version: parsed.data.version, note: parsed.data.note, reviewerId: request.user!.id });
    if (result === "not_current") return render(request, reply, workspace, 409, { review: { values: keepValues(request.body), errors: {}, staleVersion: true } });
    return reply.redirect(workspacePath(workspace, "/cadrage", { relu: "1" }), 303);
  });

  app.get<{ Params: { slug: string } }>("/projets/:slug/espace/cadrage/versions", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request);
    const versions = await listFramingVersions(db, scopeOf(workspace));
    const seasonSlug = new URLSearchParams(workspace.query.replace(/^\?/, "")).get("saison");
    return sendPage(
      reply,
      <FramingVersionsPage
        context={pageContext(request, reply)}
        frame={frameOf(workspace)}
        model={{
          versions,
          framingPath: workspacePath(workspace, "/cadrage"),
          comparePath: (from, to) => workspacePath(workspace, "/cadrage/comparer", { de: String(from), a: String(to) }),
          compareAction: `${workspace.basePath}/cadrage/comparer`,
          seasonSlug,
        }}
      />,
    );
  });

  app.get<{ Params: { slug: string } }>("/projets/:slug/espace/cadrage/comparer", { config: { access: "signed-in" } }, async (request, reply) => {
    const workspace = await loadWorkspace(db, clock, request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const fromNumber = parseVersionNumber(query.de);
    const toNumber = parseVersionNumber(query.a);
    const missing = new NotFoundError("Cette version de la fiche de cadrage n’existe pas\u00a0: choisissez deux versions dans la liste des versions.");
    if (fromNumber === null || toNumber === null) throw missing;
    const from = await findFramingVersion(db, scopeOf(workspace), fromNumber);
    const to = await findFramingVersion(db, scopeOf(workspace), toNumber);
    if (!from || !to) throw missing;
    const model = { from, to, sections: diffFramings(from.content, to.content), versionsPath: workspacePath(workspace, "/cadrage/versions") };
    return sendPage(reply, <FramingComparePage context={pageContext(request, reply)} frame={frameOf(workspace)} model={model} />);
  });
}


