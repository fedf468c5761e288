import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { agreementEvents, agreements, agreementSignatures, agreementVersions, users } from "../../db/schema/index.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import type { TestPlatform } from "../../../tests/support/test-platform.ts";
import { createSeasonWithPhases } from "../seasons/api.ts";
import type { AgreementStatus } from "./domain/agreement-states.ts";
import type { AgreementProject, ShareKind } from "./domain/terms.ts";

/**
 * « Mon 10 % » tests' own setup (a module may not import another module's test helpers): a season of the
 * year `slug` (default 2031), from 5 January to 15 December, with its working phases.
 */
export async function createTenPercentSeason(db: Database, slug = "2031"): Promise<string> {
  return createSeasonWithPhases(db, {
    slug,
    name: `Saison ${slug}`,
    startsOn: `${slug}-01-05`,
    endsOn: `${slug}-12-15`,
    phases: [
      { key: "launch", name: "Lancement", startsOn: `${slug}-01-05`, endsOn: `${slug}-03-09` },
      { key: "investigation", name: "Investigation", startsOn: `${slug}-03-10`, endsOn: `${slug}-04-30` },
      { key: "construction", name: "Construction", startsOn: `${slug}-05-01`, endsOn: `${slug}-07-31` },
      { key: "amplification", name: "Amplification", startsOn: `${slug}-08-01`, endsOn: `${slug}-10-31` },
      { key: "closing", name: "Restitution", startsOn: `${slug}-11-01`, endsOn: `${slug}-12-15` },
    ],
  });
}

export type SignedInPerson = { id: string; email: string; http: HttpSession };

/** Signs `email` in over HTTP (a new address becomes a member); sets the name and organisation when given. */
export async function signedInPerson(platform: TestPlatform, email: string, options: { givenName?: string; usualName?: string; organisationId?: string | null } = {}): Promise<SignedInPerson> {
  const http = await signInOverHttp(platform, email);
  const db = platform.database.db;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user) throw new Error(`Pas de compte ${email}`);
  const changes = { ...(options.givenName ? { givenName: options.givenName } : {}), ...(options.usualName ? { usualName: options.usualName } : {}), ...("organisationId" in options ? { organisationId: options.organisationId ?? null } : {}) };
  if (Object.keys(changes).length > 0) await db.update(users).set(changes).where(eq(users.id, user.id));
  return { id: user.id, email, http };
}

export type AgreementFixture = {
  userId: string;
  seasonId: string;
  status?: AgreementStatus;
  shareKind?: ShareKind;
  halfDaysPerMonth?: number;
  startsOn?: string;
  endsOn?: string;
  projects?: AgreementProject[];
  memberName?: string;
  memberEmail?: string;
  managerName?: string;
  managerEmail?: string;
  shareDetails?: boolean;
};

/**
 * An agreement written straight into the tables (version 1, the manager's signature decided when `accepted`
 * or `declined`), for the tests of what reads agreements; the sending itself is tested through its route.
 */
export async function insertAgreement(db: Database, fixture: AgreementFixture): Promise<string> {
  const status = fixture.status ?? "accepted";
  const managerName = fixture.managerName ?? "Paul Manager";
  const managerEmail = fixture.managerEmail ?? "paul.manager@insee.fr";
  return db.transaction(async (tx) => {
    const [agreement] = await tx.insert(agreements).values({ userId: fixture.userId, seasonId: fixture.seasonId, status, shareDetails: fixture.shareDetails ?? false }).returning({ id: agreements.id });
    const id = agreement!.id;
    await tx.insert(agreementVersions).values({
      agreementId: id,
      version: 1,
      shareKind: fixture.shareKind ?? "ten_percent",
      halfDaysPerMonth: fixture.halfDaysPerMonth ?? 2,
      startsOn: fixture.startsOn ?? "2031-01-05",
      endsOn: fixture.endsOn ?? "2031-12-15",
      projects: fixture.projects ?? [],
      memberName: fixture.memberName ?? "Membre Test",
      memberEmail: fixture.memberEmail ?? "membre@insee.fr",
      memberOrganisation: "Insee",
      managerName,
      managerEmail,
      charterVersion: "2024",
    });
    const decided = status === "accepted" || status === "declined" || status === "ended";
    await tx.insert(agreementSignatures).values({
      agreementId: id,
      version: 1,
      role: "manager",
      name: managerName,
      email: managerEmail,
      decision: decided ? (status === "declined" ? "declined" : "accepted") : null,
      decidedAt: decided ? new Date("2031-01-10T10:00:00Z") : null,
      decidedVia: decided ? "link" : null,
      askedAt: new Date("2031-01-06T10:00:00Z"),
    });
    await tx.insert(agreementEvents).values({ agreementId: id, version: 1, kind: "sent", actor: "member", actorName: fixture.memberName ?? "Membre Test", at: new Date("2031-01-06T10:00:00Z") });
    if (decided) await tx.insert(agreementEvents).values({ agreementId: id, version: 1, kind: status === "declined" ? "declined" : "accepted", actor: "manager", actorName: managerName, at: new Date("2031-01-10T10:00:00Z") });
    return id;
  });
}
