import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { InvalidInputError } from "../shared/domain-error.ts";
import { RefusedRequestError } from "./refused-request.ts";

/** A file of a multipart form, read whole into memory; past the size limit it is cut and flagged (`tooLarge`). */
export type UploadedFile = { fileName: string; bytes: Buffer; tooLarge: boolean };

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && "bytes" in value && Buffer.isBuffer((value as UploadedFile).bytes) && typeof (value as UploadedFile).fileName === "string";
}

const malformedMessage = "Le formulaire envoyé est incomplet ou mal formé (envoi interrompu ?). Revenez à la page du formulaire et envoyez-le à nouveau.";

/** Fields as strings (repeated ones as arrays) and files as `UploadedFile`, like a URL-encoded form. */
async function readMultipartBody(request: FastifyRequest): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const add = (name: string, value: string | UploadedFile) => {
    const previous = body[name];
    body[name] = previous === undefined ? value : Array.isArray(previous) ? [...(previous as unknown[]), value] : [previous, value];
  };
  for await (const part of request.parts()) {
    if (part.type === "file") {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      add(part.fieldname, { fileName: part.filename ?? "", bytes: Buffer.concat(chunks), tooLarge: part.file.truncated });
    } else if (typeof part.value === "string") {
      add(part.fieldname, part.value);
    } else {
      // A part sent as application/json is parsed by the plugin: no HTML form sends one.
      throw new RefusedRequestError(400, malformedMessage);
    }
  }
  return { ...body };
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
 * A body the parser cannot read (no boundary, cut short, bad part headers) is a 400 page, never a 500;
 * the plugin's own limits keep their 413.
 */
export function registerUploadRoutes(app: FastifyInstance, options: UploadScopeOptions) {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: false, limits: options.limits });
    scope.addHook("onRequest", async (request) => {
      if (request.method === "POST") options.beforeUpload(request);
    });
    scope.addHook("preValidation", async (request) => {
      if (!request.isMultipart()) return;
      try {
        request.body = await readMultipartBody(request);
      } catch (error) {
        const status = (error as { statusCode?: unknown }).statusCode;
        if (error instanceof RefusedRequestError || status === 413) throw error;
        throw new RefusedRequestError(400, malformedMessage, { cause: error });
      }
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
