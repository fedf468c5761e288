import { createHash } from "node:crypto";
import path from "node:path";
import type { FastifyReply } from "fastify";
import { isUploadedFile, type UploadedFile } from "../../../http/uploads.ts";
import { InvalidInputError, NotFoundError } from "../../../shared/domain-error.ts";
import type { MediaStorage } from "../../content/api.ts";
import { safeFileName } from "../../../shared/safe-file-name.ts";

/** The editor's limit: 10 MB per file. */
export const maxWorkspaceFileBytes = 10 * 1024 * 1024;

/** The only files a workspace keeps, by extension, with the type they are served with. */
export const workspaceFileTypes: Record<string, string> = {
  ".pdf": "application/pdf",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".ods": "application/vnd.oasis.opendocument.spreadsheet",
  ".odp": "application/vnd.oasis.opendocument.presentation",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".csv": "text/csv",
};

/** For the upload fields' `accept` attribute. */
export const acceptedWorkspaceFiles = ".pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.csv";
export const workspaceFilesHint = "PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX, PNG, JPEG ou CSV, 10 Mo au plus.";

const typeMessage = "Format non accepté : choisissez un PDF, un document ODT ou DOCX, un tableur ODS, XLSX ou CSV, une présentation ODP ou PPTX, ou une image PNG ou JPEG.";

function startsWith(bytes: Uint8Array, ...signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** The type the bytes show (magic numbers; the name inside an office zip; text for CSV), or null. */
export function sniffWorkspaceFile(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return "application/pdf";
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return "image/png";
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    // OpenDocument: an uncompressed first entry « mimetype » holding the type.
    const head = buffer.subarray(30, 120).toString("latin1");
    const odf = /^mimetype(application\/vnd\.oasis\.opendocument\.(text|spreadsheet|presentation))/.exec(head);
    if (odf) return odf[1]!;
    // Office Open XML: entry names are stored as they are in the local headers and the central directory.
    if (buffer.includes("[Content_Types].xml")) {
      if (buffer.includes("word/")) return workspaceFileTypes[".docx"]!;
      if (buffer.includes("xl/")) return workspaceFileTypes[".xlsx"]!;
      if (buffer.includes("ppt/")) return workspaceFileTypes[".pptx"]!;
    }
    return null;
  }
  // CSV: UTF-8 text without control characters other than tabs and line breaks, not markup.
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return null;
    if (/^\ufeff?\s*</.test(text)) return null;
    return "text/csv";
  } catch {
    return null;
  }
}

/** The uploaded file of `field`, or null when the form sent none (an empty file input sends a part without name nor bytes). */
export function optionalUpload(body: unknown, field: string): UploadedFile | null {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (!isUploadedFile(value)) return null;
  if (value.fileName === "" && value.bytes.length === 0) return null;
  return value;
}

/**
 * Checks a workspace file as the editor checks its media (accepted extension, 10 MB, the bytes match the
 * extension) and stores it in the media storage, NOT among the public `/medias/`: the workspace serves it
 * itself, to whom may read it. Returns its reference `<sha256>/<safe name>` kept in the row.
 */
export async function storeWorkspaceFile(storage: MediaStorage, file: UploadedFile, field: string): Promise<string> {
  const fileName = safeFileName(file.fileName);
  const declared = workspaceFileTypes[path.extname(fileName)];
  if (!declared) throw new InvalidInputError({ [field]: typeMessage });
  if (file.tooLarge || file.bytes.byteLength > maxWorkspaceFileBytes) throw new InvalidInputError({ [field]: "Le fichier dépasse 10 Mo." });
  if (file.bytes.byteLength === 0) throw new InvalidInputError({ [field]: "Le fichier est vide." });
  if (sniffWorkspaceFile(file.bytes) !== declared) throw new InvalidInputError({ [field]: "Le contenu du fichier ne correspond pas à son extension." });
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  await storage.put(`${sha256.slice(0, 2)}/${sha256}`, file.bytes);
  return `${sha256}/${fileName}`;
}

/** The name a stored file is downloaded under. */
export function fileNameOf(reference: string): string {
  return reference.split("/")[1] ?? "fichier";
}

/** Sends a stored workspace file as a download (attachment, its safe name, never sniffed nor run). 404 when its bytes are gone. */
export async function sendWorkspaceFile(reply: FastifyReply, storage: MediaStorage, reference: string, publicFile: boolean) {
  const match = /^([a-f0-9]{64})\/([a-z0-9-]+\.[a-z0-9]+)$/.exec(reference);
  const bytes = match ? await storage.get(`${match[1]!.slice(0, 2)}/${match[1]}`) : null;
  if (!match || !bytes) throw new NotFoundError("Ce fichier n’existe pas.");
  const fileName = match[2]!;
  return reply
    .header("content-type", workspaceFileTypes[path.extname(fileName)] ?? "application/octet-stream")
    .header("cache-control", publicFile ? "public, max-age=300" : "private, no-store")
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .send(bytes);
}

/** An address typed in a form: http(s) only, a valid URL, 2,000 characters at most. Returns the error message or null. */
export function urlError(value: string): string | null {
  if (value.length > 2000) return "L’adresse ne peut pas dépasser 2 000 caractères.";
  if (!/^https?:\/\//i.test(value)) return "Indiquez une adresse web commençant par https:// ou http://.";
  try {
    const url = new URL(value);
    if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname) return "Indiquez une adresse web valide, par exemple https://exemple.gouv.fr.";
  } catch {
    return "Indiquez une adresse web valide, par exemple https://exemple.gouv.fr.";
  }
  if (/[\s<>"]/.test(value)) return "Indiquez une adresse web valide, sans espace.";
  return null;
}
