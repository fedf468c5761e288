import fastifyMultipart, { type MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { pageContext, sendPage } from "../../http/render.tsx";
import { InvalidInputError } from "../../shared/domain-error.ts";
import { requirePermission } from "../identity/api.ts";
import type { OrganisationRoutesDeps } from "./deps.ts";
import { ReferenceFileError } from "./domain/reference-file.ts";
import { createImportReferenceFile } from "./use-cases/import-reference-file.ts";
import { ImportPage } from "./views/import-page.tsx";

const access = { access: "manage:organisation:any" } as const;

/** The whole referential (about 8,000 services with their contacts) stays well below this. */
export const maxReferenceFileBytes = 50 * 1024 * 1024;

type UploadedFile = { fileName: string; bytes: Buffer; tooLarge: boolean };

/** The file read whole into memory; past the limit it is cut and flagged, to answer with a field error. */
async function readFilePart(this: FastifyRequest, part: MultipartFile) {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  const file: UploadedFile = { fileName: part.filename ?? "", bytes: Buffer.concat(chunks), tooLarge: part.file.truncated };
  (part as unknown as { value: UploadedFile }).value = file;
}

function uploadedFileOf(body: unknown): UploadedFile {
  const value = (body as Record<string, unknown> | undefined)?.fichier;
  if (!value || typeof value !== "object" || !Buffer.isBuffer((value as UploadedFile).bytes)) throw new InvalidInputError({ fichier: "Choisissez le fichier JSON ou CSV à importer." });
  const file = value as UploadedFile;
  if (file.tooLarge) throw new InvalidInputError({ fichier: `Le fichier dépasse ${maxReferenceFileBytes / 1024 / 1024}\u00a0Mo.` });
  if (file.bytes.length === 0) throw new InvalidInputError({ fichier: file.fileName ? "Le fichier est vide." : "Choisissez le fichier JSON ou CSV à importer." });
  return file;
}

/** The programme team imports the State's organisation referential (DILA) from the administration. */
export function registerOrganisationImportRoutes(app: FastifyInstance, deps: OrganisationRoutesDeps) {
  // Multipart is parsed only here; fields land in request.body, so the CSRF check still reads `_csrf` there.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: "keyValues",
      onFile: readFilePart,
      throwFileSizeLimit: false,
      limits: { fileSize: maxReferenceFileBytes, files: 1, fields: 5, parts: 6, fieldSize: 4096 },
    });
    // Only the programme team may make the server read a file.
    scope.addHook("onRequest", async (request) => {
      if (request.method === "POST") requirePermission(request.user, "manage:organisation:any");
    });
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
  });
}
