import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { desc, eq } from "drizzle-orm";
import { contactMessages, contactReplies, devMails } from "../../db/schema/index.ts";
import { assertFieldError } from "../../../tests/support/form-assertions.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { assertNoMailQueued, markMailQueue } from "../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform, waitForMail } from "../../../tests/support/test-platform.ts";
import { numberMistakes, typographyMistakes, visibleText } from "../../../tests/support/french-typography.ts";
import { deleteExpiredMessages } from "./api.ts";

const teamAddress = "equipe-test@programme.example.gouv.fr";
let platform: TestPlatform;
const db = () => platform.database.db;
const anonymous = () => httpSessionOn(platform);

const visitorMessage = { name: "Léa Visiteuse", email: "Lea.Visiteuse@culture.gouv.fr", topic: "manager", body: "Bonjour,\nmon agente peut-elle consacrer 10 % de son temps au programme ?", site_web: "" };

async function messagesFrom(email: string) {
  return db().select().from(contactMessages).where(eq(contactMessages.senderEmail, email)).orderBy(desc(contactMessages.createdAt));
}

/** Every mail the outbox holds for `to`, newest first. */
async function mailsTo(to: string) {
  return db().select().from(devMails).where(eq(devMails.to, to)).orderBy(desc(devMails.createdAt));
}

/** Waits until the outbox holds `count` mails for `to`. */
async function waitForMails(to: string, count: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = await mailsTo(to);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`${count} courriel(s) attendus pour ${to}, ${mails.length} reçus`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("contact: the form to the programme team and the team's inbox", () => {
  let team: HttpSession;
  let member: HttpSession;

  before(async () => {
    platform = await startTestPlatform({ config: { CONTACT_EMAIL: teamAddress } });
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    member = await signInOverHttp(platform, "ines.benali@insee.fr");
  });
  after(async () => {
    await platform.stop();
  });

  it("shows /contact with the team's address and a form, not the imported page at that address", async () => {
    const response = await anonymous().get("/contact");
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1>Contacter l’équipe du programme<\/h1>/);
    assert.ok(response.body.includes(`<a href="mailto:${teamAddress}">${teamAddress}</a>`), "adresse de l’équipe absente");
    assert.match(response.body, /<form noValidate="" action="\/contact" method="post">/);
    for (const field of ["name", "email", "topic", "body", "site_web", "_csrf"]) assert.match(response.body, new RegExp(`name="${field}"`), field);
    assert.match(response.body, /<option value="manager">Une question de manager ou de ressources humaines<\/option>/);
    assert.doesNotMatch(response.body, /Equipe organisatrice|Paul-Antoine Chevalier/, "la page importée à cette adresse n’est pas montrée (ADR 0022)");
  });

  it("refuses the inbox to an anonymous visitor (sign-in, 401) and to a member (403)", async () => {
    const page = await anonymous().get("/admin/messages");
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, `/connexion?retour=${encodeURIComponent("/admin/messages")}`);
    const [message] = await seedMessages(1);
    const anonymousReply = await anonymous().post(`/admin/messages/${message}/repondre`, { body: "Bonjour" }, { formPage: "/connexion" });
    assert.equal(anonymousReply.statusCode, 401);
    assert.equal((await member.get("/admin/messages")).statusCode, 403);
    assert.equal((await member.get(`/admin/messages/${message}`)).statusCode, 403);
    for (const action of ["repondre", "archiver", "rouvrir"]) {
      assert.equal((await member.post(`/admin/messages/${message}/${action}`, { body: "Bonjour" }, { formPage: "/compte" })).statusCode, 403, action);
    }
    assert.equal((await db().select().from(contactReplies).where(eq(contactReplies.messageId, message!))).length, 0);
    assert.match((await member.get("/admin")).body, /Accès refusé/);
    assert.match((await team.get("/admin")).body, /href="\/admin\/messages"/, "tuile de la boîte de réception");
  });

  it("refuses a post without the form's CSRF token, storing nothing", async () => {
    const response = await anonymous().post("/contact", { ...visitorMessage, email: "sans.jeton@culture.gouv.fr" }, { csrf: null });
    assert.equal(response.statusCode, 403);
    assert.equal((await messagesFrom("sans.jeton@culture.gouv.fr")).length, 0);
  });

  it("refuses an empty or wrong form with French messages next to the fields, the input kept, nothing stored or mailed", async () => {
    const mark = await markMailQueue(platform);
    const empty = await anonymous().post("/contact", { name: " ", email: "", topic: "", body: "" }, { formPage: "/contact" });
    assert.equal(empty.statusCode, 400);
    assertFieldError(empty.body, "name", "Indiquez votre nom.");
    assertFieldError(empty.body, "email", "Indiquez votre adresse électronique.");
    assertFieldError(empty.body, "topic", "Choisissez le sujet de votre message dans la liste.");
    assertFieldError(empty.body, "body", "Indiquez votre message.");
    assert.match(empty.body, /<title>Erreur — /);

    const wrong = await anonymous().post("/contact", { name: "Léa", email: "pas-une-adresse", topic: "inconnu", body: "Un message gardé" });
    assert.equal(wrong.statusCode, 400);
    assertFieldError(wrong.body, "email", "Indiquez une adresse électronique valide, au format prenom.nom@exemple.fr.", "pas-une-adresse");
    assertFieldError(wrong.body, "topic", "Choisissez le sujet de votre message dans la liste.");
    assert.match(wrong.body, /<textarea[^>]*name="body"[^>]*>Un message gardé<\/textarea>/);
    assert.match(wrong.body, /value="Léa"/);

    const tooLong = await anonymous().post("/contact", { ...visitorMessage, email: "trop.long@culture.gouv.fr", body: "x".repeat(5001) });
    assert.equal(tooLong.statusCode, 400);
    assertFieldError(tooLong.body, "body", "Ce champ ne peut pas dépasser 5000 caractères.");
    assert.equal((await messagesFrom("pas-une-adresse")).length + (await messagesFrom("trop.long@culture.gouv.fr")).length, 0);
    await assertNoMailQueued(platform, undefined, { since: mark });
  });

  it("drops a message whose honeypot is filled, showing the same confirmation", async () => {
    const mark = await markMailQueue(platform);
    const response = await anonymous().post("/contact", { ...visitorMessage, email: "robot@culture.gouv.fr", site_web: "https://spam.example" });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/contact/message-envoye");
    assert.equal((await messagesFrom("robot@culture.gouv.fr")).length, 0);
    await assertNoMailQueued(platform, undefined, { since: mark, message: "ni accusé de réception ni courriel à l’équipe" });
  });

  it("stores a visitor's message, confirms it, acknowledges it by mail and tells the team's address without the message", async () => {
    const visitor = anonymous();
    const response = await visitor.post("/contact", visitorMessage);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/contact/message-envoye");
    const confirmation = await visitor.get("/contact/message-envoye");
    assert.equal(confirmation.statusCode, 200);
    assert.match(confirmation.body, /<h1>Message envoyé<\/h1>/);
    assert.match(confirmation.body, /Un accusé de réception vient de vous être envoyé/);

    const [stored] = await messagesFrom("lea.visiteuse@culture.gouv.fr");
    assert.ok(stored, "message enregistré (adresse en minuscules)");
    assert.equal(stored.senderId, null);
    assert.equal(stored.senderName, "Léa Visiteuse");
    assert.equal(stored.topic, "manager");
    assert.equal(stored.status, "new");
    assert.equal(stored.body, visitorMessage.body);

    const acknowledgement = await waitForMail(platform, "lea.visiteuse@culture.gouv.fr");
    assert.match(acknowledgement.subject, /Votre message à l’équipe du Programme 10\u00a0% est bien arrivé/);
    assert.match(acknowledgement.text, /Une question de manager ou de ressources humaines/);
    assert.ok(!acknowledgement.text.includes("consacrer"), "l’accusé de réception ne recopie pas le message");
    assert.ok(!acknowledgement.text.includes("Léa"), "l’accusé de réception ne recopie pas le nom saisi");

    const notices = await waitForMails(teamAddress, 1);
    const notice = notices.find((mail) => mail.text.includes(stored.id));
    assert.ok(notice, "l’équipe est prévenue, avec le lien du message");
    assert.match(notice.text, new RegExp(`http://localhost:3000/admin/messages/${stored.id}`));
    for (const personal of ["Léa", "Visiteuse", "lea.visiteuse", "consacrer"]) assert.ok(!notice.text.includes(personal) && !notice.subject.includes(personal), `« ${personal} » dans l’avis à l’équipe`);
  });

  it("takes a signed-in member's address from the account, whatever the form says", async () => {
    const page = await member.get("/contact");
    const emailInput = /<input[^>]* id="email"[^>]*>/.exec(page.body)?.[0] ?? "";
    assert.match(emailInput, /value="ines\.benali@insee\.fr"/);
    assert.match(emailInput, /readOnly=""/);
    assert.match(/<input[^>]* id="name"[^>]*>/.exec(page.body)?.[0] ?? "", /value="Inès Benali"/);
    const response = await member.post("/contact", { name: "Inès Benali", email: "quelqu.un.d.autre@culture.gouv.fr", topic: "project", body: "Comment rejoindre Cartiflette ?" });
    assert.equal(response.statusCode, 303);
    const [stored] = await messagesFrom("ines.benali@insee.fr");
    assert.ok(stored);
    assert.ok(stored.senderId, "lié au compte");
    assert.equal((await messagesFrom("quelqu.un.d.autre@culture.gouv.fr")).length, 0);
  });

  it("accepts three messages an hour from one address, then refuses the next at the address with the input kept (429)", async () => {
    const email = "limite.adresse@culture.gouv.fr";
    for (let index = 0; index < 3; index++) assert.equal((await anonymous().post("/contact", { ...visitorMessage, email })).statusCode, 303);
    const refused = await anonymous().post("/contact", { ...visitorMessage, email, body: "Le quatrième message" });
    assert.equal(refused.statusCode, 429);
    assertFieldError(refused.body, "email", `Vous avez déjà envoyé 3\u00a0messages depuis cette adresse dans l’heure. Attendez un peu avant d’en écrire un autre, ou écrivez directement à ${teamAddress}.`, email);
    assert.match(refused.body, />Le quatrième message<\/textarea>/);
    assert.equal((await messagesFrom(email)).length, 3);
  });

  it("limits the posts of one IP address to ten in ten minutes", async () => {
    const visitor = httpSessionOn(platform, "198.51.100.77");
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await visitor.get("/contact")).body)![1]!;
    const statuses: number[] = [];
    for (let index = 0; index < 11; index++) statuses.push((await visitor.post("/contact", { name: "", email: "", topic: "", body: "" }, { csrf })).statusCode);
    assert.deepEqual(statuses, [...Array(10).fill(400), 429]);
  });

  it("lists new messages newest first, shows one, mails the team's reply to the sender and records it, then archives and reopens it", async () => {
    await anonymous().post("/contact", { ...visitorMessage, email: "plus.ancien@culture.gouv.fr", topic: "events", body: "Premier" });
    await anonymous().post("/contact", { ...visitorMessage, email: "plus.recent@culture.gouv.fr", name: "Paul Récent", topic: "joining", body: "Second\nsur deux lignes" });
    const inbox = await team.get("/admin/messages");
    assert.equal(inbox.statusCode, 200);
    const older = inbox.body.indexOf("Les événements et les formations");
    const newer = inbox.body.indexOf("Rejoindre le programme");
    assert.ok(newer > 0 && older > newer, "les plus récents d’abord");

    const [message] = await messagesFrom("plus.recent@culture.gouv.fr");
    const page = await team.get(`/admin/messages/${message!.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Message de Paul Récent<\/h1>/);
    assert.match(page.body, /Second\nsur deux lignes/);

    const empty = await team.post(`/admin/messages/${message!.id}/repondre`, { body: "  " });
    assert.equal(empty.statusCode, 400);
    assertFieldError(empty.body, "body", "Indiquez votre réponse.");

    const answer = "Bonjour,\nl’appel à projets ouvre en janvier : inscrivez-vous depuis la page Rejoindre.";
    const replied = await team.post(`/admin/messages/${message!.id}/repondre`, { body: answer });
    assert.equal(replied.statusCode, 303);
    assert.equal(replied.headers.location, `/admin/messages/${message!.id}?fait=reponse`);
    const thread = await team.get(String(replied.headers.location));
    assert.match(thread.body, /Votre réponse est envoyée par courriel et gardée avec le message\./);
    assert.ok(thread.body.includes("l’appel à projets ouvre en janvier"), "la réponse figure dans le fil");
    assert.match(thread.body, /Camille Martin, le /);

    const mails = await waitForMails("plus.recent@culture.gouv.fr", 2);
    const mailed = mails.find((mail) => mail.subject.startsWith("Réponse de l’équipe"));
    assert.ok(mailed, "la réponse est envoyée à la personne");
    assert.ok(mailed.text.startsWith(`Bonjour Paul Récent,\n\n${answer}`), mailed.text);
    assert.match(mailed.text, /> Second\n> sur deux lignes/);
    assert.ok(!mailed.text.includes("Camille"), "signée par l’équipe, sans le nom de la personne qui répond");
    assert.equal((await messagesFrom("plus.recent@culture.gouv.fr"))[0]!.status, "answered");
    assert.match((await team.get("/admin/messages?etat=repondus")).body, /Paul Récent/);
    assert.doesNotMatch((await team.get("/admin/messages")).body, /Paul Récent/);

    assert.equal((await team.post(`/admin/messages/${message!.id}/archiver`, {})).statusCode, 303);
    assert.equal((await messagesFrom("plus.recent@culture.gouv.fr"))[0]!.status, "archived");
    assert.match((await team.get("/admin/messages?etat=archives")).body, /Paul Récent/);
    const archivedPage = await team.get(`/admin/messages/${message!.id}`);
    assert.doesNotMatch(archivedPage.body, /Envoyer la réponse/);
    const lateReply = await team.post(`/admin/messages/${message!.id}/repondre`, { body: "Encore une chose" }, { formPage: "/admin/messages" });
    assert.equal(lateReply.statusCode, 409);
    assert.match(lateReply.body, /Ce message est archivé\u00a0: rouvrez-le avant d’y répondre\./);
    assert.equal((await db().select().from(contactReplies).where(eq(contactReplies.messageId, message!.id))).length, 1);

    assert.equal((await team.post(`/admin/messages/${message!.id}/rouvrir`, {})).statusCode, 303);
    assert.equal((await messagesFrom("plus.recent@culture.gouv.fr"))[0]!.status, "answered");
  });

  it("writes the inbox and a message page in French typography", async () => {
    const [id] = await seedMessages(1);
    for (const path of ["/admin/messages", "/admin/messages?etat=repondus", "/admin/messages?etat=archives", `/admin/messages/${id}`]) {
      const text = visibleText((await team.get(path)).body);
      assert.deepEqual([...typographyMistakes(text), ...numberMistakes(text)], [], path);
    }
  });

  it("answers 404 for an unknown or malformed message address", async () => {
    assert.equal((await team.get("/admin/messages/00000000-0000-4000-8000-000000000000")).statusCode, 404);
    assert.equal((await team.get("/admin/messages/pas-un-id")).statusCode, 404);
  });

  it("deletes messages and their threads one year after their last activity, and keeps the others", async () => {
    const [oldId, recentId] = await seedMessages(2);
    await db().insert(contactReplies).values({ messageId: oldId!, body: "Réponse ancienne", createdAt: new Date("2025-01-10T10:00:00Z") });
    await db().update(contactMessages).set({ lastActivityAt: new Date("2025-01-10T10:00:00Z") }).where(eq(contactMessages.id, oldId!));
    await db().update(contactMessages).set({ lastActivityAt: new Date("2025-01-12T10:00:00Z") }).where(eq(contactMessages.id, recentId!));
    assert.equal(await deleteExpiredMessages(db(), new Date("2026-01-11T10:00:00Z")), 1);
    const left = await db().select({ id: contactMessages.id }).from(contactMessages);
    assert.ok(!left.some((row) => row.id === oldId), "message d’il y a plus d’un an supprimé");
    assert.ok(left.some((row) => row.id === recentId), "message de moins d’un an gardé");
    assert.equal((await db().select().from(contactReplies).where(eq(contactReplies.messageId, oldId!))).length, 0);
  });
});

/** Messages stored directly (for the tests that need one without going through the form's limits). */
async function seedMessages(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const [row] = await db()
      .insert(contactMessages)
      .values({ senderName: `Personne ${index}`, senderEmail: `personne.${index}.${Date.now()}@culture.gouv.fr`, topic: "other", body: "Question" })
      .returning({ id: contactMessages.id });
    ids.push(row!.id);
  }
  return ids;
}

describe("contact without any imported content", () => {
  let bare: TestPlatform;
  before(async () => {
    bare = await startTestPlatform({ config: { CONTENT_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "p10-no-content-")) } });
  });
  after(async () => {
    await bare.stop();
  });

  it("still serves /contact, with the default team address and the form", async () => {
    const response = await httpSessionOn(bare).get("/contact");
    assert.equal(response.statusCode, 200);
    assert.ok(response.body.includes('<a href="mailto:lab-ia@data.gouv.fr">lab-ia@data.gouv.fr</a>'));
    assert.match(response.body, /action="\/contact"/);
  });

  it("writes /contact, its errors and its confirmation in French typography", async () => {
    const visitor = httpSessionOn(bare);
    const pages = [(await visitor.get("/contact")).body, (await visitor.post("/contact", { name: "", email: "x", topic: "", body: "" })).body, (await visitor.get("/contact/message-envoye")).body];
    for (const html of pages) assert.deepEqual(typographyMistakes(visibleText(html)), []);
  });

  it("links the 403 page's « écrivez à l’équipe du programme » to /contact", async () => {
    const member = await signInOverHttp(bare, "thomas.leroy@ign.fr");
    const response = await member.get("/admin");
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /<a href="\/contact">écrivez à l’équipe du programme<\/a>/);
  });
});
