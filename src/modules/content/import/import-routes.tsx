import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fastifyMultipart, { type MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { requirePermission } from "../../identity/api.ts";
import type { ContentDeps } from "../deps.ts";
import { extractZip, zipLimits } from "./extract-zip.ts";
import { createImportContent } from "./import-content.ts";
import { ImportPage } from "./views/import-page.tsx";

const access = { access: "manage:content:any" } as const;

type UploadedArchive = { fileName: string; bytes: Buffer; tooLarge: boolean };

/** The archive read whole into memory; past the limit it is cut and flagged, to answer with a field error. */
async function readArchivePart(this: FastifyRequest, part: MultipartFile) {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  const archive: UploadedArchive = { fileName: part.filename ?? "", bytes: Buffer.concat(chunks), tooLarge: part.file.truncated };
  (part as unknown as { value: UploadedArchive }).value = archive;
}

function archiveOf(body: unknown): UploadedArchive {
  const value = (body as Record<string, unknown> | undefined)?.archive;
  if (!value || typeof value !== "object" || !Buffer.isBuffer((value as UploadedArchive).bytes)) throw new InvalidInputError({ archive: "Choisissez une archive zip à importer." });
  const archive = value as UploadedArchive;
  if (archive.tooLarge) throw new InvalidInputError({ archive: `L’archive dépasse ${zipLimits.uploadBytes / 1024 / 1024} Mo.` });
  if (archive.bytes.length === 0) throw new InvalidInputError({ archive: archive.fileName ? "Le fichier est vide." : "Choisissez une archive zip à importer." });
  return archive;
}

/** The programme team imports a zip of Hugo/Jekyll content from the administration. */
export function registerImportRoutes(app: FastifyInstance, deps: ContentDeps) {
  // Multipart is parsed only here; fields land in request.body, so the CSRF check still reads `_csrf` there.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: "keyValues",
      onFile: readArchivePart,
      throwFileSizeLimit: false,
      limits: { fileSize: zipLimits.uploadBytes, files: 1, fields: 5, parts: 6, fieldSize: 4096 },
    });
    // Only the programme team may make the server read an archive.
    scope.addHook("onRequest", async (request) => {
      if (request.method === "POST") requirePermission(request.user, "manage:content:any");
    });
    const importContent = createImportContent(deps);

    scope.get("/admin/contenus/import", { config: access }, async (request, reply) =>
      sendPage(reply, <ImportPage context={pageContext(request, reply)} errors={{}} report={null} />),
    );

    scope.post("/admin/contenus/import", { config: access }, async (request, reply) => {
      const folder = await fs.mkdtemp(path.join(os.tmpdir(), "p10-import-zip-"));
      try {
        const archive = archiveOf(request.body);
        await extractZip(archive.bytes, folder);
        const author = { userId: request.user!.id, label: request.pageUser?.displayName ?? request.user!.email };
        const report = await importContent(folder, { author });
        // Imported items change public pages: none may stay in the cache.
        deps.pageCache.clear();
        return sendPage(reply, <ImportPage context={pageContext(request, reply)} errors={{}} report={report} />);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return sendPage(reply, <ImportPage context={pageContext(request, reply)} errors={error.fieldErrors} report={null} />, 400);
      } finally {
        await fs.rm(folder, { recursive: true, force: true });
      }
    });
  });
}
