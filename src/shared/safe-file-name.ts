import path from "node:path";

/**
 * `Compte rendu d'atelier (1).PDF` → `compte-rendu-d-atelier-1.pdf`: ASCII only, safe in a header, a URL and
 * on a disk (the editor's media and the workspace's files).
 */
export function safeFileName(fileName: string): string {
  const extension = path.extname(fileName).toLowerCase().replace(/[^a-z0-9.]/g, "");
  const base = path
    .basename(fileName, path.extname(fileName))
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "fichier"}${extension}`;
}
