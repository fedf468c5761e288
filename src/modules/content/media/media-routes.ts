import type { FastifyInstance } from "fastify";
import { NotFoundError } from "../../../shared/domain-error.ts";
import type { ContentDeps } from "../deps.ts";
import { findAssetByPath } from "../repository.ts";

/** Serves stored images and files; immutable (the path holds the content's hash). */
export function registerMediaRoutes(app: FastifyInstance, deps: ContentDeps) {
  app.get("/medias/*", { config: { access: "public" } }, async (request, reply) => {
    const asset = await findAssetByPath(deps.db, request.url.split("?")[0]!);
    const bytes = asset ? await deps.media.get(asset.storageKey) : null;
    if (!asset || !bytes) throw new NotFoundError("Ce fichier n’existe pas.");
    return reply
      .header("content-type", asset.contentType)
      .header("cache-control", "public, max-age=31536000, immutable")
      .header("x-content-type-options", "nosniff")
      // A stored SVG or PDF opened on its own cannot run script with the site's rights.
      .header("content-security-policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
      .header("content-disposition", asset.contentType === "application/pdf" ? `attachment; filename="${asset.fileName}"` : "inline")
      .send(bytes);
  });
}
