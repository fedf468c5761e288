/** Content: the programme's public site (pages, news, projects, events, trainings), its editor and importer. */
export { registerContentRoutes } from "./routes.tsx";
export type { ContentDeps } from "./deps.ts";
export { createImportContent, type ImportReport } from "./import/import-content.ts";
export { formatImportCounts, formatImportEntry } from "./import/format-report.ts";
export { createFileMediaStorage, type MediaStorage } from "./media/media-storage.ts";
export { renderMarkdown } from "./domain/markdown.ts";
export { parseFrontMatter } from "./domain/front-matter.ts";
/** Revisions, last changes and uploads of a person in the GDPR export and erasure (privacy module). */
export { contentPersonalData } from "./personal-data.ts";
