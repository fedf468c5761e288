import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { cafeParticipants, cafeRounds, users } from "../../../db/schema/index.ts";
import { csrfTokenIn, type HttpSession } from "../../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { typographyMistakes, visibleText } from "../../../../tests/support/french-typography.ts";
import { markMailQueue, queuedMails } from "../../../../tests/support/mail-queue.ts";
import { startTestPlatform, type TestPlatform, waitForMail } from "../../../../tests/support/test-platform.ts";

const now = new Date("2026-12-01T08:00:00Z");
let platform: TestPlatform;
const db = () => platform.database.db;
const anonymous = () => httpSessionOn(platform);

const ines = "ines.benali@insee.fr";
const thomas = "thomas.leroy@ign.fr";

async function participationOf(email: string) {
  const [row] = await db()
    .select({ optedInAt: cafeParticipants.optedInAt, optedOutAt: cafeParticipants.optedOutAt })
    .from(cafeParticipants)
    .innerJoin(users, eq(users.id, cafeParticipants.userId))
    .where(eq(users.email, email));
  return row ?? null;
}

describe("café 10 %: pages, opt-in and opt-out, the programme team's round", () => {
  let team: HttpSession;
  let inesSession: HttpSession;
  let thomasSession: HttpSession;

  before(async () => {
    platform = await startTestPlatform({ clock: { now: () => now } });
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    inesSession = await signInOverHttp(platform, ines);
    thomasSession = await signInOverHttp(platform, thomas);
  });
  after(async () => {
    await platform.stop();
  });

  it("sends an anonymous visitor to sign in (401 on a form) and refuses the administration to a member (403)", async () => {
    const page = await anonymous().get("/cafe");
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, `/connexion?retour=${encodeURIComponent("/cafe")}`);
    assert.equal((await anonymous().post("/cafe/inscription", {}, { formPage: "/connexion" })).statusCode, 401);
    assert.equal((await anonymous().post("/cafe/desinscription", {}, { formPage: "/connexion" })).statusCode, 401);
    assert.equal((await inesSession.get("/admin/cafe")).statusCode, 403);
    assert.equal((await inesSession.post("/admin/cafe/lancer", {}, { formPage: "/cafe" })).statusCode, 403);
    assert.equal((await db().select().from(cafeRounds)).length, 0);
  });

  it("tells a member who has not finished joining to do so first, and does not opt them in", async () => {
    const newcomer = await signInOverHttp(platform, "nouvelle.venue@insee.fr");
    const page = await newcomer.get("/cafe");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Terminez d’abord votre inscription/);
    assert.match(page.body, /href="\/rejoindre\/inscription"/);
    assert.doesNotMatch(page.body, /action="\/cafe\/inscription"/);
    const refused = await newcomer.post("/cafe/inscription", {}, { formPage: "/compte" });
    assert.equal(refused.statusCode, 303);
    assert.equal(refused.headers.location, "/cafe");
    assert.equal(await participationOf("nouvelle.venue@insee.fr"), null);
  });

  it("opts a member in and out with one button, each time back on /cafe with a confirmation", async () => {
    const page = await inesSession.get("/cafe");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Café 10&nbsp;%<\/h1>|<h1>Café 10\u00a0%<\/h1>/);
    assert.match(page.body, /<form action="\/cafe\/inscription" method="post"><input type="hidden" name="_csrf"/);
    assert.match(page.body, /Participer au café 10\u00a0%/);
    assert.deepEqual(typographyMistakes(visibleText(page.body)), []);

    const joined = await inesSession.post("/cafe/inscription", {});
    assert.equal(joined.statusCode, 303);
    assert.equal(joined.headers.location, "/cafe?fait=inscrit");
    const after = await inesSession.get("/cafe?fait=inscrit");
    assert.match(after.body, /fr-alert--success[^]*vous participez au café 10\u00a0%/);
    assert.match(after.body, /action="\/cafe\/desinscription"/);
    assert.equal((await participationOf(ines))?.optedOutAt, null);

    const left = await inesSession.post("/cafe/desinscription", {}, { formPage: "/cafe" });
    assert.equal(left.headers.location, "/cafe?fait=desinscrit");
    assert.ok((await participationOf(ines))?.optedOutAt instanceof Date);
    assert.equal((await inesSession.post("/cafe/inscription", {})).statusCode, 303);
    assert.equal((await participationOf(ines))?.optedOutAt, null);
  });

  it("runs the month's round from the administration once: both members mailed with each other's profile, a second click changes nothing", async () => {
    assert.equal((await thomasSession.post("/cafe/inscription", {}, { formPage: "/cafe" })).statusCode, 303);
    const admin = await team.get("/admin/cafe");
    assert.equal(admin.statusCode, 200);
    assert.match(admin.body, /Participant·es\u00a0: 2|Participant·es&nbsp;: 2/);
    assert.match(admin.body, /Ministère de l’Économie, des Finances et de la Souveraineté industrielle et numérique/);
    assert.match(admin.body, /Ministère de la Transition écologique et de la Cohésion des territoires/);
    assert.deepEqual(typographyMistakes(visibleText(admin.body)), []);

    const mark = await markMailQueue(platform);
    const run = await team.post("/admin/cafe/lancer", {}, { formPage: "/admin/cafe" });
    assert.equal(run.statusCode, 303);
    assert.equal(run.headers.location, "/admin/cafe?fait=lance");
    const toInes = await waitForMail(platform, ines, { matching: /Votre café 10\u00a0% de décembre/ });
    assert.equal(toInes.subject, "Votre café 10\u00a0% de décembre\u00a0: Thomas Leroy (Ministère de la Transition écologique et de la Cohésion des territoires)");
    assert.match(toInes.text, /Prenez une demi-heure, en visio ou autour d’un café/);
    assert.match(toInes.text, /Profil\u00a0: http:\/\/localhost:3000\/annuaire\/thomas-leroy/);
    const toThomas = await waitForMail(platform, thomas, { matching: /Votre café 10\u00a0% de décembre/ });
    assert.match(toThomas.subject, /: Inès Benali \(Ministère de l’Économie/);

    const again = await team.post("/admin/cafe/lancer", {}, { formPage: "/admin/cafe" });
    assert.equal(again.headers.location, "/admin/cafe?fait=deja-lance");
    assert.equal((await queuedMails(platform, undefined, { since: mark })).length, 2, "un courriel par personne, une seule fois");
    const page = await team.get("/admin/cafe?fait=deja-lance");
    assert.match(page.body, /avait déjà été lancé/);
    assert.match(page.body, /<a href="\/annuaire\/ines-benali">Inès Benali<\/a>/);

    const mine = await inesSession.get("/cafe");
    assert.match(mine.body, /décembre 2026\u00a0: <span><a href="\/annuaire\/thomas-leroy">Thomas Leroy<\/a> \(Ministère de la Transition écologique/);
    assert.match(mine.body, /Prochain tour\u00a0: le vendredi 1er janvier 2027/);
  });

  it("opts out in one click from the mail's link: the page changes nothing, its button does, without signing in", async () => {
    const mail = await waitForMail(platform, ines, { matching: /Votre café 10\u00a0% de décembre/ });
    const link = new URL(/Ne plus participer au café 10\u00a0% \(un clic\)\u00a0: (\S+)/.exec(mail.text)![1]!);
    const visitor = anonymous();
    const page = await visitor.get(link.pathname);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<button type="submit" class="fr-btn">Ne plus participer au café 10&nbsp;%<\/button>|Ne plus participer au café 10\u00a0%<\/button>/);
    assert.equal((await participationOf(ines))?.optedOutAt, null, "une page GET ne désinscrit pas");
    assert.ok(csrfTokenIn(page.body), "le formulaire porte un jeton CSRF");

    const done = await visitor.post(link.pathname, {});
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, "/cafe/desinscrit");
    assert.ok((await participationOf(ines))?.optedOutAt instanceof Date);
    assert.match((await visitor.get("/cafe/desinscrit")).body, /vous ne participez plus au café 10\u00a0%/);
    assert.equal((await participationOf(thomas))?.optedOutAt, null, "l’autre personne participe toujours");

    assert.equal((await anonymous().get("/cafe/desinscription/pas-un-jeton")).statusCode, 404);
    assert.equal((await anonymous().get(`/cafe/desinscription/${"A".repeat(43)}`)).statusCode, 404);
    const forged = anonymous();
    assert.equal((await forged.post(`/cafe/desinscription/${"A".repeat(43)}`, {}, { formPage: "/contact" })).statusCode, 404);
  });
});
