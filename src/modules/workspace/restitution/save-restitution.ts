import { workspaceRestitutions } from "../../../db/schema/index.ts";
import type { UploadedFile } from "../../../http/uploads.ts";
import type { WorkspaceDeps } from "../deps.ts";
import { storeWorkspaceFile } from "../files/workspace-files.ts";
import { findRestitution } from "./restitution-repository.ts";
import type { RestitutionInput } from "./restitution-form.ts";

/**
 * Saves a season's restitution. The slides are a file or an address: a new file replaces the address; an
 * address given replaces the file; without either the stored file is kept unless « retirer » was ticked.
 * A file is checked and stored like the links' files (InvalidInputError at `slidesFile`).
 */
export function createSaveRestitution(deps: Pick<WorkspaceDeps, "db" | "clock" | "pageCache" | "media">) {
  return async function saveRestitution(where: { projectId: string; seasonId: string; userId: string }, input: RestitutionInput, file: UploadedFile | null): Promise<void> {
    const storedFile = file ? await storeWorkspaceFile(deps.media, file, "slidesFile") : null;
    await deps.db.transaction(async (tx) => {
      const current = await findRestitution(tx, where.projectId, where.seasonId);
      let slidesMediaPath = current?.slidesMediaPath ?? null;
      let slidesUrl = input.slidesUrl;
      if (storedFile) {
        slidesMediaPath = storedFile;
        slidesUrl = null;
      } else if (slidesUrl || input.removeSlidesFile) slidesMediaPath = null;
      const values = { summary: input.summary, slidesUrl, slidesMediaPath, videoUrl: input.videoUrl, demoUrl: input.demoUrl, updatedBy: where.userId, updatedAt: deps.clock.now() };
      await tx
        .insert(workspaceRestitutions)
        .values({ projectId: where.projectId, seasonId: where.seasonId, ...values })
        .onConflictDoUpdate({ target: [workspaceRestitutions.projectId, workspaceRestitutions.seasonId], set: values });
    });
    deps.pageCache.clear();
  };
}
