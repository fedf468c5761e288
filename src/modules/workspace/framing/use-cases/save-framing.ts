import type { Database } from "../../../../db/client.ts";
import { workspaceFramings } from "../../../../db/schema/index.ts";
import { isUniqueViolation } from "../../../../db/unique-violation.ts";
import type { Clock } from "../../../../shared/clock.ts";
import type { FramingInput } from "../framing-form.ts";
import { currentFramingVersionNumber, findFramingVersion } from "../framing-repository.ts";
import { framingSections } from "../framing-sections.ts";

/**
 * `saved`: the new version's number; `unchanged`: the form is the current version as it stands, so nothing
 * is saved (no empty version); otherwise someone saved since `baseVersion`, and `currentVersion` is theirs.
 */
export type SaveFramingResult = { saved: true; version: number } | { saved: false; unchanged: true; version: number } | { saved: false; unchanged?: false; currentVersion: number };

/**
 * Saves a new version of a season's framing, never changing an earlier one. Optimistic check: the editor
 * started from `baseVersion`; when the current version is another one, nothing is saved. The check and the
 * insert share one transaction, and the primary key (project, season, version) refuses a concurrent save
 * that read the same current version: that one is told about the conflict too.
 */
export function createSaveFraming(deps: { db: Database; clock: Clock }) {
  return async function saveFraming(input: FramingInput & { projectId: string; seasonId: string; authorId: string }): Promise<SaveFramingResult> {
    const scope = { projectId: input.projectId, seasonId: input.seasonId };
    try {
      return await deps.db.transaction(async (tx): Promise<SaveFramingResult> => {
        const current = await currentFramingVersionNumber(tx, scope);
        if (current !== input.baseVersion) return { saved: false, currentVersion: current };
        const latest = current > 0 ? await findFramingVersion(tx, scope, current) : null;
        const same =
          latest !== null &&
          framingSections.every((section) => (latest.content[section.key] ?? "") === (input.content[section.key] ?? "")) &&
          [...latest.publicSections].sort().join() === [...input.publicSections].sort().join();
        if (same) return { saved: false, unchanged: true, version: current };
        const version = current + 1;
        await tx.insert(workspaceFramings).values({ ...scope, version, content: input.content, publicSections: input.publicSections, authorId: input.authorId, createdAt: deps.clock.now() });
        return { saved: true, version };
      });
    } catch (error) {
      if (isUniqueViolation(error, "one_framing_version")) return { saved: false, currentVersion: await currentFramingVersionNumber(deps.db, scope) };
      throw error;
    }
  };
}
