/** Content: the programme's public pages (home, legal pages, site map) and its published texts. */
export { registerContentRoutes } from "./routes.tsx";
export { seedSitePages } from "./demo-pages.ts";
export { renderMarkdown } from "./domain/markdown.ts";
export { parseFrontMatter } from "./domain/front-matter.ts";
