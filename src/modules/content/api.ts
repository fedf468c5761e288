/** Content: the programme's public site (pages, news, projects, events, trainings), its editor and importer. */
export { registerContentRoutes } from "./routes.tsx";
export type { ContentDeps } from "./deps.ts";
/** The importer; `agenda` (the events module's hook, passed by the composition root) makes imported events and trainings agenda events. */
export { createImportContent, type ImportedAgenda, type ImportedAgendaOutcome, type ImportReport } from "./import/import-content.ts";
export { formatImportCounts, formatImportEntry, formatImportFindings } from "./import/format-report.ts";
export { createFileMediaStorage, type MediaStorage } from "./media/media-storage.ts";
export { renderMarkdown } from "./domain/markdown.ts";
export { parseFrontMatter } from "./domain/front-matter.ts";
/** Revisions, last changes and uploads of a person in the GDPR export and erasure (privacy module). */
export { contentPersonalData } from "./personal-data.ts";
/**
 * Public reads for the projects module, which owns `/projets`: a project's description page (an item of
 * kind `project`, by path or slug), the public items of a kind, the public news, the old addresses
 * (`findRedirectTarget`), and how an item's body and summary are shown (`ContentBody`, `ContentLead`).
 */
export { findPublicItem, findPublicItemByPath, listPublicItems, listPublicNews } from "./site/site-repository.ts";
export { findRedirectTarget } from "./repository.ts";
export { ItemBody as ContentBody, Lead as ContentLead, plainSummary } from "./views/site-parts.tsx";
/**
 * The events module owns `/evenements` and `/formations`: an old event or training item of the store whose
 * address matches no event is still shown there with these pages.
 */
export { EventPage as ContentEventPage, TrainingPage as ContentTrainingPage } from "./views/section-pages.tsx";
export type { ContentItem, ProjectDetails } from "./domain/content-item.ts";
/** Date-times typed and shown in Europe/Paris (`datetime-local` fields), for the seasons and calls modules. */
export { parseParisDate, parseParisDateTime, toParisDateInput, toParisDateTimeInput } from "./editor/paris-time.ts";
