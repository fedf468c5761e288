import { z } from "zod";
import type { ContentKind } from "../domain/content-item.ts";

/** The type filter as the URL says it (`?type=projet`), with its labels. */
export const searchTypes = [
  { value: "actualite", kind: "news", label: "Actualité", plural: "Actualités" },
  { value: "page", kind: "page", label: "Page", plural: "Pages" },
  { value: "projet", kind: "project", label: "Projet", plural: "Projets" },
  { value: "formation", kind: "training", label: "Formation", plural: "Formations" },
  { value: "evenement", kind: "event", label: "Événement", plural: "Événements" },
] as const satisfies { value: string; kind: ContentKind; label: string; plural: string }[];

export type SearchType = (typeof searchTypes)[number]["value"];

export const maxQueryLength = 200;

const typeValues = searchTypes.map((type) => type.value) as [SearchType, ...SearchType[]];

/**
 * `?q=…&type=…&page=…`. An unknown type or a wrong page number is ignored (shared links keep working);
 * only an over-long query is refused, with a message beside the field.
 */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .transform((value) => (value ?? "").replace(/\s+/g, " ").trim())
    .pipe(z.string().max(maxQueryLength, `Votre recherche ne peut dépasser ${maxQueryLength} caractères. Raccourcissez-la.`)),
  type: z.enum(typeValues).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;
