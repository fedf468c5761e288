import { eq } from "drizzle-orm";
import { workspaceLinks } from "../../../../db/schema/index.ts";
import type { UploadedFile } from "../../../../http/uploads.ts";
import type { WorkspaceDeps } from "../../deps.ts";
import { storeWorkspaceFile } from "../../files/workspace-files.ts";
import type { FileLinkInput, LinkInput } from "../links-form.ts";

type Where = { projectId: string; seasonId: string; userId: string };

/** Adds a link (an address) to a season's workspace; the project page's cache is cleared, a public link shows there. */
export function createAddLink(deps: Pick<WorkspaceDeps, "db" | "pageCache">) {
  return async function addLink(where: Where, input: LinkInput): Promise<void> {
    await deps.db.transaction(async (tx) => {
      await tx.insert(workspaceLinks).values({ projectId: where.projectId, seasonId: where.seasonId, kind: input.kind, label: input.label, url: input.url, public: input.public, createdBy: where.userId });
    });
    deps.pageCache.clear();
  };
}

/** Stores an uploaded file with the editor's checks (InvalidInputError at `file`), then records it as a link of kind « Fichier ». */
export function createAddFileLink(deps: Pick<WorkspaceDeps, "db" | "pageCache" | "media">) {
  return async function addFileLink(where: Where, input: FileLinkInput, file: UploadedFile): Promise<void> {
    const mediaPath = await storeWorkspaceFile(deps.media, file, "file");
    await deps.db.transaction(async (tx) => {
      await tx.insert(workspaceLinks).values({ projectId: where.projectId, seasonId: where.seasonId, kind: "file", label: input.label, mediaPath, public: input.public, createdBy: where.userId });
    });
    deps.pageCache.clear();
  };
}

/** Removes a link (the route checked that it belongs to the workspace the person may edit). */
export function createRemoveLink(deps: Pick<WorkspaceDeps, "db" | "pageCache">) {
  return async function removeLink(linkId: string): Promise<void> {
    await deps.db.transaction(async (tx) => {
      await tx.delete(workspaceLinks).where(eq(workspaceLinks.id, linkId));
    });
    deps.pageCache.clear();
  };
}
