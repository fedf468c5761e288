import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { organisations, profiles, users } from "../../../db/schema/index.ts";

/**
 * Test builder: a member of the organisation named `organisationName` (a demo organisation) with a joined
 * profile (or not), whose address and slug are unique; returns its id, address and name.
 */
export async function createCafeTestMember(
  db: Executor,
  input: { givenName: string; usualName: string; organisationName: string | null; joined?: boolean; jobFamily?: string },
): Promise<{ id: string; email: string; name: string; slug: string }> {
  const suffix = randomBytes(3).toString("hex");
  const [organisation] = input.organisationName ? await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, input.organisationName)) : [];
  if (input.organisationName && !organisation) throw new Error(`Organisation de démonstration absente : ${input.organisationName}`);
  const email = `${input.givenName}.${input.usualName}.${suffix}@cafe.example.gouv.fr`.toLowerCase();
  const [user] = await db
    .insert(users)
    .values({ email, givenName: input.givenName, usualName: input.usualName, organisationId: organisation?.id ?? null })
    .returning({ id: users.id });
  const slug = `${input.givenName}-${input.usualName}-${suffix}`.toLowerCase();
  await db.insert(profiles).values({ userId: user!.id, slug, jobFamily: input.jobFamily ?? "data_scientist", joinedAt: input.joined === false ? null : new Date(), onboardingStep: input.joined === false ? 2 : 4 });
  return { id: user!.id, email, name: `${input.givenName} ${input.usualName}`, slug };
}
