import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { agreementEvents, agreements, agreementSignatures, agreementVersions } from "../../../db/schema/index.ts";
import { assertFieldError, escapeHtml, fieldGroup } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission } from "../../../../tests/support/http.ts";
import { httpSessionOn } from "../../../../tests/support/http-sign-in.ts";
import { markMailQueue, queuedMails } from "../../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createTenPercentSeason, type SignedInPerson, signedInPerson } from "../ten-percent-test-support.ts";
import { ownAddressError } from "./agreement-form.ts";

let platform: TestPlatform;
const startedAt = new Date("2031-03-02T09:00:00Z");
let now = startedAt;
const clock = { now: () => now };
const db = () => platform.database.db;
const sendPage = "/mon-10-pourcent/convention";

function termsFields(managerEmail: string, overrides: Record<string, string | string[]> = {}) {
  return { shareKind: "ten_percent", halfDaysPerMonth: "", startsOn: "2031-03-02", endsOn: "2031-12-15", managerName: "Paul Manager", managerEmail, charter: "on", ...overrides };
}

/** The token of the newest personal link mailed to `to` since `since`. */
async function linkMailedTo(to: string, since?: Awaited<ReturnType<typeof markMailQueue>>): Promise<string> {
  const mails = await queuedMails(platform, to, since ? { since } : {});
  const mail = mails.at(-1);
  assert.ok(mail, `aucun courriel pour ${to}`);
  const match = /\/convention\/signature\/([\w-]+)/.exec(mail.text);
  assert.ok(match, mail.text);
  return match[1]!;
}

async function agreementOf(userId: string) {
  const rows = await db().select().from(agreements).where(eq(agreements.userId, userId));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)!;
}

async function send(member: SignedInPerson, managerEmail: string, overrides: Record<string, string | string[]> = {}) {
  const response = await member.http.post(sendPage, termsFields(managerEmail, overrides));
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  return agreementOf(member.id);
}

describe("« Convention 10 % »: send, sign through a personal link, modify, end", () => {
  let ines: SignedInPerson;
  let thomas: SignedInPerson;
  let lea: SignedInPerson;
  let outsider: SignedInPerson;

  before(async () => {
    platform = await startTestPlatform({ clock });
    await createTenPercentSeason(db());
    ines = await signedInPerson(platform, "convention.ines@insee.fr", { givenName: "Inès", usualName: "Benali" });
    thomas = await signedInPerson(platform, "convention.thomas@ign.fr", { givenName: "Thomas", usualName: "Leroy" });
    lea = await signedInPerson(platform, "convention.lea@insee.fr", { givenName: "Léa", usualName: "Durand" });
    outsider = await signedInPerson(platform, "convention.autre@insee.fr");
  });
  after(async () => {
    await platform.stop();
  });

  it("sends the agreement; the manager opens the mailed link without an account and accepts the version shown", async () => {
    const form = await ines.http.get(sendPage);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /\/programme\/charte/);
    assert.match(form.body, /name="startsOn" value="2031-03-02"/, "la saison a commencé : la période commence aujourd’hui par défaut");
    assert.match(form.body, /<legend[^>]*>\s*Période/);
    // The number of half-days sits right under its choice, in the same fieldset.
    const share = form.body.slice(form.body.indexOf('id="shareKind-fieldset"'), form.body.indexOf('id="period-fieldset"'));
    assert.ok(share.indexOf('value="half_days"') < share.indexOf('name="halfDaysPerMonth"') && share.indexOf('name="halfDaysPerMonth"') > 0, "le nombre de demi-journées est sous son choix");
    assert.match(form.body, /Mon compte/);
    assertFrenchSpacing(form.body);
    const mark = await markMailQueue(platform);
    const agreement = await send(ines, "paul.manager@insee.fr");
    assert.equal(agreement.status, "sent");
    const [version] = await db().select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreement.id));
    assert.equal(version!.memberName, "Inès Benali");
    assert.equal(version!.charterVersion, "2024");
    const mails = await queuedMails(platform, "paul.manager@insee.fr", { since: mark });
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text, /Aucun compte n’est nécessaire/);
    assert.equal(mails[0]!.subject, "Convention 10\u00a0% d’Inès Benali à signer");
    assert.match(mails[0]!.text, /sert jusqu’à votre décision/);
    assert.doesNotMatch(mails[0]!.text, /ne sert qu’une fois/);
    assertFrenchSpacing(`<main>${mails[0]!.text}</main>`, ["paul.manager@insee.fr"]);
    assert.match(mails[0]!.text, /10\u00a0% \(2\u00a0demi-journées par mois\)/);
    const token = await linkMailedTo("paul.manager@insee.fr", mark);

    const manager = httpSessionOn(platform);
    const page = await manager.get(`/convention/signature/${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Inès Benali/);
    assert.match(page.body, /name="version" value="1"/);
    assert.match(page.body, /J’accepte la convention/);
    // For a manager who never heard of the platform: what happens next, whom to ask, no internal words.
    assert.match(page.body, /Ce qui se passe ensuite/);
    assert.match(page.body, /href="\/contact"/);
    assert.match(page.body, /Dernière version de la convention, envoyée le/);
    assert.doesNotMatch(page.body, /Version 1|version 2024|Version de la convention/);
    assert.equal((page.body.match(/Votre réponse/g) ?? []).length, 1, "un seul « Votre réponse »");
    assert.match(page.body, /<title>[^<]*Convention 10(&nbsp;|\u00a0)% d’Inès Benali/);
    assertFrenchSpacing(page.body, ["paul.manager@insee.fr"]);
    const accepted = await manager.post(`/convention/signature/${token}`, { choice: "accept", version: "1", reason: "" });
    assert.equal(accepted.statusCode, 200, accepted.body.slice(0, 1000));
    assert.match(accepted.body, /Votre accord est enregistré/);
    assert.match(accepted.body, /href="\/connexion\?retour=\/mes-agents"/);
    assert.match(accepted.body, /jointe, en PDF/);
    const confirmation = (await queuedMails(platform, "paul.manager@insee.fr", { since: mark })).at(-1)!;
    assert.match(confirmation.subject, /d’Inès Benali est enregistré/);
    assert.match(confirmation.text, /\/connexion\?retour=\/mes-agents/);
    assert.match(confirmation.text, /La convention signée est jointe à ce courriel/);

    assert.equal((await agreementOf(ines.id)).status, "accepted");
    const [signature] = await db().select().from(agreementSignatures).where(eq(agreementSignatures.agreementId, agreement.id));
    assert.equal(signature!.decision, "accepted");
    assert.equal(signature!.version, 1);
    assert.equal(signature!.decidedVia, "link");
    assert.deepEqual(signature!.decidedAt, now);
    const memberMails = await queuedMails(platform, "convention.ines@insee.fr", { since: mark });
    const acceptedMail = memberMails.find((mail) => /acceptée/.test(mail.subject));
    assert.ok(acceptedMail);
    const pdf = acceptedMail.attachments?.find((attachment) => attachment.contentType === "application/pdf");
    assert.ok(pdf, "la convention signée est jointe au courriel");
    assert.equal(Buffer.from(pdf.content, "base64").subarray(0, 5).toString(), "%PDF-");

    // The link was used for a decision: refused from now on.
    const again = await manager.get(`/convention/signature/${token}`);
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /déjà répondu/);
    assert.equal((await manager.post(`/convention/signature/${token}`, { choice: "decline", version: "1", reason: "Finalement non" }, { formPage: "/connexion" })).statusCode, 410);

    const hub = await ines.http.get("/mon-10-pourcent");
    assert.equal(hub.statusCode, 200);
    assert.match(hub.body, /Acceptée/);
    assert.match(hub.body, new RegExp(`/conventions/${agreement.id}/pdf`));
    assertFrenchSpacing(hub.body, ["paul.manager@insee.fr"]);
    const own = await ines.http.get(`/conventions/${agreement.id}`);
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Historique de la convention/);
    assertFrenchSpacing(own.body, ["paul.manager@insee.fr", "convention.ines@insee.fr"]);
  });

  it("modifying after acceptance makes version 2, asks the manager again and refuses the old version's link", async () => {
    const agreement = await agreementOf(ines.id);
    const mark = await markMailQueue(platform);
    const page = `/conventions/${agreement.id}/modifier`;
    const modifyForm = await ines.http.get(page);
    assert.doesNotMatch(modifyForm.body, /name="managerName"/, "le nom du manager n’est pas modifiable ici");
    assert.match(modifyForm.body, new RegExp(`href="/conventions/${agreement.id}/changer-de-manager"`));
    assert.match(modifyForm.body, /Paul Manager/);
    // A name posted anyway is ignored: another manager is a new agreement, not a new version.
    const modified = await ines.http.post(page, { ...termsFields("paul.manager@insee.fr"), managerName: "Quelqu’un d’autre", shareKind: "half_days", halfDaysPerMonth: "3", startsOn: "2031-02-01" });
    assert.equal(modified.statusCode, 303, modified.body.slice(0, 2000));
    const after = await agreementOf(ines.id);
    assert.equal(after.currentVersion, 2);
    assert.equal(after.status, "sent");
    const [event] = await db().select().from(agreementEvents).where(and(eq(agreementEvents.agreementId, agreement.id), eq(agreementEvents.kind, "modified")));
    assert.match(event!.detail, /la part de temps/);
    const newToken = await linkMailedTo("paul.manager@insee.fr", mark);
    const manager = httpSessionOn(platform);
    const shown = await manager.get(`/convention/signature/${newToken}`);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /name="version" value="2"/);
    assert.match(shown.body, /3\u00a0demi-journées par mois, soit environ 15\u00a0% de son temps/);
    assert.match(shown.body, /La période commence avant l’envoi de la demande/);
    const [version2] = await db().select().from(agreementVersions).where(and(eq(agreementVersions.agreementId, agreement.id), eq(agreementVersions.version, 2)));
    assert.equal(version2!.managerName, "Paul Manager");

    // Modified once more before the manager answers: version 2's link is now refused (invalidated).
    const mark3 = await markMailQueue(platform);
    assert.equal((await ines.http.post(page, { ...termsFields("paul.manager@insee.fr"), shareKind: "half_days", halfDaysPerMonth: "4" })).statusCode, 303);
    const old = await manager.get(`/convention/signature/${newToken}`);
    assert.equal(old.statusCode, 410);
    assert.match(old.body, /remplacée par une nouvelle/);
    const [v2] = await db().select().from(agreementSignatures).where(and(eq(agreementSignatures.agreementId, agreement.id), eq(agreementSignatures.version, 2)));
    assert.ok(v2!.invalidatedAt);
    // A decision posted for version 3 from version 2's page is refused, never recorded.
    const v3Token = await linkMailedTo("paul.manager@insee.fr", mark3);
    const stale = await manager.post(`/convention/signature/${v3Token}`, { choice: "accept", version: "2", reason: "" });
    assert.equal(stale.statusCode, 410);
    assert.match(stale.body, /La convention a changé/);
    assert.equal((await agreementOf(ines.id)).status, "sent");
  });

  it("refuses a second live agreement for the same season with a message, not an error", async () => {
    const response = await ines.http.post(sendPage, termsFields("paul.manager@insee.fr"), { formPage: "/mon-10-pourcent" });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /déjà une convention en cours pour cette saison/);
  });

  it("a link is refused once expired", async () => {
    const mark = await markMailQueue(platform);
    await send(thomas, "marie.cheffe@ign.fr");
    const token = await linkMailedTo("marie.cheffe@ign.fr", mark);
    const manager = httpSessionOn(platform);
    assert.equal((await manager.get(`/convention/signature/${token}`)).statusCode, 200);
    now = new Date(startedAt.getTime() + 31 * 24 * 3600 * 1000);
    try {
      const expired = await manager.get(`/convention/signature/${token}`);
      assert.equal(expired.statusCode, 410);
      assert.match(expired.body, /a expiré/);
    } finally {
      now = startedAt;
    }
    assert.equal((await manager.get("/convention/signature/nimportequoi-mais-assez-long-pour-passer")).statusCode, 404);
  });

  it("declining needs a reason: the choice is kept and the message shown next to the field", async () => {
    const agreement = await agreementOf(thomas.id);
    const mark = await markMailQueue(platform);
    // A new link through a question and its answer: the member answers from the agreement's page.
    const firstToken = (await queuedMails(platform, "marie.cheffe@ign.fr")).at(-1)!.text.match(/signature\/([\w-]+)/)![1]!;
    const manager = httpSessionOn(platform);
    const refused = await manager.post(`/convention/signature/${firstToken}`, { choice: "decline", version: "1", reason: "  " });
    assert.equal(refused.statusCode, 400);
    const group = fieldGroup(refused.body, "reason");
    assert.match(group, /fr-input-group--error/);
    assert.ok(group.includes(escapeHtml("Indiquez la raison de votre refus.")), group);
    assert.match(refused.body, /id="choice-decline" name="choice" checked="" value="decline"/);

    const asked = await manager.post(`/convention/signature/${firstToken}`, { choice: "question", version: "1", reason: "Quels jours de la semaine ?" });
    assert.equal(asked.statusCode, 200);
    const question = (await queuedMails(platform, "convention.thomas@ign.fr", { since: mark })).at(-1)!;
    assert.match(question.text, /Quels jours de la semaine/);
    // A question decides nothing: the same link still opens the agreement, with the question asked.
    const reopened = await manager.get(`/convention/signature/${firstToken}`);
    assert.equal(reopened.statusCode, 200);
    assert.match(reopened.body, /Votre question/);
    assert.match(reopened.body, /Quels jours de la semaine/);
    assert.match(reopened.body, /n’a pas encore répondu/);
    // The member sees the question quoted (who, when) where they answer it, on the hub and in the signatories' table.
    const own = await thomas.http.get(`/conventions/${agreement.id}`);
    const answerSection = own.body.slice(own.body.indexOf('id="repondre"'));
    assert.match(answerSection, /Quels jours de la semaine/);
    assert.match(answerSection, /Question posée le/);
    assert.match(own.body, /<td>Question posée le [^<]+<\/td>/);
    const hub = await thomas.http.get("/mon-10-pourcent");
    assert.match(hub.body, /Une question attend votre réponse[\s\S]*Quels jours de la semaine/);
    const answered = await thomas.http.post(`/conventions/${agreement.id}/repondre`, { answer: "Le jeudi après-midi." }, { formPage: `/conventions/${agreement.id}` });
    assert.equal(answered.statusCode, 303, answered.body.slice(0, 1000));
    const newToken = await linkMailedTo("marie.cheffe@ign.fr", mark);
    assert.notEqual(newToken, firstToken);
    // After the answer, the first link still works and shows the member's answer.
    const withAnswer = await manager.get(`/convention/signature/${firstToken}`);
    assert.equal(withAnswer.statusCode, 200);
    assert.match(withAnswer.body, /Réponse de Thomas Leroy, le/);
    assert.match(withAnswer.body, /Le jeudi après-midi\./);
    const declined = await manager.post(`/convention/signature/${newToken}`, { choice: "decline", version: "1", reason: "Pas cette année, le service est en sous-effectif." });
    assert.equal(declined.statusCode, 200);
    assert.equal((await agreementOf(thomas.id)).status, "declined");
    const mail = (await queuedMails(platform, "convention.thomas@ign.fr", { since: mark })).at(-1)!;
    assert.match(mail.text, /sous-effectif/);
  });

  it("a manager signed in with the manager's address decides from the agreement's page; another member gets 403", async () => {
    await send(lea, "sophie.cheffe@insee.fr");
    const agreement = await agreementOf(lea.id);
    const path = `/conventions/${agreement.id}`;
    assertRefusedByPermission(await outsider.http.get(path), 403);
    assertRefusedByPermission(await outsider.http.post(`${path}/decision`, { choice: "accept", version: "1" }, { formPage: "/mon-10-pourcent" }), 403);
    assertRefusedByPermission(await outsider.http.post(`${path}/terminer`, { endedOn: "2031-06-30" }, { formPage: "/mon-10-pourcent" }), 403);
    assertRefusedByPermission(await outsider.http.get(`${path}/modifier`), 403);
    assertRefusedByPermission(await ines.http.get(path), 403);
    const manager = await signedInPerson(platform, "sophie.cheffe@insee.fr");
    // The manager may read but not modify the member's agreement.
    assertRefusedByPermission(await manager.http.get(`${path}/modifier`), 403);
    const page = await manager.http.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Votre réponse/);
    const decided = await manager.http.post(`${path}/decision`, { choice: "accept", version: "1", reason: "" }, { formPage: path });
    assert.equal(decided.statusCode, 303, decided.body.slice(0, 1000));
    const [signature] = await db().select().from(agreementSignatures).where(eq(agreementSignatures.agreementId, agreement.id));
    assert.equal(signature!.decidedVia, "account");
    assert.equal((await agreementOf(lea.id)).status, "accepted");
    // Already decided: no second decision.
    assertRefusedByPermission(await manager.http.post(`${path}/decision`, { choice: "decline", version: "1", reason: "non" }, { formPage: path }), 403);
  });

  it("ends early with a date, telling the manager; a date before today is refused next to the field", async () => {
    const agreement = await agreementOf(lea.id);
    const path = `/conventions/${agreement.id}`;
    const early = await lea.http.post(`${path}/terminer`, { endedOn: "2031-02-01", reason: "", confirm: "on" }, { formPage: path });
    assert.equal(early.statusCode, 400);
    assert.ok(fieldGroup(early.body, "endedOn").includes("fr-message--error"));
    // Ending needs the confirmation box ticked: refused next to it, nothing ended.
    const unconfirmed = await lea.http.post(`${path}/terminer`, { endedOn: "2031-06-30", reason: "Changement de poste" }, { formPage: path });
    assert.equal(unconfirmed.statusCode, 400);
    assert.ok(unconfirmed.body.includes(escapeHtml("Cochez la case pour confirmer la fin de la convention.")));
    assert.match(unconfirmed.body, /Je confirme mettre fin à cette convention/);
    assert.equal((await agreementOf(lea.id)).status, "accepted");
    const mark = await markMailQueue(platform);
    const ended = await lea.http.post(`${path}/terminer`, { endedOn: "2031-06-30", reason: "Changement de poste", confirm: "on" }, { formPage: path });
    assert.equal(ended.statusCode, 303, ended.body.slice(0, 1000));
    const row = await agreementOf(lea.id);
    assert.equal(row.status, "ended");
    assert.equal(row.endedOn, "2031-06-30");
    assert.equal(row.endedBy, "member");
    const mails = await queuedMails(platform, "sophie.cheffe@insee.fr", { since: mark });
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text, /Changement de poste/);
    const page = await lea.http.get(path);
    assert.match(page.body, /Terminée avant son terme/);
  });

  it("a request still waiting is withdrawn by its member, with a confirmation: the signatory is told and the link refused", async () => {
    const zoe = await signedInPerson(platform, "convention.zoe@insee.fr", { givenName: "Zoé", usualName: "Martin" });
    const mark = await markMailQueue(platform);
    const agreement = await send(zoe, "remi.chef@insee.fr");
    const token = await linkMailedTo("remi.chef@insee.fr", mark);
    const path = `/conventions/${agreement.id}`;
    const hub = await zoe.http.get("/mon-10-pourcent");
    assert.match(hub.body, /Retirer ma demande/);
    assert.doesNotMatch(hub.body, /Terminer la convention/);
    const page = await zoe.http.get(path);
    assert.match(page.body, /<h2 id="terminer">Retirer ma demande<\/h2>/);
    assert.match(page.body, /Je confirme retirer ma demande/);
    const unconfirmed = await zoe.http.post(`${path}/terminer`, { reason: "" }, { formPage: path });
    assert.equal(unconfirmed.statusCode, 400);
    assert.ok(unconfirmed.body.includes(escapeHtml("Cochez la case pour confirmer le retrait de votre demande.")));
    assert.equal((await agreementOf(zoe.id)).status, "sent");
    const withdrawn = await zoe.http.post(`${path}/terminer`, { reason: "Je change de service", confirm: "on" }, { formPage: path });
    assert.equal(withdrawn.statusCode, 303, withdrawn.body.slice(0, 1000));
    const row = await agreementOf(zoe.id);
    assert.equal(row.status, "ended");
    assert.equal(row.endedOn, "2031-03-02");
    const mail = (await queuedMails(platform, "remi.chef@insee.fr", { since: mark })).at(-1)!;
    assert.equal(mail.subject, "Zoé Martin a retiré sa demande de convention 10\u00a0%");
    assert.match(mail.text, /Je change de service/);
    assertFrenchSpacing(`<main>${mail.text}</main>`);
    assert.equal((await httpSessionOn(platform).get(`/convention/signature/${token}`)).statusCode, 410);
    const after = await zoe.http.get(`${path}?retiree=1`);
    assert.match(after.body, /Votre demande est retirée/);
    assert.match(after.body, /Demande retirée le /);
  });

  it("never lets a member be their own manager: their address is refused at the field, on sending and on changing manager", async () => {
    const self = await signedInPerson(platform, "moi.meme@insee.fr", { givenName: "Moi", usualName: "Même" });
    const refused = await self.http.post(sendPage, termsFields("MOI.MEME@insee.fr"));
    assert.equal(refused.statusCode, 400);
    assertFieldError(refused.body, "managerEmail", ownAddressError);
    assert.equal((await db().select().from(agreements).where(eq(agreements.userId, self.id))).length, 0);
    const sent = await send(self, "vraie.manager@insee.fr");
    const change = await self.http.post(`/conventions/${sent.id}/changer-de-manager`, { managerName: "Moi", managerEmail: "moi.meme@insee.fr" });
    assert.equal(change.statusCode, 400);
    assertFieldError(change.body, "managerEmail", ownAddressError);
    // Even a signature naming the member (written straight into the table) is never theirs to decide.
    await db().update(agreementSignatures).set({ email: "moi.meme@insee.fr" }).where(eq(agreementSignatures.agreementId, sent.id));
    const decision = await self.http.post(`/conventions/${sent.id}/decision`, { choice: "accept", version: "1", reason: "" }, { formPage: `/conventions/${sent.id}` });
    assert.equal(decision.statusCode, 403);
    assert.equal((await agreementOf(self.id)).status, "sent");
  });

  it("changing manager replaces the agreement with a new one sent to the new manager", async () => {
    const mark = await markMailQueue(platform);
    await send(lea, "paul.nouveau@insee.fr");
    const first = await agreementOf(lea.id);
    const oldToken = await linkMailedTo("paul.nouveau@insee.fr", mark);
    const changed = await lea.http.post(`/conventions/${first.id}/changer-de-manager`, { managerName: "Alice Nouvelle", managerEmail: "alice.nouvelle@insee.fr" });
    assert.equal(changed.statusCode, 303, changed.body.slice(0, 1000));
    const [old] = await db().select().from(agreements).where(eq(agreements.id, first.id));
    assert.equal(old!.status, "replaced");
    const current = await agreementOf(lea.id);
    assert.notEqual(current.id, first.id);
    assert.equal(current.status, "sent");
    assert.equal((await httpSessionOn(platform).get(`/convention/signature/${oldToken}`)).statusCode, 410);
    assert.ok((await queuedMails(platform, "alice.nouvelle@insee.fr", { since: mark })).length === 1);
  });
});
