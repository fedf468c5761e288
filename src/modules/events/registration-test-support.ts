// Test support for the registration tests: an event builder with fixed defaults, many members with real
// sessions created in bulk (the sign-in flow is tested elsewhere; 200 sign-ins through the outbox would take
// minutes), a clock the test moves, and the mails of the local outbox.
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, like } from "drizzle-orm";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { devMails, events, sessions, userRoles, users } from "../../db/schema/index.ts";
import type { Clock } from "../../shared/clock.ts";
import { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn } from "../../../tests/support/http-sign-in.ts";
import type { TestPlatform } from "../../../tests/support/test-platform.ts";
import { defaultQuestions } from "./domain/event-kinds.ts";
import type { EventRecord } from "./repository.ts";

/** A clock the test sets and moves. */
export function movableClock(start: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set(iso) {
      current = new Date(iso);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

let createdEvents = 0;

/**
 * An event with fixed defaults: a workshop on Tuesday 9 March 2027, 14 h – 17 h 30 in Paris, 50 seats in
 * person and 100 remote, registration closing the day before at 18 h, cancellation the same morning at 9 h,
 * for members, with the default questions.
 */
export async function createTestEvent(platform: TestPlatform, overrides: Partial<typeof events.$inferInsert> = {}): Promise<EventRecord> {
  createdEvents++;
  const [event] = await platform.database.db
    .insert(events)
    .values({
      slug: `atelier-test-${createdEvents}-${randomBytes(3).toString("hex")}`,
      kind: "atelier",
      title: `Atelier données ouvertes n°\u00a0${createdEvents}`,
      description: "Un atelier pour ouvrir des données.",
      startsAt: new Date("2027-03-09T13:00:00Z"),
      endsAt: new Date("2027-03-09T16:30:00Z"),
      placeName: "Salle Ségur",
      placeAddress: "20 avenue de Ségur, 75007 Paris",
      placeAccess: "Badge à retirer à l’accueil, pièce d’identité demandée",
      visioUrl: "https://webinaire.numerique.gouv.fr/atelier-donnees",
      inPersonCapacity: 50,
      remoteCapacity: 100,
      registrationOpensAt: new Date("2027-02-01T08:00:00Z"),
      registrationClosesAt: new Date("2027-03-08T17:00:00Z"),
      cancellationClosesAt: new Date("2027-03-09T08:00:00Z"),
      audience: "members",
      questions: defaultQuestions,
      ...overrides,
    })
    .returning();
  return event!;
}

export type TestMember = { id: string; email: string; givenName: string; usualName: string; session: HttpSession };

/**
 * `count` members (accounts with the member role) each with an open session, inserted in bulk; each
 * session is a cookie jar on its own IP address, its cookie the session token as sign-in would set it.
 */
export async function createMembersWithSessions(platform: TestPlatform, count: number, options: { prefix: string; now: Date }): Promise<TestMember[]> {
  const db = platform.database.db;
  const people = Array.from({ length: count }, (_, index) => ({
    email: `${options.prefix}.${String(index + 1).padStart(3, "0")}@inscriptions.gouv.fr`,
    givenName: `Membre${index + 1}`,
    usualName: options.prefix.charAt(0).toUpperCase() + options.prefix.slice(1),
    token: randomBytes(32).toString("base64url"),
  }));
  const accounts = await db
    .insert(users)
    .values(people.map((person) => ({ email: person.email, givenName: person.givenName, usualName: person.usualName, createdAt: options.now, updatedAt: options.now })))
    .returning({ id: users.id, email: users.email });
  const idOf = new Map(accounts.map((account) => [account.email, account.id]));
  await db.insert(userRoles).values(accounts.map((account) => ({ userId: account.id, role: "member" })));
  await db.insert(sessions).values(
    people.map((person) => ({
      tokenHash: createHash("sha256").update(person.token).digest("hex"),
      userId: idOf.get(person.email)!,
      method: "magic_link",
      createdAt: options.now,
      lastSeenAt: options.now,
      expiresAt: new Date(options.now.getTime() + 30 * 24 * 3600_000),
    })),
  );
  return people.map((person) => {
    const session = httpSessionOn(platform);
    session.cookies.set("p10_session", person.token);
    return { id: idOf.get(person.email)!, email: person.email, givenName: person.givenName, usualName: person.usualName, session };
  });
}

export type OutboxMail = typeof devMails.$inferSelect;

/** The mails delivered to `to` whose subject starts with `subjectStart`, waiting (jobs run in the background) until `count` arrived. */
export async function waitForMails(platform: TestPlatform, to: string, subjectStart: string, count = 1, timeoutMs = 15_000): Promise<OutboxMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await platform.database.db
      .select()
      .from(devMails)
      .where(and(eq(devMails.to, to), like(devMails.subject, `${subjectStart.replace(/[%_\\]/g, "\\$&")}%`)))
      .orderBy(asc(devMails.createdAt));
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`${count} courriel(s) «\u00a0${subjectStart}…\u00a0» attendus pour ${to}, ${mails.length} reçu(s)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The mails queued for `to` (delivery jobs, whatever their state): the one helper of tests/support. */
export { queuedMails } from "../../../tests/support/mail-queue.ts";

/** Every mail delivered to `to` so far. */
export async function mailsTo(platform: TestPlatform, to: string): Promise<OutboxMail[]> {
  return platform.database.db.select().from(devMails).where(eq(devMails.to, to)).orderBy(asc(devMails.createdAt));
}

// jsqr is CommonJS: its function is also exported as `default`, which is what TypeScript sees.
const jsQR = jsQRModule.default;

/** Reads a QR code from a base64 PNG, as a phone camera would. */
export function decodeQrPng(base64: string): string | null {
  const png = PNG.sync.read(Buffer.from(base64, "base64"));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height)?.data ?? null;
}

/** The attachments of an outbox mail. */
export function attachmentsOf(mail: OutboxMail): { filename: string; contentType: string; content: string; cid?: string }[] {
  return (mail.attachments as { filename: string; contentType: string; content: string; cid?: string }[]) ?? [];
}
