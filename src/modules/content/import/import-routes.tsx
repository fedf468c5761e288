import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { pageContext, sendPage } from "../../../http/render.tsx";
import { registerUploadRoutes, requiredUpload, type UploadedFile } from "../../../http/uploads.ts";
import { InvalidInputError } from "../../../shared/domain-error.ts";
import { requirePermission } from "../../identity/api.ts";
import type { ContentDeps } from "../deps.ts";
import type { ContentAuthor } from "../domain/content-item.ts";
import { extractZip, zipLimits } from "./extract-zip.ts";
import { createImportContent, type ImportReport } from "./import-content.ts";
import { ImportPage } from "./views/import-page.tsx";

const access = { access: "manage:content:any" } as const;

function archiveOf(body: unknown): UploadedFile {
  return requiredUpload(body, "archive", { missing: "Choisissez une archive zip à importer.", tooLarge: `L’archive dépasse ${zipLimits.uploadBytes / 1024 / 1024}\u00a0Mo.` });
}

/** The programme team imports a zip of Hugo/Jekyll content from the administration. */
export function registerImportRoutes(app: FastifyInstance, deps: ContentDeps) {
  registerUploadRoutes(app, {
    limits: { fileSize: zipLimits.uploadBytes, files: 1, fields: 5, parts: 6, fieldSize: 4096 },
    // Only the programme team may make the server read an archive.
    beforeUpload: (request) => requirePermission(request.user, "manage:content:any"),
    routes: (scope) => {
    const importContent = createImportContent(deps);
    /** Unpacks the archive in a temporary folder, imports it, and removes the folder before the answer is sent. */
    const importArchive = async (archive: UploadedFile, author: ContentAuthor) => {
      const folder = await fs.mkdtemp(path.join(os.tmpdir(), "p10-import-zip-"));
      try {
        await extractZip(archive.bytes, folder);
        return await importContent(folder, { author });
      } finally {
        await fs.rm(folder, { recursive: true, force: true });
      }
    };

    scope.get("/admin/contenus/import", { config: access }, async (request, reply) =>
      sendPage(reply, <ImportPage context={pageContext(request, reply)} errors={{}} report={null} />),
    );

    scope.post("/admin/contenus/import", { config: access }, async (request, reply) => {
      let report: ImportReport;
      try {
        report = await importArchive(archiveOf(request.body), { userId: request.user!.id, label: request.pageUser?.displayName ?? request.user!.email });
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return sendPage(reply, <ImportPage context={pageContext(request, reply)} errors={error.fieldErrors} report={null} />, 400);
      }
      // Imported items change public pages: none may stay in the cache.
      deps.pageCache.clear();
      return sendPage(reply, <ImportPage context={pageContext(request, reply)} errors={{}} report={report} />);
    });
    },
  });
}
