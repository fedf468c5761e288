import type { FastifyInstance } from "fastify";
import { pageContext, sendPage } from "../../http/render.tsx";
import { registerUploadRoutes, requiredUpload, type UploadedFile } from "../../http/uploads.ts";
import { InvalidInputError } from "../../shared/domain-error.ts";
import { requirePermission } from "../identity/api.ts";
import type { OrganisationRoutesDeps } from "./deps.ts";
import { ReferenceFileError } from "./domain/reference-file.ts";
import { createImportReferenceFile } from "./use-cases/import-reference-file.ts";
import { ImportPage } from "./views/import-page.tsx";

const access = { access: "manage:organisation:any" } as const;

/** The whole referential (about 8,000 services with their contacts) stays well below this. */
export const maxReferenceFileBytes = 50 * 1024 * 1024;

function uploadedFileOf(body: unknown): UploadedFile {
  return requiredUpload(body, "fichier", { missing: "Choisissez le fichier JSON ou CSV à importer.", tooLarge: `Le fichier dépasse ${maxReferenceFileBytes / 1024 / 1024}\u00a0Mo.` });
}

/** The programme team imports the State's organisation referential (DILA) from the administration. */
export function registerOrganisationImportRoutes(app: FastifyInstance, deps: OrganisationRoutesDeps) {
  registerUploadRoutes(app, {
    limits: { fileSize: maxReferenceFileBytes, files: 1, fields: 5, parts: 6, fieldSize: 4096 },
    // Only the programme team may make the server read a file.
    beforeUpload: (request) => requirePermission(request.user, "manage:organisation:any"),
    routes: (scope) => {
    const importReferenceFile = createImportReferenceFile(deps);
    const maxMegabytes = maxReferenceFileBytes / 1024 / 1024;

    scope.get("/admin/organisations/import", { config: access }, async (request, reply) =>
      sendPage(reply, <ImportPage context={pageContext(request, reply)} errors={{}} report={null} maxMegabytes={maxMegabytes} />),
    );

    scope.post("/admin/organisations/import", { config: access }, async (request, reply) => {
      try {
        const file = uploadedFileOf(request.body);
        const report = await importReferenceFile(file.bytes);
        return sendPage(reply, <ImportPage context={pageContext(request, reply)} errors={{}} report={report} maxMegabytes={maxMegabytes} />);
      } catch (error) {
        const errors = error instanceof InvalidInputError ? error.fieldErrors : error instanceof ReferenceFileError ? { fichier: error.message } : null;
        if (!errors) throw error;
        return sendPage(reply, <ImportPage context={pageContext(request, reply)} errors={errors} report={null} maxMegabytes={maxMegabytes} />, 400);
      }
    });
    },
  });
}
