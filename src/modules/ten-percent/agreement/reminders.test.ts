import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { agreementEvents, agreements, agreementSignatures, agreementThirdSignatories, users } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { httpSessionOn } from "../../../../tests/support/http-sign-in.ts";
import { markMailQueue, queuedMails } from "../../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { sendMailJob } from "../../mail/api.ts";
import { organisationLookup } from "../../organisations/api.ts";
import { createTenPercentSeason, type SignedInPerson, signedInPerson } from "../ten-percent-test-support.ts";
import { sendAgreementReminders } from "./reminders.ts";

let platform: TestPlatform;
const startedAt = new Date("2031-03-02T09:00:00Z");
let now = startedAt;
const clock = { now: () => now };
const db = () => platform.database.db;
const day = 24 * 3600 * 1000;

describe("« Convention 10 % »: reminders, the third signatory, the form's checks", () => {
  let member: SignedInPerson;
  let agreementId: string;
  const managerEmail = "relance.manager@insee.fr";
  const thirdEmail = "rh.ministere@finances.gouv.fr";
  const remind = () => sendAgreementReminders({ db: db(), clock, mailer: { enqueue: (executor, message) => platform.jobs.send(executor, sendMailJob, message) }, publicUrl: platform.config.publicUrl });

  before(async () => {
    platform = await startTestPlatform({ clock });
    await createTenPercentSeason(db());
    // A member of an organisation under a ministry whose third signatory is configured.
    const hierarchy = await organisationLookup.listHierarchy(db());
    const organisation = hierarchy.find((candidate) => candidate.ministryId && candidate.ministryId !== candidate.id)!;
    await db().insert(agreementThirdSignatories).values({ ministryId: organisation.ministryId!, kind: "hr", name: "Rose RH", email: thirdEmail });
    member = await signedInPerson(platform, "relance.membre@insee.fr", { givenName: "Rémi", usualName: "Relance", organisationId: organisation.id });
  });
  after(async () => {
    await platform.stop();
  });

  it("checks the form: a manager outside public bodies, half-days out of range, a period outside the season, the charter", async () => {
    const refused = await member.http.post("/mon-10-pourcent/convention", {
      shareKind: "half_days",
      halfDaysPerMonth: "12",
      startsOn: "2030-12-01",
      endsOn: "2031-06-30",
      managerName: "Paul",
      managerEmail: "paul@gmail.com",
    });
    assert.equal(refused.statusCode, 400);
    assertFieldError(refused.body, "halfDaysPerMonth", "Indiquez un nombre entier de demi-journées par mois, entre 1 et 10.", "12");
    assertFieldError(refused.body, "startsOn", "La période doit être comprise dans la saison, du 5 janvier 2031 au 15 décembre 2031.", "2030-12-01");
    assertFieldError(refused.body, "managerEmail", "Indiquez l’adresse professionnelle de votre manager dans un organisme public (son adresse de l’administration).", "paul@gmail.com");
    assert.match(refused.body, /Confirmez avoir lu la charte du programme/);
    assert.equal((await db().select().from(agreements).where(eq(agreements.userId, member.id))).length, 0);
  });

  it("asks the manager and the ministry’s third signatory, each with their own link", async () => {
    const mark = await markMailQueue(platform);
    const sent = await member.http.post("/mon-10-pourcent/convention", { shareKind: "ten_percent", startsOn: "2031-03-02", endsOn: "2031-12-15", managerName: "Marc Manager", managerEmail, charter: "on" });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 2000));
    const [row] = await db().select().from(agreements).where(eq(agreements.userId, member.id));
    agreementId = row!.id;
    const signatures = await db().select().from(agreementSignatures).where(eq(agreementSignatures.agreementId, agreementId));
    assert.deepEqual(signatures.map((signature) => signature.role).sort(), ["manager", "third"]);
    assert.equal((await queuedMails(platform, thirdEmail, { since: mark })).length, 1);
    assert.equal((await queuedMails(platform, managerEmail, { since: mark })).length, 1);
  });

  it("reminds after 7 and 14 days with a new link, tells the member after 21, each once", async () => {
    const mark = await markMailQueue(platform);
    now = new Date(startedAt.getTime() + 6 * day);
    assert.equal(await remind(), 0);
    now = new Date(startedAt.getTime() + 7 * day + 60_000);
    assert.equal(await remind(), 2, "une relance au manager et une au troisième signataire");
    assert.equal(await remind(), 0, "une seule fois");
    const first = await queuedMails(platform, managerEmail, { since: mark });
    assert.equal(first.length, 1);
    assert.match(first[0]!.subject, /Rappel/);
    const token = /signature\/([\w-]+)/.exec(first[0]!.text)![1]!;
    assert.equal((await httpSessionOn(platform).get(`/convention/signature/${token}`)).statusCode, 200, "le nouveau lien ouvre la convention");

    // The third signatory accepts: only the manager is reminded again.
    const thirdToken = /signature\/([\w-]+)/.exec((await queuedMails(platform, thirdEmail, { since: mark }))[0]!.text)![1]!;
    const third = httpSessionOn(platform);
    assert.equal((await third.post(`/convention/signature/${thirdToken}`, { choice: "accept", version: "1", reason: "" })).statusCode, 200);
    assert.equal((await db().select().from(agreements).where(eq(agreements.id, agreementId)))[0]!.status, "sent");

    now = new Date(startedAt.getTime() + 14 * day + 60_000);
    assert.equal(await remind(), 1);
    assert.equal(await remind(), 0);
    assert.equal((await queuedMails(platform, managerEmail, { since: mark })).length, 2);
    assert.equal((await queuedMails(platform, thirdEmail, { since: mark })).filter((mail) => /Rappel/.test(mail.subject)).length, 1);

    const [memberRow] = await db().select({ email: users.email }).from(users).where(eq(users.id, member.id));
    now = new Date(startedAt.getTime() + 21 * day + 60_000);
    assert.equal(await remind(), 1);
    assert.equal(await remind(), 0);
    const told = await queuedMails(platform, memberRow!.email, { since: mark });
    assert.equal(told.filter((mail) => /attend toujours une réponse/.test(mail.subject)).length, 1);
    assert.match(told.at(-1)!.text, /Marc Manager/);
    const events = await db().select().from(agreementEvents).where(eq(agreementEvents.agreementId, agreementId));
    assert.equal(events.filter((event) => event.kind === "reminded").length, 3);
    assert.equal(events.filter((event) => event.kind === "member_told").length, 1);

    now = new Date(startedAt.getTime() + 40 * day);
    assert.equal(await remind(), 0, "rien de plus après le membre prévenu");
    now = startedAt;
  });
});
