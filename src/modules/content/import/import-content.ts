import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "../../../db/client.ts";
import type { Clock } from "../../../shared/clock.ts";
import { DomainError, InvalidInputError } from "../../../shared/domain-error.ts";
import { type ContentAuthor, type ContentFields, type ContentItem, contentPath } from "../domain/content-item.ts";
import { neutraliseShortcodes } from "../domain/markdown.ts";
import type { MediaStorage } from "../media/media-storage.ts";
import { acceptedMediaTypes } from "../media/media-types.ts";
import { storeMedia } from "../media/store-media.ts";
import { findItemByPath, findItemBySlug, findItemBySourceKey, upsertRedirect } from "../repository.ts";
import { saveInTransaction } from "../use-cases/save-content-item.ts";
import { cleanHugoRef } from "../domain/hugo-shortcodes.ts";
import { listSourceFiles, type SourceFile } from "./content-source.ts";
import { type ImportCandidate, mapContentFile } from "./map-content-file.ts";
import { findReplacedForms, type ReplacedForm } from "./replaced-forms.ts";

export type ImportOutcome = "created" | "updated" | "unchanged" | "rejected" | "ignored";

/** One line of the report: an item, a file of media, or a file that could not become one, and what the import did. */
export type ImportReportEntry = {
  outcome: ImportOutcome;
  files: string[];
  kind?: string;
  path?: string;
  title?: string;
  reason?: string;
  warnings?: string[];
  /** Why the page is a placeholder (another site's page, another language): imported as a draft, never published. */
  placeholder?: string;
  /** The agenda's event for an imported event or training (absent when no agenda was given to the importer). */
  agenda?: ImportedAgendaOutcome;
  /** Links of the page to outside forms or registration services the platform replaces (the page is imported all the same). */
  replacedForms?: ReplacedForm[];
};

export type ImportReport = { entries: ImportReportEntry[]; counts: Record<ImportOutcome, number> };

/** What the agenda did with an imported event or training: its event created, updated, unchanged, or none (and why). */
export type ImportedAgendaOutcome = { outcome: "created" | "updated" | "unchanged" | "skipped"; path?: string; reason?: string };

/**
 * The agenda's hook (the events module, passed by the composition root; content never imports events): makes an
 * imported event or training item an event of the agenda, idempotently. `changed`: the item's files changed
 * since the last import (an unchanged item only gets its event if it has none).
 */
export type ImportedAgenda = (item: ContentItem, options: { changed: boolean }) => Promise<ImportedAgendaOutcome>;

export type ImportContentOptions = { author?: ContentAuthor };

const importAuthor: ContentAuthor = { userId: null, label: "Import" };

function reasonOf(error: unknown): string {
  if (error instanceof InvalidInputError) return Object.values(error.fieldErrors).join(" ");
  if (error instanceof DomainError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EACCES") return "Fichier illisible (droits insuffisants).";
  return "Fichier illisible.";
}

/**
 * Files that are one item: same source key, or same kind and slug; a loose file also joins a site's file
 * of the same slug, whatever its kind (`seeds/000.txt` slug `lancement-programme` is the page
 * `programme/lancement-programme`), and becomes that item. The last site file (in path order) wins.
 */
function groupCandidates(candidates: ImportCandidate[]): ImportCandidate[][] {
  const order = (a: ImportCandidate, b: ImportCandidate) => Number(a.source.site !== null) - Number(b.source.site !== null) || candidates.indexOf(a) - candidates.indexOf(b);
  const groups = groupByName(candidates);
  const ownSlug = (candidate: ImportCandidate) => candidate.fields.slug.split("/").at(-1)!;
  const siteGroups = groups.filter((group) => group.some((member) => member.source.site));
  const merged: ImportCandidate[][] = [];
  for (const group of groups) {
    if (group.some((member) => member.source.site)) {
      merged.push(group);
      continue;
    }
    const slugs = new Set(group.map(ownSlug));
    const kinds = new Set(group.map((member) => member.fields.kind));
    const matches = siteGroups.filter((siteGroup) => siteGroup.some((member) => member.source.site && slugs.has(ownSlug(member))));
    const target = matches.find((siteGroup) => kinds.has(siteGroup.filter((member) => member.source.site).at(-1)!.fields.kind)) ?? matches[0];
    if (target) target.push(...group);
    else merged.push(group);
  }
  return merged.map((group) => group.sort(order));
}

/** Files of the same source key, or of the same kind and slug. */
function groupByName(candidates: ImportCandidate[]): ImportCandidate[][] {
  const groups: (ImportCandidate[] | null)[] = [];
  const byName = new Map<string, number>();
  for (const candidate of candidates) {
    const names = [`key:${candidate.key}`, `slug:${candidate.fields.kind}:${candidate.fields.slug}`];
    const found = [...new Set(names.map((name) => byName.get(name)).filter((index): index is number => index !== undefined))];
    let target: number;
    if (found.length === 0) {
      target = groups.push([]) - 1;
    } else {
      target = Math.min(...found);
      for (const other of found.filter((index) => index !== target)) {
        groups[target]!.push(...groups[other]!);
        groups[other] = null;
        for (const [name, index] of byName) if (index === other) byName.set(name, target);
      }
    }
    groups[target]!.push(candidate);
    for (const name of names) byName.set(name, target);
  }
  return groups.filter((group): group is ImportCandidate[] => group !== null);
}

/**
 * A regular file of the imported folder reached without any symbolic link: `realRoot` is the folder's
 * own real path, and `file` one inside it. The folder's walk skips links too (`listSourceFiles`).
 */
async function isFileInside(file: string, root: string, realRoot: string): Promise<boolean> {
  try {
    const real = await fs.realpath(file);
    return real === path.join(realRoot, path.relative(root, file)) && (await fs.lstat(real)).isFile();
  } catch {
    return false;
  }
}

const markdownTarget = /(!?\[[^\]]*\]\(\s*<?)([^)\s>]+)(>?(?:\s+"[^"]*")?\s*\))/g;
const htmlTarget = /(\s(?:src|href)\s*=\s*)(["'])([^"']+)\2/gi;

/**
 * Imports a folder of Hugo/Jekyll content (sites with a `content/` folder, and loose files with front
 * matter): creates or updates one item per file, stores its images, and redirects the old site's
 * paths. Never throws for a bad file: it becomes a rejected line of the report. Each item is saved in
 * its own transaction; an event or training item is then made an event of the `agenda` when one is given.
 * The caller clears the page cache afterwards.
 */
export function createImportContent({ db, clock, media, agenda }: { db: Database; clock: Clock; media: MediaStorage; agenda?: ImportedAgenda | undefined }) {
  return async function importContent(folder: string, options: ImportContentOptions = {}): Promise<ImportReport> {
    const author = options.author ?? importAuthor;
    const entries: ImportReportEntry[] = [];
    const root = path.resolve(folder);

    let files: SourceFile[];
    try {
      files = await listSourceFiles(root);
    } catch (error) {
      entries.push({ outcome: "rejected", files: [folder], reason: error instanceof Error && error.message.startsWith("Le dossier") ? error.message : "Dossier illisible." });
      return withCounts(entries);
    }
    const realRoot = fs.realpath(root).catch(() => root);
    const sites = [...new Map(files.filter((file) => file.site).map((file) => [file.site!.root, file.site!])).values()];

    const stored = new Map<string, Promise<{ path: string; created: boolean }>>();
    const storeFile = (absolutePath: string) => {
      let pending = stored.get(absolutePath);
      if (!pending) {
        pending = fs.readFile(absolutePath).then((bytes) => storeMedia(db, media, { fileName: path.basename(absolutePath), bytes, createdBy: author.userId }));
        stored.set(absolutePath, pending);
      }
      return pending;
    };

    /** A file the content names (`photo.jpg`, `/img/x.png`), found beside it, in the site's static folders, or at the root. */
    async function findLocalMedia(source: SourceFile, reference: string): Promise<string | null> {
      let target = reference.trim().split(/[?#]/)[0]!;
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) return null;
      try {
        target = decodeURI(target);
      } catch {
        return null;
      }
      if (!acceptedMediaTypes[path.extname(target).toLowerCase()]) return null;
      const candidates: string[] = [];
      if (target.startsWith("/")) {
        const ownSites = source.site ? [source.site] : sites;
        for (const site of ownSites) candidates.push(path.join(site.root, "static", target), path.join(site.root, "assets", target), path.join(site.contentRoot, target));
        if (!source.site) candidates.push(path.join(root, target));
      } else {
        candidates.push(path.resolve(path.dirname(source.absolutePath), target));
        candidates.push(path.join(source.site?.contentRoot ?? root, target));
      }
      for (const candidate of candidates) {
        // Never read outside the imported folder (`../../etc/…`).
        if (!candidate.startsWith(root + path.sep)) continue;
        // Nor through a link (`static/img/x.png -> /home/…`): a zip never holds one, a folder may.
        if (await isFileInside(candidate, root, await realRoot)) return candidate;
      }
      return null;
    }

    /** Replaces the body's references to local images and files by their `/medias/` path. */
    async function rewriteMediaReferences(source: SourceFile, body: string): Promise<string> {
      const references = new Set<string>();
      for (const match of body.matchAll(markdownTarget)) references.add(match[2]!);
      for (const match of body.matchAll(htmlTarget)) references.add(match[3]!);
      const replacements = new Map<string, string>();
      for (const reference of references) {
        const file = await findLocalMedia(source, reference);
        if (!file) continue;
        try {
          replacements.set(reference, (await storeFile(file)).path);
        } catch {
          // An unusable image keeps its reference; the media line of the report says why.
        }
      }
      if (replacements.size === 0) return body;
      return body
        .replace(markdownTarget, (whole, before: string, target: string, after: string) => (replacements.has(target) ? `${before}${replacements.get(target)}${after}` : whole))
        .replace(htmlTarget, (whole, before: string, quote: string, target: string) => (replacements.has(target) ? `${before}${quote}${replacements.get(target)}${quote}` : whole));
    }

    for (const file of files.filter((candidate) => candidate.role === "config")) {
      entries.push({ outcome: "ignored", files: [file.file], reason: "Configuration du site Hugo : non importée." });
    }
    for (const file of files.filter((candidate) => candidate.role === "other" || (candidate.role === "media" && !candidate.site))) {
      entries.push({
        outcome: "ignored",
        files: [file.file],
        reason: file.role === "media" ? "Image ou fichier hors du dossier content d’un site : importé seulement s’il est cité." : "Format non pris en charge.",
      });
    }

    // Images and files of the sites: stored once, their old address redirected to their new one.
    const mediaByKey = new Map<string, SourceFile[]>();
    for (const file of files.filter((candidate) => candidate.role === "media" && candidate.site)) mediaByKey.set(file.key, [...(mediaByKey.get(file.key) ?? []), file]);
    for (const [key, group] of mediaByKey) {
      const errors: string[] = [];
      let winner: { path: string; created: boolean } | null = null;
      let anyCreated = false;
      for (const file of group) {
        try {
          const result = await storeFile(file.absolutePath);
          winner = result;
          anyCreated ||= result.created;
        } catch (error) {
          errors.push(`${file.file} : ${reasonOf(error)}`);
        }
      }
      const names = group.map((file) => file.file);
      if (!winner) {
        entries.push({ outcome: "rejected", files: names, kind: "media", reason: errors.join(" ") });
        continue;
      }
      const originalPaths = new Set([`/${key}`, `/${key.toLowerCase()}`]);
      for (const originalPath of originalPaths) await upsertRedirect(db, originalPath, { targetPath: winner.path });
      entries.push({ outcome: anyCreated ? "created" : "unchanged", files: names, kind: "media", path: winner.path, ...(errors.length ? { warnings: errors } : {}) });
    }

    const candidates: ImportCandidate[] = [];
    for (const file of files.filter((candidate) => candidate.role === "text")) {
      try {
        const text = await fs.readFile(file.absolutePath, "utf8");
        if (text.includes("\u0000")) throw new InvalidInputError({ file: "Ce fichier n’est pas un texte (contenu binaire)." });
        candidates.push(...mapContentFile(file, text));
      } catch (error) {
        entries.push({ outcome: "rejected", files: [file.file], reason: reasonOf(error) });
      }
    }

    const groups = groupCandidates(candidates);
    const pathByKey = new Map<string, string>();
    for (const group of groups) {
      const winner = group.at(-1)!;
      for (const member of group) pathByKey.set(member.key.replace(/\.(md|markdown|html?|txt)$/i, "").toLowerCase(), contentPath(winner.fields.kind, winner.fields.slug));
    }
    /** `{{< ref "/projets" >}}`, `{{< ref "actualites/2022-05-16_atelier.md" >}}` → the item's public path. */
    const resolveRef = (target: string) => {
      const cleaned = target.trim().replace(/^\/+/, "").replace(/\/+$/, "").replace(/\.(md|markdown|html?)$/i, "").toLowerCase();
      return pathByKey.get(cleaned) ?? pathByKey.get(`${cleaned}/_index`) ?? pathByKey.get(`${cleaned}/index`) ?? cleanHugoRef(target);
    };

    for (const group of groups) {
      const winner = group.at(-1)!;
      const warnings = [...winner.warnings];
      const canonical = contentPath(winner.fields.kind, winner.fields.slug);
      const names = [...new Set(group.map((member) => member.file))];
      const title = winner.fields.title;
      try {
        let coverImage: string | null = null;
        let coverImageAlt: string | null = null;
        if (winner.cover) {
          const file = await findLocalMedia(winner.source, winner.cover.reference);
          if (file) {
            try {
              coverImage = (await storeFile(file)).path;
              coverImageAlt = winner.cover.alt.slice(0, 300);
            } catch (error) {
              warnings.push(`Image de couverture « ${winner.cover.reference} » inutilisable : ${reasonOf(error)}`);
            }
          } else {
            warnings.push(`Image de couverture « ${winner.cover.reference} » absente du dossier : l’élément est importé sans image.`);
          }
        }
        const body = await rewriteMediaReferences(winner.source, neutraliseShortcodes(winner.fields.body, resolveRef));
        const summary = winner.fields.summary ? neutraliseShortcodes(winner.fields.summary, resolveRef).trim() || null : null;
        const fields: ContentFields = { ...winner.fields, summary, body, coverImage, coverImageAlt };
        const redirects = [...new Set(group.map((member) => member.originalPath).filter((original): original is string => original !== null && original !== canonical))].sort();
        // A loose file that joined a site's item of another path never takes over the item it may have made before.
        const sameItem = group.filter((member) => member.source.site || contentPath(member.fields.kind, member.fields.slug) === canonical);
        const keys = [winner.key, ...new Set(sameItem.map((member) => member.key).filter((key) => key !== winner.key))];
        const importHash = hashOf(fields, winner.key, redirects);

        const { outcome, item } = await db.transaction(async (tx) => {
          let existing = null;
          for (const key of keys) {
            existing = await findItemBySourceKey(tx, key);
            if (existing) break;
          }
          existing ??= await findItemBySlug(tx, fields.kind, fields.slug);
          if (existing && existing.importHash === importHash) return { outcome: "unchanged" as const, item: existing };
          const { item, created } = await saveInTransaction(tx, clock, {
            id: existing?.id,
            fields,
            author,
            note: `Import de ${names.join(", ")}`,
            sourceKey: winner.key,
            importHash,
          });
          for (const redirect of redirects) {
            const owner = await findItemByPath(tx, redirect);
            if (owner && owner.id !== item.id) {
              warnings.push(`L’ancienne adresse ${redirect} est celle de « ${owner.title} » : pas de redirection.`);
              continue;
            }
            await upsertRedirect(tx, redirect, { itemId: item.id });
          }
          return { outcome: created ? ("created" as const) : ("updated" as const), item };
        });
        const agendaOutcome = agenda && (item.kind === "event" || item.kind === "training") ? await syncAgenda(agenda, item, outcome !== "unchanged") : undefined;
        const registrationUrl = typeof fields.details.registrationUrl === "string" ? fields.details.registrationUrl : null;
        const replacedForms = findReplacedForms({ path: canonical, texts: [fields.body, fields.summary], registrationUrl });
        entries.push({
          outcome,
          files: names,
          kind: fields.kind,
          path: canonical,
          title,
          ...(warnings.length ? { warnings } : {}),
          ...(winner.placeholder ? { placeholder: winner.placeholder } : {}),
          ...(agendaOutcome ? { agenda: agendaOutcome } : {}),
          ...(replacedForms.length ? { replacedForms } : {}),
        });
      } catch (error) {
        entries.push({ outcome: "rejected", files: names, kind: winner.fields.kind, path: canonical, title, reason: reasonOf(error), ...(warnings.length ? { warnings } : {}) });
      }
    }
    return withCounts(entries);
  };
}

/** The agenda's answer for an item; its failure is a line of the report, never a failed import (the item is saved). */
async function syncAgenda(agenda: ImportedAgenda, item: ContentItem, changed: boolean): Promise<ImportedAgendaOutcome> {
  try {
    return await agenda(item, { changed });
  } catch (error) {
    return { outcome: "skipped", reason: `L’événement de l’agenda n’a pas pu être enregistré (${reasonOf(error)})\u00a0: relancez l’import.` };
  }
}

/** What the import wrote for an item: equal hashes mean the files did not change since. */
function hashOf(fields: ContentFields, sourceKey: string, redirects: string[]): string {
  const normalized = { ...fields, date: fields.date?.toISOString() ?? null, publishAt: fields.publishAt?.toISOString() ?? null, sourceKey, redirects };
  return createHash("sha256").update(JSON.stringify(normalized)).digest("hex");
}

function withCounts(entries: ImportReportEntry[]): ImportReport {
  const counts: Record<ImportOutcome, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0, ignored: 0 };
  for (const entry of entries) counts[entry.outcome] += 1;
  return { entries, counts };
}
