import fastifyMultipart, { type MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { InvalidInputError } from "../shared/domain-error.ts";

/** A file of a multipart form, read whole into memory; past the size limit it is cut and flagged (`tooLarge`). */
export type UploadedFile = { fileName: string; bytes: Buffer; tooLarge: boolean };

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && "bytes" in value && Buffer.isBuffer((value as UploadedFile).bytes) && typeof (value as UploadedFile).fileName === "string";
}

async function readFilePart(this: FastifyRequest, part: MultipartFile) {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  const file: UploadedFile = { fileName: part.filename ?? "", bytes: Buffer.concat(chunks), tooLarge: part.file.truncated };
  (part as unknown as { value: UploadedFile }).value = file;
}

export type UploadScopeOptions = {
  limits: { fileSize: number; files: number; fields: number; parts: number; fieldSize: number };
  /** Runs before a POST body is read (e.g. `requirePermission`): only who may upload makes the server read a file. */
  beforeUpload: (request: FastifyRequest) => void;
  routes: (scope: FastifyInstance) => void;
};

/**
 * Routes that accept multipart forms, in their own scope: multipart is parsed only there. Fields land in
 * `request.body` (so the CSRF check still reads `_csrf` there) and each file becomes an `UploadedFile`;
 * a file over the limit is flagged rather than failing the request, so that the form can say so at its field.
 */
export function registerUploadRoutes(app: FastifyInstance, options: UploadScopeOptions) {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { attachFieldsToBody: "keyValues", onFile: readFilePart, throwFileSizeLimit: false, limits: options.limits });
    scope.addHook("onRequest", async (request) => {
      if (request.method === "POST") options.beforeUpload(request);
    });
    options.routes(scope);
  });
}

/** The required file of field `field`, or an InvalidInputError at that field (missing, too large, empty). */
export function requiredUpload(body: unknown, field: string, messages: { missing: string; tooLarge: string }): UploadedFile {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (!isUploadedFile(value)) throw new InvalidInputError({ [field]: messages.missing });
  if (value.tooLarge) throw new InvalidInputError({ [field]: messages.tooLarge });
  if (value.bytes.length === 0) throw new InvalidInputError({ [field]: value.fileName ? "Le fichier est vide." : messages.missing });
  return value;
}
