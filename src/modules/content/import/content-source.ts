import fs from "node:fs/promises";
import path from "node:path";
import { acceptedMediaTypes } from "../media/media-types.ts";

export const textExtensions = new Set([".md", ".markdown", ".html", ".htm", ".txt"]);

/** Sections of a Hugo/Jekyll site, by first folder of the content, and the kind their files become. */
export const sectionKinds: Record<string, "news" | "project" | "event" | "training"> = {
  actualites: "news",
  posts: "news",
  post: "news",
  news: "news",
  blog: "news",
  _posts: "news",
  projets: "project",
  projects: "project",
  evenements: "event",
  events: "event",
  event: "event",
  talk: "event",
  formations: "training",
  trainings: "training",
};

/** A site of the folder: its root (config, `static/`) and its content root. */
export type SourceSite = { root: string; contentRoot: string };

export type SourceFile = {
  absolutePath: string;
  /** Path relative to the imported folder, with `/`: what the report shows. */
  file: string;
  /** Path relative to the content root (`actualites/x.md`), or to the imported folder for loose files. */
  key: string;
  /** The site the file belongs to, null for a loose file. */
  site: SourceSite | null;
  role: "text" | "media" | "config" | "other";
};

const configFile = /^config\.(ya?ml|toml|json)$/i;

function roleOf(name: string): SourceFile["role"] {
  const extension = path.extname(name).toLowerCase();
  if (textExtensions.has(extension)) return "text";
  if (acceptedMediaTypes[extension]) return "media";
  return "other";
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isDirectory();
  } catch {
    return false;
  }
}

const toPosix = (relative: string) => relative.split(path.sep).join("/");

/**
 * Every file of the folder (dotfiles skipped), sorted by path, each placed in its site: a folder holding
 * `content/` is a site; so is a folder without one that holds known sections (`actualites/`, `projets/`…).
 * Outside a site's `content/`, only its configuration files are listed (to be reported as ignored).
 */
export async function listSourceFiles(folder: string): Promise<SourceFile[]> {
  const root = path.resolve(folder);
  const files: SourceFile[] = [];

  async function walk(directory: string, site: SourceSite | null): Promise<void> {
    const entries = (await fs.readdir(directory, { withFileTypes: true })).filter((entry) => !entry.name.startsWith("."));
    let current = site;
    if (!current) {
      const names = new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
      if (names.has("content")) current = { root: directory, contentRoot: path.join(directory, "content") };
      else if ([...names].some((name) => sectionKinds[name])) current = { root: directory, contentRoot: directory };
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const absolutePath = path.join(directory, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        const insideContent = current && (absolutePath === current.contentRoot || absolutePath.startsWith(current.contentRoot + path.sep));
        // A site's theme, layouts and static files are not content (static files are read only when referenced).
        if (current && !insideContent && current.contentRoot !== current.root) continue;
        await walk(absolutePath, current);
        continue;
      }
      if (!entry.isFile()) continue;
      const file = toPosix(path.relative(root, absolutePath));
      if (current) {
        const inContent = absolutePath.startsWith(current.contentRoot + path.sep);
        if (!inContent) {
          if (directory === current.root && configFile.test(entry.name)) files.push({ absolutePath, file, key: file, site: current, role: "config" });
          continue;
        }
        files.push({ absolutePath, file, key: toPosix(path.relative(current.contentRoot, absolutePath)), site: current, role: roleOf(entry.name) });
      } else {
        files.push({ absolutePath, file, key: file, site: null, role: roleOf(entry.name) });
      }
    }
  }

  if (!(await isDirectory(root))) throw new Error(`Le dossier ${folder} n’existe pas.`);
  await walk(root, null);
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
