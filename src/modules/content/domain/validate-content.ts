import { InvalidInputError } from "../../../shared/domain-error.ts";
import { type ContentFields, detailsSchemas, isValidSlug } from "./content-item.ts";

/** The list pages whose introduction text is a page of the same path (`/actualites`…). */
export const sectionIntroSlugs = new Set(["actualites", "projets", "evenements", "formations"]);

/** First path segments the application itself answers; a page may not take them (except a section's introduction). */
export const reservedPageSlugs = new Set([
  "actualites", "projets", "evenements", "formations", "recherche", "connexion", "deconnexion", "compte", "admin",
  "medias", "static", "dsfr", "_dev", "sante", "health", "plan-du-site", "flux", "sitemap.xml", "robots.txt",
]);

const limits = { title: 300, summary: 2000, body: 200_000, alt: 300, tag: 60, tags: 20 };

/** The rules every saved item follows, whoever writes it (editor, import, restore). Raises field errors in French. */
export function validateContentFields(fields: ContentFields): ContentFields {
  const errors: Record<string, string> = {};
  if (!fields.title.trim()) errors.title = "Saisissez un titre.";
  else if (fields.title.length > limits.title) errors.title = `Le titre ne doit pas dépasser ${limits.title} caractères.`;
  if (!isValidSlug(fields.kind, fields.slug)) {
    errors.slug = "L’identifiant d’adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets (par exemple saison-2024).";
  } else if (fields.kind === "page" && reservedPageSlugs.has(fields.slug.split("/")[0]!) && !sectionIntroSlugs.has(fields.slug)) {
    errors.slug = `L’adresse /${fields.slug.split("/")[0]} est réservée par la plateforme. Choisissez un autre identifiant.`;
  }
  if (fields.summary && fields.summary.length > limits.summary) errors.summary = `Le résumé ne doit pas dépasser ${limits.summary} caractères.`;
  if (fields.body.length > limits.body) errors.body = "Le texte est trop long (200 000 caractères au plus).";
  if (fields.coverImage && !fields.coverImageAlt?.trim()) errors.coverImageAlt = "Décrivez l’image pour les personnes qui ne la voient pas (texte alternatif).";
  if (fields.coverImageAlt && fields.coverImageAlt.length > limits.alt) errors.coverImageAlt = `Le texte alternatif ne doit pas dépasser ${limits.alt} caractères.`;
  if (fields.tags.length > limits.tags) errors.tags = `${limits.tags} étiquettes au plus.`;
  else if (fields.tags.some((tag) => tag.length > limits.tag)) errors.tags = `Une étiquette ne doit pas dépasser ${limits.tag} caractères.`;
  if (fields.status === "published" && fields.publishAt && Number.isNaN(fields.publishAt.getTime())) errors.publishAt = "Date de publication invalide.";
  const details = detailsSchemas[fields.kind].safeParse(fields.details);
  if (!details.success) errors.details = "Les informations propres à ce type de contenu sont invalides.";
  if (Object.keys(errors).length > 0) throw new InvalidInputError(errors);
  return { ...fields, details: details.success ? details.data : {} };
}
