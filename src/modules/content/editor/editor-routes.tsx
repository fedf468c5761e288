import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { registerUploadRoutes } from "../../../http/uploads.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import { requirePermission } from "../../identity/api.ts";
import type { ContentDeps } from "../deps.ts";
import { type ContentAuthor, type ContentFields, type ContentItem, type ContentKind } from "../domain/content-item.ts";
import { renderContentBody } from "../domain/markdown.ts";
import { validateContentFields } from "../domain/validate-content.ts";
import { maxMediaBytes } from "../media/media-types.ts";
import { findAssetByPath, findItemById, findRevision, listRedirectsOfItem, listRevisions } from "../repository.ts";
import { createSaveContentItem } from "../use-cases/save-content-item.ts";
import { type EditorValues, parseContentForm, parseKind, readSubmission, valuesOfFields, valuesOfItem } from "./content-form.ts";
import { listEditorItems, type ListStatus, listStatuses } from "./editor-queries.ts";
import { createChangePublication } from "./use-cases/change-publication.ts";
import { createRestoreRevision } from "./use-cases/restore-revision.ts";
import { createStoreEditorImage } from "./use-cases/store-editor-image.ts";
import { ContentFormPage, type EditorPreview } from "./views/content-form-page.tsx";
import { ContentListPage } from "./views/content-list-page.tsx";
import { HistoryPage } from "./views/history-page.tsx";
import { VersionPage } from "./views/version-page.tsx";

const access = { access: "manage:content:any" } as const;
const staleCodes = new Set(["stale_version", "duplicate_path"]);

type IdParams = { id: string };
type VersionParams = { id: string; version: string };

function positiveInteger(value: unknown, max = 1_000_000): number | null {
  return typeof value === "string" && /^\d{1,7}$/.test(value) && Number(value) >= 1 && Number(value) <= max ? Number(value) : null;
}

/** The programme team's editor: items, preview, schedule, history, restore, images. */
export function registerEditorRoutes(app: FastifyInstance, deps: ContentDeps) {
  registerUploadRoutes(app, {
    limits: { fileSize: maxMediaBytes, files: 2, fields: 60, parts: 70, fieldSize: 1024 * 1024 },
    // Refuse uploads from anyone but the programme team before reading them (the access check proper comes later).
    beforeUpload: (request) => requirePermission(request.user, "manage:content:any"),
    routes: (scope) => registerEditorPages(scope, deps),
  });
}

function registerEditorPages(app: FastifyInstance, deps: ContentDeps) {
  const saveContentItem = createSaveContentItem(deps);
  const restoreRevision = createRestoreRevision(deps);
  const changePublication = createChangePublication(deps);
  const storeEditorImage = createStoreEditorImage(deps);

  const authorOf = (request: FastifyRequest): ContentAuthor => ({ userId: request.user!.id, label: request.pageUser?.displayName ?? request.user!.email });

  async function requireItem(id: string): Promise<ContentItem> {
    const item = await findItemById(deps.db, id);
    if (!item) throw new NotFoundError("Ce contenu n’existe pas ou a été supprimé.");
    return item;
  }

  type FormState = {
    kind: ContentKind;
    item: ContentItem | null;
    values: EditorValues;
    errors?: Record<string, string>;
    coverImage: string | null;
    preview?: EditorPreview | null;
    savedVersion?: number | null;
    insertedImage?: { path: string; alt: string } | null;
  };

  async function renderForm(request: FastifyRequest, reply: FastifyReply, status: number, state: FormState) {
    const redirects = state.item ? await listRedirectsOfItem(deps.db, state.item.id) : [];
    return sendPage(
      reply,
      <ContentFormPage
        context={pageContext(request, reply)}
        kind={state.kind}
        item={state.item}
        values={state.values}
        errors={state.errors ?? {}}
        coverImage={state.coverImage}
        redirects={redirects}
        preview={state.preview ?? null}
        savedVersion={state.savedVersion ?? null}
        insertedImage={state.insertedImage ?? null}
        now={deps.clock.now()}
      />,
      status,
    );
  }

  /** The cover the form carries in its hidden field: the item's own, or one stored by this editor; anything else is ignored. */
  async function keptCover(path: string | undefined, item: ContentItem | null): Promise<string | null> {
    if (path === undefined) return item?.coverImage ?? null;
    if (path === "") return null;
    if (path === item?.coverImage) return path;
    if (path.startsWith("/medias/") && (await findAssetByPath(deps.db, path))) return path;
    return item?.coverImage ?? null;
  }

  async function submit(request: FastifyRequest, reply: FastifyReply, item: ContentItem | null) {
    const submission = readSubmission(request.body, ["coverImage", "insertImage"]);
    const kind = item?.kind ?? parseKind(submission.values.kind);
    if (!kind) throw new NotFoundError("Ce type de contenu n’existe pas.");
    const values = submission.values;
    const action = values.action === "preview" ? "preview" : values.action === "insert-image" ? "insert-image" : "save";
    const createdBy = request.user!.id;
    const errors: Record<string, string> = {};

    let coverImage = await keptCover(values.coverImagePath, item);
    const coverUpload = submission.files.coverImage;
    if (coverUpload) {
      try {
        coverImage = await storeEditorImage({ file: coverUpload, field: "coverImage", createdBy });
        values.removeCover = "";
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        Object.assign(errors, error.fieldErrors);
      }
    } else if (values.removeCover === "on") {
      coverImage = null;
      values.removeCover = "";
    }
    values.coverImagePath = coverImage ?? "";

    if (action === "insert-image") {
      // Only the image to insert is checked: the rest of the form may still be a draft in progress.
      const insertErrors: Record<string, string> = { ...errors };
      const file = submission.files.insertImage;
      const alt = (values.insertImageAlt ?? "").trim();
      if (submission.errors.insertImage) insertErrors.insertImage = submission.errors.insertImage;
      else if (!file) insertErrors.insertImage = "Choisissez l’image à insérer.";
      if (submission.errors.insertImageAlt) insertErrors.insertImageAlt = submission.errors.insertImageAlt;
      else if (!alt) insertErrors.insertImageAlt = "Décrivez l’image pour les personnes qui ne la voient pas (texte alternatif).";
      else if (alt.length > 300) insertErrors.insertImageAlt = "Le texte alternatif ne doit pas dépasser 300 caractères.";
      let insertedImage: { path: string; alt: string } | null = null;
      if (file && !insertErrors.insertImage && !insertErrors.insertImageAlt) {
        try {
          insertedImage = { path: await storeEditorImage({ file, field: "insertImage", createdBy }), alt };
          values.insertImageAlt = "";
        } catch (error) {
          if (!(error instanceof InvalidInputError)) throw error;
          Object.assign(insertErrors, error.fieldErrors);
        }
      }
      deps.pageCache.clear();
      return renderForm(request, reply, Object.keys(insertErrors).length > 0 ? 400 : 200, { kind, item, values, errors: insertErrors, coverImage, insertedImage });
    }

    const parsed = parseContentForm(kind, values, item);
    Object.assign(errors, parsed.errors, submission.errors);
    delete errors.insertImage;
    delete errors.insertImageAlt;
    let expectedVersion: number | undefined;
    if (item) {
      const version = positiveInteger(values.version);
      if (version === null) errors._form = "Le formulaire est incomplet\u00a0: rechargez la page de modification.";
      else expectedVersion = version;
    }
    let fields: ContentFields = { ...parsed.fields, coverImage };
    if (Object.keys(errors).length === 0) {
      try {
        fields = validateContentFields(fields);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        Object.assign(errors, error.fieldErrors);
      }
    }
    if (Object.keys(errors).length > 0) return renderForm(request, reply, 400, { kind, item, values, errors, coverImage });

    if (action === "preview") {
      const preview: EditorPreview = {
        title: fields.title,
        summary: fields.summary,
        date: fields.date,
        coverImage: fields.coverImage,
        coverImageAlt: fields.coverImageAlt,
        tags: fields.tags,
        html: renderContentBody(fields.body, fields.bodyFormat, { topLevel: 4 }),
      };
      return renderForm(request, reply, 200, { kind, item, values, coverImage, preview });
    }

    try {
      const saved = await saveContentItem({ id: item?.id, expectedVersion, fields, author: authorOf(request), note: item ? "Modification" : "Création" });
      deps.pageCache.clear();
      return reply.redirect(`/admin/contenus/${saved.item.id}?enregistre=${saved.item.version}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderForm(request, reply, staleCodes.has(error.code) ? 409 : 400, { kind, item, values, errors: error.fieldErrors, coverImage });
    }
  }

  app.get("/admin/contenus", { config: access }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const kind = parseKind(query.type);
    const status = typeof query.statut === "string" && (listStatuses as readonly string[]).includes(query.statut) ? (query.statut as ListStatus) : null;
    const page = positiveInteger(query.page, 10_000) ?? 1;
    const now = deps.clock.now();
    const { rows, total } = await listEditorItems(deps.db, { kind, status, page, now });
    return sendPage(reply, <ContentListPage context={pageContext(request, reply)} rows={rows} total={total} page={page} filter={{ kind, status }} now={now} />);
  });

  app.get("/admin/contenus/nouveau", { config: access }, async (request, reply) => {
    const kind = parseKind((request.query as Record<string, unknown>).type);
    if (!kind) throw new NotFoundError("Ce type de contenu n’existe pas.");
    return renderForm(request, reply, 200, { kind, item: null, values: valuesOfFields(null, kind), coverImage: null });
  });

  app.post("/admin/contenus", { config: access }, async (request, reply) => submit(request, reply, null));

  app.get<{ Params: IdParams }>("/admin/contenus/:id", { config: access }, async (request, reply) => {
    const item = await requireItem(request.params.id);
    const savedVersion = positiveInteger((request.query as Record<string, unknown>).enregistre);
    return renderForm(request, reply, 200, { kind: item.kind, item, values: valuesOfItem(item), coverImage: item.coverImage, savedVersion });
  });

  app.post<{ Params: IdParams }>("/admin/contenus/:id", { config: access }, async (request, reply) => submit(request, reply, await requireItem(request.params.id)));

  for (const [path, publish] of [
    ["publier", true],
    ["depublier", false],
  ] as const) {
    app.post<{ Params: IdParams }>(`/admin/contenus/:id/${path}`, { config: access }, async (request, reply) => {
      const item = await requireItem(request.params.id);
      const version = positiveInteger((request.body as Record<string, unknown> | undefined)?.version);
      try {
        if (version === null) throw new InvalidInputError({ _form: "Le formulaire est incomplet\u00a0: rechargez la page de modification." });
        const saved = await changePublication({ itemId: item.id, expectedVersion: version, publish, author: authorOf(request) });
        deps.pageCache.clear();
        return reply.redirect(`/admin/contenus/${item.id}?enregistre=${saved.item.version}`, 303);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        const message = Object.values(error.fieldErrors).join(" ");
        return renderForm(request, reply, staleCodes.has(error.code) ? 409 : 400, { kind: item.kind, item, values: valuesOfItem(item), errors: { _form: message }, coverImage: item.coverImage });
      }
    });
  }

  app.get<{ Params: IdParams }>("/admin/contenus/:id/historique", { config: access }, async (request, reply) => {
    const item = await requireItem(request.params.id);
    const restoredFrom = positiveInteger((request.query as Record<string, unknown>).restauree);
    const revisions = await listRevisions(deps.db, item.id);
    return sendPage(reply, <HistoryPage context={pageContext(request, reply)} item={item} revisions={revisions} error={null} restoredFrom={restoredFrom} />);
  });

  app.get<{ Params: VersionParams }>("/admin/contenus/:id/versions/:version", { config: access }, async (request, reply) => {
    const item = await requireItem(request.params.id);
    const version = positiveInteger(request.params.version);
    const revision = version === null ? null : await findRevision(deps.db, item.id, version);
    if (!revision) throw new NotFoundError("Cette version n’existe pas.");
    return sendPage(reply, <VersionPage context={pageContext(request, reply)} item={item} revision={revision} now={deps.clock.now()} />);
  });

  app.post<{ Params: VersionParams }>("/admin/contenus/:id/versions/:version/restaurer", { config: access }, async (request, reply) => {
    const item = await requireItem(request.params.id);
    const version = positiveInteger(request.params.version);
    if (version === null) throw new NotFoundError("Cette version n’existe pas.");
    try {
      await restoreRevision({ itemId: item.id, version, author: authorOf(request) });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const revisions = await listRevisions(deps.db, item.id);
      const slugError = error.fieldErrors.slug?.replace(/ Choisissez un autre identifiant\.$/, "");
      const reason = slugError
        ? `La version ${version} ne peut pas être restaurée\u00a0: ${slugError} Changez d’abord l’identifiant d’adresse de cet autre contenu, puis restaurez à nouveau.`
        : Object.values(error.fieldErrors).join(" ");
      return sendPage(reply, <HistoryPage context={pageContext(request, reply)} item={item} revisions={revisions} error={reason} restoredFrom={null} />, 409);
    }
    deps.pageCache.clear();
    return reply.redirect(`/admin/contenus/${item.id}/historique?restauree=${version}`, 303);
  });
}

