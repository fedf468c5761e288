import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { skills } from "../../db/schema/index.ts";

/** Lookups of the skills vocabulary for other modules (projects: the skills a project seeks). */
export const skillLookup = {
  /** The names of these skills by id (unknown ids are left out). */
  async findNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select({ id: skills.id, name: skills.name }).from(skills).where(inArray(skills.id, ids));
    return new Map(rows.map((row) => [row.id, row.name]));
  },
};
