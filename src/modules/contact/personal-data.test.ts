import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { rowsOf } from "../../db/client.ts";
import { contactMessages, contactReplies, users } from "../../db/schema/index.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";

let platform: TestPlatform;
const db = () => platform.database.db;
const email = "thomas.leroy@ign.fr";

describe("contact messages in the GDPR export and erasure", () => {
  let member: HttpSession;
  let team: HttpSession;
  let signedInId: string;
  let visitorId: string;
  let otherId: string;

  before(async () => {
    platform = await startTestPlatform();
    member = await signInOverHttp(platform, email);
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    // Written signed in, then without an account with the same address (mixed case), and someone else's message.
    assert.equal((await member.post("/contact", { name: "Thomas Leroy", topic: "project", body: "Je voudrais rejoindre Cartiflette." })).statusCode, 303);
    assert.equal((await httpSessionOn(platform).post("/contact", { name: "Thomas L.", email: "Thomas.Leroy@ign.fr", topic: "events", body: "Le bootcamp a-t-il lieu en mars ?" })).statusCode, 303);
    assert.equal((await httpSessionOn(platform).post("/contact", { name: "Autre Personne", email: "autre.personne@culture.gouv.fr", topic: "other", body: "Une autre question." })).statusCode, 303);
    const rows = await db().select().from(contactMessages);
    signedInId = rows.find((row) => row.senderId !== null && row.senderEmail === email)!.id;
    visitorId = rows.find((row) => row.senderId === null && row.senderEmail === email)!.id;
    otherId = rows.find((row) => row.senderEmail === "autre.personne@culture.gouv.fr")!.id;
    assert.equal((await team.post(`/admin/messages/${signedInId}/repondre`, { body: "Bienvenue dans l’équipe Cartiflette." })).statusCode, 303);
    assert.equal((await team.post(`/admin/messages/${visitorId}/repondre`, { body: "Oui, le 14 mars." })).statusCode, 303);
  });
  after(async () => {
    await platform.stop();
  });

  it("exports the member's messages, signed in and without an account, with the team's answers and nobody else's message", async () => {
    const response = await member.get("/compte/donnees.json");
    assert.equal(response.statusCode, 200);
    const tables = JSON.parse(response.body) as Record<string, Record<string, unknown>[]>;
    assert.deepEqual(
      tables.contact_messages!.map((row) => row.id),
      [signedInId],
    );
    assert.match(String(tables.contact_messages![0]!.answers), /Bienvenue dans l’équipe Cartiflette\./);
    assert.deepEqual(
      tables.contact_visitor_messages!.map((row) => row.id),
      [visitorId],
    );
    assert.match(String(tables.contact_visitor_messages![0]!.answers), /Oui, le 14 mars\./);
    assert.ok(!response.body.includes("autre.personne") && !response.body.includes(otherId), "le message d’une autre personne est exporté");
    assert.ok(!response.body.includes("camille.martin"), "qui a répondu n’est pas exporté");
    const page = await member.get("/compte/donnees");
    assert.match(page.body, /Messages à l’équipe du programme \(/);
    assert.match(page.body, /Messages écrits sans compte avec votre adresse \(/);
  });

  it("exports the answers a programme team member wrote", async () => {
    const tables = JSON.parse((await team.get("/compte/donnees.json")).body) as Record<string, Record<string, unknown>[]>;
    const [camille] = await db().select({ id: users.id }).from(users).where(eq(users.email, "camille.martin@numerique.gouv.fr"));
    const written = await db().select({ id: contactReplies.id }).from(contactReplies).where(eq(contactReplies.authorId, camille!.id));
    assert.deepEqual(tables.contact_replies!.map((row) => row.id).sort(), written.map((row) => row.id).sort());
    const bodies = tables.contact_replies!.map((row) => row.body);
    assert.ok(bodies.includes("Bienvenue dans l’équipe Cartiflette.") && bodies.includes("Oui, le 14 mars."), JSON.stringify(bodies));
  });

  it("deletes the member's messages and their threads with the account, and keeps the others", async () => {
    assert.equal((await member.post("/compte/suppression", { confirmation: "SUPPRIMER" })).statusCode, 303);
    const left = await db().select({ id: contactMessages.id }).from(contactMessages);
    assert.ok(left.some((row) => row.id === otherId), "le message d’une autre personne est gardé");
    assert.ok(!left.some((row) => row.id === signedInId || row.id === visitorId), "les messages de la personne sont supprimés");
    assert.equal((await db().select().from(contactReplies).where(eq(contactReplies.messageId, signedInId))).length, 0);
    const [row] = rowsOf<{ hits: number }>(await db().execute(sql`select count(*)::int as hits from contact_messages where sender_email ilike ${"%leroy%"} or sender_name ilike ${"%leroy%"}`));
    assert.equal(row?.hits, 0);
  });

  it("keeps the answers an erased team member wrote to others, signed « Ancien membre »", async () => {
    assert.equal((await httpSessionOn(platform).post("/contact", { name: "Léon Visiteur", email: "leon.visiteur@culture.gouv.fr", topic: "joining", body: "Comment rejoindre ?" })).statusCode, 303);
    const [message] = await db().select().from(contactMessages).where(eq(contactMessages.senderEmail, "leon.visiteur@culture.gouv.fr"));
    const leaving = await signInOverHttp(platform, "marc.petit@numerique.gouv.fr");
    // A coach is not on the programme team: give Marc the role for this test.
    await db().execute(sql`insert into user_roles (user_id, role) select id, 'programme_team' from users where email = 'marc.petit@numerique.gouv.fr'`);
    assert.equal((await leaving.post(`/admin/messages/${message!.id}/repondre`, { body: "Par la page Rejoindre." })).statusCode, 303);
    assert.equal((await leaving.post("/compte/suppression", { confirmation: "SUPPRIMER" })).statusCode, 303);
    const thread = await team.get(`/admin/messages/${message!.id}`);
    assert.match(thread.body, /Par la page Rejoindre\./);
    assert.match(thread.body, /Ancien membre, le /);
    assert.doesNotMatch(thread.body, /Marc Petit/);
  });
});
