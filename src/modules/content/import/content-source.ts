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

/** A Hugo or Jekyll site's configuration, beside its `content/` folder. */
const configFile = /^(?:(?:config|hugo)\.(?:ya?ml|toml|json)|_config\.ya?ml)$/i;

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

type DirectoryListing = { directories: string[]; files: string[] };

/** Every folder of the tree (dotfiles and links skipped) with its sub-folders' and files' names. */
async function scanTree(root: string): Promise<Map<string, DirectoryListing>> {
  const tree = new Map<string, DirectoryListing>();
  async function scan(directory: string): Promise<void> {
    const entries = (await fs.readdir(directory, { withFileTypes: true })).filter((entry) => !entry.name.startsWith(".") && !entry.isSymbolicLink());
    const listing: DirectoryListing = {
      directories: entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
      files: entries.filter((entry) => entry.isFile()).map((entry) => entry.name),
    };
    tree.set(directory, listing);
    for (const name of listing.directories) await scan(path.join(directory, name));
  }
  await scan(root);
  return tree;
}

const isInside = (file: string, directory: string) => file.startsWith(directory + path.sep);

/**
 * The sites of the tree. A site root holds `content/` and a Hugo/Jekyll configuration file; in a part of
 * the tree without any, it holds a `content/` with known sections (`actualites/`…) or `_index.*` files.
 * A site whose `content/` holds another site root is none (`zip -r` of a folder named `content`), nor is
 * a site inside another one's theme or layouts; among sites without configuration, the deepest wins.
 */
function findSites(tree: Map<string, DirectoryListing>): Map<string, SourceSite> {
  const hasContent = (directory: string) => tree.get(directory)!.directories.includes("content");
  const configured = [...tree.keys()].filter((directory) => hasContent(directory) && tree.get(directory)!.files.some((name) => configFile.test(name)));
  const looksLikeContent = (directory: string) => {
    const content = tree.get(path.join(directory, "content"))!;
    return content.directories.some((name) => sectionKinds[name.toLowerCase()]) || content.files.some((name) => /^_index\./i.test(name));
  };
  /** Keeps the candidates whose `content/` holds no other candidate and that are not in another's theme. */
  const retain = (candidates: string[]) =>
    candidates.filter(
      (candidate) =>
        !candidates.some((other) => other !== candidate && isInside(other, path.join(candidate, "content"))) &&
        !candidates.some((other) => other !== candidate && isInside(candidate, other) && !isInside(candidate, path.join(other, "content"))),
    );
  const roots = retain(configured);
  const unconfigured = [...tree.keys()].filter(
    (directory) =>
      hasContent(directory) &&
      !configured.includes(directory) &&
      looksLikeContent(directory) &&
      !roots.some((root) => directory === root || isInside(directory, root) || isInside(root, path.join(directory, "content"))),
  );
  roots.push(...retain(unconfigured));
  return new Map(roots.map((root) => [root, { root, contentRoot: path.join(root, "content") }]));
}

/**
 * Every file of the folder (dotfiles skipped), sorted by path, each placed in its site (see `findSites`);
 * a folder outside any site that holds known sections (`actualites/`, `projets/`…) is a site of its own.
 * Outside a site's `content/`, only its configuration files are listed (to be reported as ignored).
 */
export async function listSourceFiles(folder: string): Promise<SourceFile[]> {
  const root = path.resolve(folder);
  const files: SourceFile[] = [];
  if (!(await isDirectory(root))) throw new Error(`Le dossier ${folder} n’existe pas.`);
  const tree = await scanTree(root);
  const sites = findSites(tree);

  async function walk(directory: string, site: SourceSite | null): Promise<void> {
    const listing = tree.get(directory)!;
    let current = sites.get(directory) ?? site;
    if (!current && listing.directories.some((name) => sectionKinds[name])) current = { root: directory, contentRoot: directory };
    const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const name of [...listing.directories].sort(byName)) {
      const absolutePath = path.join(directory, name);
      const insideContent = current && (absolutePath === current.contentRoot || isInside(absolutePath, current.contentRoot));
      // A site's theme, layouts and static files are not content (static files are read only when referenced).
      if (current && !insideContent && current.contentRoot !== current.root) continue;
      await walk(absolutePath, current);
    }
    for (const name of [...listing.files].sort(byName)) {
      const absolutePath = path.join(directory, name);
      const file = toPosix(path.relative(root, absolutePath));
      if (current) {
        if (!isInside(absolutePath, current.contentRoot)) {
          if (directory === current.root && configFile.test(name)) files.push({ absolutePath, file, key: file, site: current, role: "config" });
          continue;
        }
        files.push({ absolutePath, file, key: toPosix(path.relative(current.contentRoot, absolutePath)), site: current, role: roleOf(name) });
      } else {
        files.push({ absolutePath, file, key: file, site: null, role: roleOf(name) });
      }
    }
  }

  await walk(root, null);
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
