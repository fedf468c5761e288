import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { and, desc, eq, like } from "drizzle-orm";
import jsQRModule from "jsqr";
import { DateTime } from "luxon";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { devMails, eventRegistrations, events, users } from "../../src/db/schema/index.ts";
import { type ServedPlatform, signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";
import { signInOverHttp } from "../support/http-sign-in.ts";
import { assertParisTimes, parseCalendar } from "../support/ical.ts";

const member = "ines.benali@insee.fr";
const filler = "thomas.leroy@ign.fr";
const waiting = "marc.petit@numerique.gouv.fr";
const programmeTeam = "camille.martin@numerique.gouv.fr";
const title = "Atelier données ouvertes de la DINUM";
const slug = "atelier-donnees-ouvertes-dinum";
const visio = "https://webinaire.numerique.gouv.fr/meeting/signin/4242";

/** In ten days, 14 h – 17 h 30 in Paris. */
const startsAt = DateTime.now().setZone("Europe/Paris").plus({ days: 10 }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 });
const endsAt = startsAt.set({ hour: 17, minute: 30 });

type DevMail = typeof devMails.$inferSelect;
// jsqr is CommonJS: its function is also exported as `default`, which is what TypeScript sees.
const jsQR = jsQRModule.default;

/** The newest mail to `to` whose subject starts with `subject`, once the job worker has delivered it to the outbox. */
async function mailTo(platform: ServedPlatform, to: string, subject: string): Promise<DevMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [mail] = await platform.database.db.select().from(devMails).where(and(eq(devMails.to, to), like(devMails.subject, `${subject}%`))).orderBy(desc(devMails.createdAt)).limit(1);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`Aucun courriel «\u00a0${subject}\u00a0» pour ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What a phone camera would read in a QR code image. */
function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  assert.ok(code, "le code QR se lit");
  return code.data;
}

/** The confirmation (or promotion) mail's invitation: valid iCalendar, Paris times, place and visio link. */
function assertInvitation(mail: DevMail) {
  assert.ok(mail.calendar, "le courriel porte une invitation iCalendar");
  const calendar = parseCalendar(mail.calendar);
  assert.equal(calendar.method, "REQUEST");
  assert.deepEqual(calendar.timezones, ["Europe/Paris"]);
  const [entry] = calendar.entries;
  assert.ok(entry);
  assertParisTimes(entry, { start: startsAt.toJSDate(), end: endsAt.toJSDate(), wallTime: startsAt.toFormat("yyyy-LL-dd'T'HH:mm:ss") });
  assert.equal(entry.summary, title);
  assert.equal(entry.location, "DINUM, 20 avenue de Ségur, 75007 Paris");
  assert.match(entry.description ?? "", /Accès\u00a0: Entrée Fontenoy/);
  assert.ok((entry.description ?? "").includes(visio), "le lien de la visio est dans l’invitation");
}

async function openInOutbox(page: Page, mail: DevMail) {
  await page.goto(`/_dev/mails/${mail.id}`);
  await page.getByText(mail.subject).first().waitFor();
}

describe("events in a browser: registration, waitlist, promotion, calendar and check-in by QR code", () => {
  let eventId = "";
  const served = useServedBrowser({
    prepare: async (platform) => {
      // A small hybrid workshop: 2 seats on site, 30 remote, open for registration.
      const [event] = await platform.database.db
        .insert(events)
        .values({
          slug,
          kind: "atelier",
          title,
          description: "Deux heures pour ouvrir un jeu de données, **de bout en bout**.",
          startsAt: startsAt.toJSDate(),
          endsAt: endsAt.toJSDate(),
          agenda: [{ startsAt: "14:00", endsAt: "15:00", title: "Pitchs des projets" }],
          placeName: "DINUM",
          placeAddress: "20 avenue de Ségur, 75007 Paris",
          placeAccess: "Entrée Fontenoy, pièce d’identité demandée",
          visioUrl: visio,
          inPersonCapacity: 2,
          remoteCapacity: 30,
          audience: "public",
          questions: [
            { key: "accessibility", label: "Avez-vous des besoins d’accessibilité\u00a0?", kind: "text", required: false },
            { key: "diet", label: "Avez-vous un régime alimentaire particulier\u00a0?", kind: "text", required: false },
          ],
        })
        .returning({ id: events.id });
      eventId = event!.id;
    },
  });

  const as = (email: string, journey: (page: Page) => Promise<void>) =>
    withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, email);
      await journey(page);
    });

  async function registrationOf(email: string) {
    const [row] = await served.platform.database.db
      .select({ id: eventRegistrations.id, status: eventRegistrations.status, attendedAt: eventRegistrations.attendedAt, checkInToken: eventRegistrations.checkInToken })
      .from(eventRegistrations)
      .innerJoin(users, eq(users.id, eventRegistrations.userId))
      .where(and(eq(eventRegistrations.eventId, eventId), eq(users.email, email)))
      .orderBy(desc(eventRegistrations.createdAt))
      .limit(1);
    return row;
  }

  let checkInAddress = "";

  it("a member finds the workshop in the agenda, is told to choose a mode, registers in person and receives the confirmation with a valid invitation and QR code", () =>
    as(member, async (page) => {
      await page.goto("/evenements");
      await page.getByRole("heading", { level: 1, name: "Événements" }).waitFor();
      await page.getByRole("link", { name: title }).first().click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByText("2\u00a0places restantes").first().waitFor();

      await page.getByRole("link", { name: "S’inscrire" }).click();
      await page.getByRole("heading", { level: 1, name: `S’inscrire à «\u00a0${title}\u00a0»` }).waitFor();
      await page.getByLabel(/Avez-vous un régime alimentaire particulier/).fill("Végétarien");
      await page.getByRole("button", { name: "S’inscrire" }).click();
      await page.getByText("Choisissez sur place ou à distance.").first().waitFor();
      assert.match(await page.title(), /^Erreur — /);
      assert.equal(await page.getByLabel(/Avez-vous un régime alimentaire particulier/).inputValue(), "Végétarien");

      await page.locator('label[for="mode-in_person"]').click();
      await page.getByRole("button", { name: "S’inscrire" }).click();
      await page.getByText("Votre inscription est enregistrée.").waitFor();
      await page.getByText("Vous êtes inscrit·e (sur place).").waitFor();

      const confirmation = await mailTo(served.platform, member, "Inscription confirmée");
      assert.equal(confirmation.subject, `Inscription confirmée\u00a0: ${title}`);
      assertInvitation(confirmation);
      const [qr] = confirmation.attachments as { contentType: string; content: string }[];
      assert.equal(qr?.contentType, "image/png");
      checkInAddress = decodeQr(Buffer.from(qr!.content, "base64"));
      const registration = await registrationOf(member);
      assert.equal(registration?.status, "confirmed");
      assert.equal(checkInAddress, `${served.baseUrl}/pointage/${registration!.checkInToken}`);
      await openInOutbox(page, confirmation);
      await page.getByText(checkInAddress).first().waitFor();
    }));

  it("the event fills, and the next member is put on the waitlist", async () => {
    const other = await signInOverHttp(served.platform, filler);
    const filled = await other.post(`/evenements/${slug}/inscription`, { mode: "in_person" });
    assert.equal(filled.statusCode, 303);
    assert.equal((await registrationOf(filler))?.status, "confirmed");

    await as(waiting, async (page) => {
      await page.goto(`/evenements/${slug}`);
      await page.getByText(/complet, /).first().waitFor();
      await page.getByRole("link", { name: "S’inscrire" }).click();
      await page.getByText(/Vous serez inscrit·e sur la liste d’attente/).waitFor();
      await page.locator('label[for="mode-in_person"]').click();
      await page.getByRole("button", { name: "S’inscrire" }).click();
      await page.getByText("Vous êtes sur la liste d’attente (sur place), en première position.").waitFor();
      await page.getByText("Vous êtes en première position sur la liste d’attente (sur place).").waitFor();
    });
    assert.equal((await registrationOf(waiting))?.status, "waitlisted");
    const waitlistMail = await mailTo(served.platform, waiting, "Liste d’attente");
    assert.equal(waitlistMail.calendar, null, "pas d’invitation sans place");
  });

  it("a cancellation promotes the first person waiting, who receives the e-mail with the invitation", async () => {
    await as(filler, async (page) => {
      await page.goto(`/evenements/${slug}`);
      await page.getByRole("link", { name: "Annuler mon inscription" }).click();
      await page.getByRole("button", { name: "Confirmer l’annulation" }).click();
      await page.getByText("Votre inscription est annulée.").waitFor();
    });
    assert.equal((await registrationOf(filler))?.status, "cancelled");
    assert.equal((await registrationOf(waiting))?.status, "confirmed");
    const promotion = await mailTo(served.platform, waiting, "Une place s’est libérée");
    assertInvitation(promotion);
    await withPage(served.browser, served.baseUrl, async (page) => {
      await openInOutbox(page, promotion);
      await page.getByText(/Une place s’est libérée\u00a0: votre inscription à «\u00a0Atelier données ouvertes de la DINUM\u00a0» est confirmée \(sur place\)/).first().waitFor();
    });
  });

  it("the member finds the same QR code in « Mes inscriptions » and subscribes to their calendar feed", () =>
    as(member, async (page) => {
      await page.goto("/compte/evenements");
      const qr = page.locator("svg.check-in-qr").first();
      await qr.waitFor();
      assert.equal(decodeQr(await qr.screenshot()), checkInAddress);

      await page.goto("/compte");
      await page.getByRole("link", { name: "Mes inscriptions dans mon agenda" }).click();
      await page.getByRole("button", { name: "Générer mon adresse" }).click();
      await page.getByText("Votre adresse est prête").waitFor();
      const feedUrl = await page.getByLabel(/Adresse de mon calendrier/).inputValue();
      // Calendar clients fetch the address without a session.
      const feed = await fetch(feedUrl);
      assert.equal(feed.status, 200);
      const [entry] = parseCalendar(await feed.text()).entries.filter((candidate) => candidate.summary === title);
      assert.ok(entry, "l’atelier est dans le calendrier personnel");
      assertParisTimes(entry, { start: startsAt.toJSDate(), end: endsAt.toJSDate(), wallTime: startsAt.toFormat("yyyy-LL-dd'T'HH:mm:ss") });
      assert.ok(entry.description?.includes(visio));
      assert.equal(entry.url, `${served.baseUrl}/evenements/${slug}`);
    }));

  it("the programme team sees the registrations and checks the member in by scanning the QR code", () =>
    as(programmeTeam, async (page) => {
      await page.goto(`/admin/evenements/${eventId}/inscriptions`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.getByText("Inès Benali").first().waitFor();
      await page.goto(`/admin/evenements/${eventId}/pointage`);
      await page.getByRole("heading", { level: 1 }).first().waitFor();

      // The phone's camera opens the address the QR code carries.
      await page.goto(checkInAddress);
      await page.getByRole("heading", { level: 1, name: "Inès Benali" }).waitFor();
      await page.getByRole("button", { name: /Enregistrer l’arrivée/ }).click();
      // The workshop is in ten days: an arrival recorded today asks a second confirmation.
      await page.getByRole("heading", { level: 2, name: "Cet événement n’a pas lieu aujourd’hui" }).waitFor();
      await page.getByRole("button", { name: /^Enregistrer quand même/ }).click();
      // « Arrivée enregistrée à 14 h 05 », or with the day when the event is not today.
      await page.getByRole("heading", { level: 2, name: /^Arrivée enregistrée (le|à) / }).waitFor();
      const registration = await registrationOf(member);
      assert.ok(registration?.attendedAt, "l’arrivée est enregistrée");
    }));
});
