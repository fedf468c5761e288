import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";

export type ParticipationInput = { userId: string; season: string; projectSlug?: string | null; projectTitle?: string | null; role?: string | null };

/**
 * Records that a member took part in a season, in a project when given (one row per member, season
 * and project: recording it again updates its title and role).
 */
export async function recordParticipation(db: Executor, input: ParticipationInput): Promise<void> {
  await db.execute(sql`
    insert into participations (user_id, season, project_slug, project_title, role)
    values (${input.userId}, ${input.season}, ${input.projectSlug ?? null}, ${input.projectTitle ?? null}, ${input.role ?? null})
    on conflict (user_id, season, coalesce(project_slug, ''))
    do update set project_title = excluded.project_title, role = excluded.role`);
}
