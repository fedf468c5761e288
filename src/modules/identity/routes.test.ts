import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance, InjectOptions } from "fastify";
import { devMails, magicLinks, organisations, sessions, users } from "../../db/schema/index.ts";
import { HttpSession } from "../../../tests/support/http.ts";
import { linkIn, startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { hashToken } from "./domain/tokens.ts";
import { assertFieldError, escapeHtml, fieldGroup } from "../../../tests/support/form-assertions.ts";

/** Time of the platform under test: real time plus an offset the tests move forward. */
const clock = {
  offsetMs: 0,
  now() {
    return new Date(Date.now() + this.offsetMs);
  },
};

let platform: TestPlatform;
let nextAddress = 0;

/** A browser of its own, from its own IP address: the per-IP rate limit is tested on its own below. */
function browser(ip = `192.0.2.${++nextAddress}`): HttpSession {
  const app = platform.app;
  return new HttpSession({ inject: (options: InjectOptions) => app.inject({ ...options, remoteAddress: ip }) } as unknown as FastifyInstance);
}

async function countRows(table: typeof users | typeof magicLinks | typeof sessions): Promise<number> {
  const [row] = await platform.database.db.select({ count: sql<number>`count(*)::int` }).from(table);
  return row?.count ?? 0;
}

async function storedCounts() {
  return { users: await countRows(users), magicLinks: await countRows(magicLinks) };
}

/** Waits until `count` mails to `email` are in the outbox, and returns their sign-in tokens. */
async function tokensMailedTo(email: string, count = 1): Promise<string[]> {
  const started = Date.now();
  // The job worker polls every 2 s: a backlog of a few mails takes a few polls.
  while (Date.now() - started < 20_000) {
    const mails = await platform.database.db.select().from(devMails).where(eq(devMails.to, email));
    if (mails.length >= count) return mails.map((mail) => new URL(linkIn(mail.text)).searchParams.get("jeton")!);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Moins de ${count} courriel(s) reçu(s) par ${email}`);
}

/** Requests a sign-in link for `email` and returns its token (read in the local outbox). */
async function requestLink(email: string, session = browser()): Promise<string> {
  await platform.database.db.delete(devMails).where(eq(devMails.to, email));
  const sent = await session.post("/connexion", { email });
  assert.equal(sent.statusCode, 200, sent.body);
  const [token] = await tokensMailedTo(email);
  await platform.database.db.delete(devMails).where(eq(devMails.to, email));
  return token!;
}

async function useLink(session: HttpSession, token: string) {
  return session.post("/connexion/lien", { jeton: token }, { formPage: `/connexion/lien?jeton=${token}` });
}

async function signIn(email: string): Promise<HttpSession> {
  const session = browser();
  const signedIn = await useLink(session, await requestLink(email));
  assert.equal(signedIn.statusCode, 303, signedIn.body);
  return session;
}

async function userByEmail(email: string) {
  const [row] = await platform.database.db.select().from(users).where(eq(users.email, email));
  assert.ok(row, `pas de compte pour ${email}`);
  return row;
}

async function sessionOf(session: HttpSession) {
  const token = session.cookies.get("p10_session");
  assert.ok(token, "pas de cookie de session");
  const [row] = await platform.database.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  assert.ok(row, "session introuvable");
  return row;
}

describe("identity routes", () => {
  before(async () => {
    platform = await startTestPlatform({ clock });
  });
  after(async () => {
    await platform.stop();
  });

  describe("access to pages", () => {
    it("sends an anonymous visitor of /compte to the sign-in page, with the way back", async () => {
      const response = await browser().get("/compte");
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, "/connexion?retour=%2Fcompte");
    });

    it("answers 401 to an anonymous form post on /compte and changes nothing", async () => {
      const before = await countRows(users);
      const response = await browser().post("/compte", { givenName: "Anonyme", usualName: "Anonyme" }, { formPage: "/connexion" });
      assert.equal(response.statusCode, 401);
      assert.match(response.body, /Connexion nécessaire/);
      assert.equal(await countRows(users), before);
    });

    it("refuses the administration to a plain member with the DSFR 403 page", async () => {
      const member = await signIn("thomas.leroy@ign.fr");
      const response = await member.get("/admin");
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /<h1>Accès refusé<\/h1>/);
      assert.match(response.body, /Erreur 403/);
    });

    it("opens the administration to the programme team", async () => {
      const team = await signIn("camille.martin@numerique.gouv.fr");
      const response = await team.get("/admin");
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<h1>Administration<\/h1>/);
    });

    it("leads the ministry data administrator to her review table from the menu and from her account page, and no plain member", async () => {
      const amd = await signIn("sophie.durand@interieur.gouv.fr");
      const account = await amd.get("/compte");
      assert.equal(account.statusCode, 200);
      const menu = account.body.slice(account.body.indexOf('<nav class="fr-nav"'), account.body.indexOf("</nav>", account.body.indexOf('<nav class="fr-nav"')));
      assert.match(menu, /<a class="fr-nav__link" href="\/appel-a-projets\/qualification"[^>]*>Qualification des propositions<\/a>/);
      const main = account.body.slice(account.body.indexOf("<main"));
      assert.match(main, /<a [^>]*href="\/appel-a-projets\/qualification"[^>]*>Qualifier les propositions de mon ministère<\/a>/);
      assert.equal((await amd.get("/appel-a-projets/qualification")).statusCode, 200);
      // The season's portfolio, limited to her ministry's projects (issue 15).
      assert.match(main, /<a [^>]*href="\/portefeuille"[^>]*>Les projets de la saison avec un membre de mon ministère<\/a>/);
      const member = await (await signIn("thomas.leroy@ign.fr")).get("/compte");
      assert.doesNotMatch(member.body, /href="\/appel-a-projets\/qualification"/);
      assert.doesNotMatch(member.body, /href="\/portefeuille"/);
      // « Mes espaces projet »: the workspaces of his teams, the running season first (issue 15).
      assert.match(member.body, /<h2 class="fr-h4 fr-mt-5w" id="espaces-projet">Mes espaces projet<\/h2>/);
      assert.match(member.body, /<a [^>]*href="\/projets\/cartiflette\/espace\?saison=2026-2027"[^>]*>Cartiflette — saison 2026-2027<\/a>/);
    });
  });

  describe("sign-in form", () => {
    const invalidEmails: { name: string; fields: Record<string, string | string[]>; status: number; message: string; kept?: string }[] = [
      { name: "an empty address", fields: { email: "" }, status: 400, message: "Indiquez votre adresse électronique.", kept: "" },
      { name: "an address of 300 characters", fields: { email: `${"a".repeat(290)}@insee.fr` }, status: 400, message: "L’adresse électronique ne peut pas dépasser 254 caractères.", kept: `${"a".repeat(290)}@insee.fr` },
      { name: "an address sent twice (not a text)", fields: { email: ["a@insee.fr", "b@insee.fr"] }, status: 400, message: "Indiquez votre adresse électronique." },
      { name: "an address holding HTML", fields: { email: "<script>alert(1)</script>@x.fr" }, status: 400, message: "Indiquez une adresse électronique valide, au format prenom.nom@ministere.gouv.fr.", kept: "<script>alert(1)</script>@x.fr" },
      { name: "an address holding SQL", fields: { email: "' OR 1=1 --@insee.fr" }, status: 400, message: "Indiquez une adresse électronique valide, au format prenom.nom@ministere.gouv.fr.", kept: "' OR 1=1 --@insee.fr" },
      {
        name: "an address outside public bodies",
        fields: { email: "x@gmail.com" },
        status: 422,
        // ProConnect is off on this platform: the message does not suggest it.
        message:
          "Cette adresse n’est pas celle d’un organisme public. La plateforme est réservée aux agents publics\u00a0: utilisez votre adresse professionnelle (par exemple prenom.nom@insee.fr). Si votre administration n’est pas reconnue, écrivez à l’équipe du programme depuis la page Contact.",
        kept: "x@gmail.com",
      },
    ];

    it("links the refusal of an address outside public bodies to the contact page, and never mentions ProConnect when it is off", async () => {
      const response = await browser().post("/connexion", { email: "secretariat@mairie-paris.fr" });
      assert.equal(response.statusCode, 422);
      const group = fieldGroup(response.body, "email");
      assert.match(group, /<p class="fr-message"><a class="fr-link" href="\/contact">Écrire à l’équipe du programme<\/a><\/p>/);
      assert.doesNotMatch(response.body, /ProConnect/);
    });

    for (const invalid of invalidEmails) {
      it(`refuses ${invalid.name} at the field, keeps the input and stores nothing`, async () => {
        const before = await storedCounts();
        const response = await browser().post("/connexion", invalid.fields);
        assert.equal(response.statusCode, invalid.status);
        assertFieldError(response.body, "email", invalid.message, invalid.kept);
        assert.ok(!response.body.includes("<script>alert(1)"), "la saisie doit être échappée");
        assert.deepEqual(await storedCounts(), before);
      });
    }

    it("refuses a JSON body (a form route takes only forms, ADR 0027) with the French 415 page and stores nothing", async () => {
      const session = browser();
      const page = await session.get("/connexion");
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      const before = await storedCounts();
      const response = await session.app.inject({
        method: "POST",
        url: "/connexion",
        payload: JSON.stringify({ email: { $ne: "" }, _csrf: csrf }),
        headers: { "content-type": "application/json", cookie: [...session.cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
      });
      assert.equal(response.statusCode, 415);
      assert.ok(response.body.includes("Format non accepté"));
      assert.deepEqual(await storedCounts(), before);
    });

    it("answers a body of 10 MB with the French 413 page and stores nothing", async () => {
      const session = browser();
      await session.get("/connexion");
      const before = await storedCounts();
      const response = await session.app.inject({
        method: "POST",
        url: "/connexion",
        payload: `email=${"a".repeat(10 * 1024 * 1024)}@insee.fr`,
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...session.cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
      });
      assert.equal(response.statusCode, 413);
      assert.match(response.body, /Envoi trop volumineux/);
      assert.deepEqual(await storedCounts(), before);
    });

    it("refuses a form posted without its CSRF token with a 403 page and stores nothing", async () => {
      const session = browser();
      await session.get("/connexion");
      const before = await storedCounts();
      const response = await session.post("/connexion", { email: "sans.jeton@insee.fr" }, { csrf: null });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /Le formulaire a expiré ou ne vient pas de ce site/);
      assert.deepEqual(await storedCounts(), before);
    });

    it("refuses a form posted from another site with a 403 page and stores nothing", async () => {
      const before = await storedCounts();
      const response = await browser().post("/connexion", { email: "autre.site@insee.fr" }, { headers: { origin: "https://evil.example" } });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /Accès refusé/);
      assert.match(response.body, /Ce formulaire ne vient pas de ce site/);
      assert.deepEqual(await storedCounts(), before);
    });

    it("refuses a 6th link for the same address within 15 minutes, in French", async () => {
      const email = "six.demandes@insee.fr";
      for (let request = 1; request <= 5; request++) {
        const response = await browser().post("/connexion", { email });
        assert.equal(response.statusCode, 200, `demande ${request}`);
      }
      const sixth = await browser().post("/connexion", { email });
      assert.equal(sixth.statusCode, 429);
      assert.match(sixth.body, /Trop de liens de connexion ont été demandés pour cette adresse/);
      const [row] = await platform.database.db.select({ count: sql<number>`count(*)::int` }).from(magicLinks).where(eq(magicLinks.email, email));
      assert.equal(row?.count, 5);
      await tokensMailedTo(email, 5);
    });

    it("refuses an 11th sign-in form from one IP address within a minute, in French", async () => {
      const session = browser("198.51.100.7");
      for (let request = 1; request <= 10; request++) {
        const response = await session.post("/connexion", { email: "" });
        assert.equal(response.statusCode, 400, `demande ${request}`);
      }
      const eleventh = await session.post("/connexion", { email: "" });
      assert.equal(eleventh.statusCode, 429);
      assert.match(eleventh.body, /Trop de demandes/);
      const elsewhere = await browser().post("/connexion", { email: "" });
      assert.equal(elsewhere.statusCode, 400);
    });

    it("gives the same answer whether or not an account exists for the address", async () => {
      const existing = "ines.benali@insee.fr";
      const unknown = "personne.inconnue@insee.fr";
      assert.equal((await platform.database.db.select().from(users).where(eq(users.email, unknown))).length, 0);
      const answers = [];
      for (const email of [existing, unknown]) {
        await platform.database.db.delete(devMails).where(eq(devMails.to, email));
        const response = await browser().post("/connexion", { email });
        answers.push({ status: response.statusCode, body: response.body.replaceAll(email, "ADRESSE").replace(/nonce="[^"]*"/g, 'nonce=""') });
        await tokensMailedTo(email);
      }
      assert.equal(answers[0]!.status, 200);
      assert.deepEqual(answers[0], answers[1]);
      assert.equal((await platform.database.db.select().from(users).where(eq(users.email, unknown))).length, 0, "le compte n’est créé qu’à l’usage du lien");
    });
  });

  describe("magic link", () => {
    it("signs in once: the second use of a link is refused in French and opens no session", async () => {
      const token = await requestLink("usage.unique@insee.fr");
      const first = browser();
      assert.equal((await useLink(first, token)).statusCode, 303);
      const sessionsBefore = await countRows(sessions);
      const second = browser();
      const reused = await useLink(second, token);
      assert.equal(reused.statusCode, 400);
      assert.match(reused.body, /Ce lien de connexion n’est plus valable/);
      assert.equal(second.cookies.has("p10_session"), false);
      assert.equal(await countRows(sessions), sessionsBefore);
      assert.equal((await second.get("/compte")).statusCode, 303);
    });

    it("refuses a link used more than 15 minutes after it was sent", async () => {
      const token = await requestLink("lien.expire@insee.fr");
      clock.offsetMs += 16 * 60 * 1000;
      const session = browser();
      const response = await useLink(session, token);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /n’est plus valable/);
      assert.equal(session.cookies.has("p10_session"), false);
      assert.equal((await platform.database.db.select().from(users).where(eq(users.email, "lien.expire@insee.fr"))).length, 0);
    });

    it("creates exactly one account when two first sign-ins of the same address run at once", async () => {
      const email = "premiere.connexion@insee.fr";
      await platform.database.db.delete(devMails).where(eq(devMails.to, email));
      for (let request = 0; request < 2; request++) assert.equal((await browser().post("/connexion", { email })).statusCode, 200);
      const tokens = await tokensMailedTo(email, 2);
      const browsers = [browser(), browser()];
      const csrfTokens = await Promise.all(browsers.map(async (session, index) => /name="_csrf" value="([^"]+)"/.exec((await session.get(`/connexion/lien?jeton=${tokens[index]}`)).body)?.[1] ?? null));
      const responses = await Promise.all(browsers.map((session, index) => session.post("/connexion/lien", { jeton: tokens[index]! }, { csrf: csrfTokens[index]! })));
      assert.deepEqual(
        responses.map((response) => response.statusCode),
        [303, 303],
      );
      const accounts = await platform.database.db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
      assert.equal(accounts.length, 1);
      const [first, second] = await Promise.all(browsers.map((session) => sessionOf(session)));
      assert.equal(first!.userId, accounts[0]!.id);
      assert.equal(second!.userId, accounts[0]!.id);
    });
  });

  describe("account form", () => {
    const email = "agent.compte@insee.fr";
    let session: HttpSession;
    let inseeId: string;

    before(async () => {
      session = await signIn(email);
      const [insee] = await platform.database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, "Insee"));
      inseeId = insee!.id;
    });

    const invalidForms: { name: string; fields: Record<string, string>; status: number; errors: Record<string, string>; kept: Record<string, string> }[] = [
      {
        name: "empty names",
        fields: { givenName: "", usualName: "   ", organisationId: "" },
        status: 400,
        errors: { givenName: "Indiquez votre prénom.", usualName: "Indiquez votre nom." },
        kept: { givenName: "", usualName: "   " },
      },
      {
        name: "a name of 101 characters",
        fields: { givenName: "A".repeat(101), usualName: "Martin", organisationId: "" },
        status: 400,
        errors: { givenName: "Ce champ ne peut pas dépasser 100 caractères." },
        kept: { givenName: "A".repeat(101), usualName: "Martin" },
      },
      {
        name: "an organisation that does not exist",
        fields: { givenName: "Aïcha", usualName: "Martin", organisationId: randomUUID() },
        status: 422,
        errors: { organisationId: "Choisissez une organisation de la liste." },
        kept: { givenName: "Aïcha", usualName: "Martin" },
      },
      {
        name: "an organisation that is not an identifier",
        fields: { givenName: "Aïcha", usualName: "Martin", organisationId: "1 OR 1=1" },
        status: 400,
        errors: { organisationId: "Choisissez une organisation de la liste." },
        kept: { givenName: "Aïcha", usualName: "Martin" },
      },
      {
        name: "a name holding HTML",
        fields: { givenName: "<img src=x onerror=alert(1)>", usualName: "Martin", organisationId: "" },
        status: 400,
        errors: { givenName: "Ce champ ne peut contenir ni «\u00a0<\u00a0» ni «\u00a0>\u00a0» ni caractère de contrôle." },
        kept: { givenName: "<img src=x onerror=alert(1)>", usualName: "Martin" },
      },
      {
        name: "a name holding a control character",
        fields: { givenName: "Aï\u0001cha", usualName: "Martin", organisationId: "" },
        status: 400,
        errors: { givenName: "Ce champ contient des caractères non autorisés." },
        kept: {},
      },
    ];

    for (const invalid of invalidForms) {
      it(`refuses ${invalid.name} at the field, keeps the input and changes nothing`, async () => {
        const before = await userByEmail(email);
        const response = await session.post("/compte", invalid.fields);
        assert.equal(response.statusCode, invalid.status);
        for (const [field, message] of Object.entries(invalid.errors)) assertFieldError(response.body, field, message, invalid.kept[field]);
        for (const [field, value] of Object.entries(invalid.kept)) assert.ok(fieldGroup(response.body, field).includes(`value="${escapeHtml(value)}"`), `saisie non conservée dans ${field}`);
        assert.ok(!response.body.includes("<img src=x"), "la saisie doit être échappée");
        assert.deepEqual(await userByEmail(email), before);
      });
    }

    it("saves the names and the organisation, then says so", async () => {
      const saved = await session.post("/compte", { givenName: " Aïcha ", usualName: "N’Diaye-O'Brien", organisationId: inseeId });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, "/compte?enregistre=1");
      const page = await session.get(saved.headers.location);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Vos informations sont enregistrées\./);
      const account = await userByEmail(email);
      assert.equal(account.givenName, "Aïcha");
      assert.equal(account.usualName, "N’Diaye-O'Brien");
      assert.equal(account.organisationId, inseeId);
    });
  });

  describe("sessions", () => {
    const email = "agent.sessions@insee.fr";
    let laptop: HttpSession;
    let phone: HttpSession;

    before(async () => {
      laptop = await signIn(email);
      phone = await signIn(email);
    });

    it("lists the open sessions on the account page, the current one marked", async () => {
      const page = await laptop.get("/compte");
      assert.equal(page.statusCode, 200);
      const phoneSession = await sessionOf(phone);
      const laptopSession = await sessionOf(laptop);
      assert.match(page.body, /Session actuelle/);
      assert.ok(page.body.includes(`action="/compte/sessions/${phoneSession.id}/fermer"`));
      assert.ok(!page.body.includes(`action="/compte/sessions/${laptopSession.id}/fermer"`));
    });

    it("refuses to close someone else's session with a 404 and changes nothing", async () => {
      const stranger = await signIn("agent.etranger@insee.fr");
      const laptopSession = await sessionOf(laptop);
      const response = await stranger.post(`/compte/sessions/${laptopSession.id}/fermer`, {}, { formPage: "/compte" });
      assert.equal(response.statusCode, 404);
      assert.equal((await sessionOf(laptop)).revokedAt, null);
      assert.equal((await laptop.get("/compte")).statusCode, 200);
    });

    it("answers 404 to a session id that is not an identifier", async () => {
      const response = await laptop.post("/compte/sessions/pas-un-identifiant/fermer", {}, { formPage: "/compte" });
      assert.equal(response.statusCode, 404);
    });

    it("closes another session of the person: that browser is then anonymous", async () => {
      const phoneSession = await sessionOf(phone);
      const response = await laptop.post(`/compte/sessions/${phoneSession.id}/fermer`, {}, { formPage: "/compte" });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, "/compte#sessions");
      assert.notEqual((await sessionOf(phone)).revokedAt, null);
      const onPhone = await phone.get("/compte");
      assert.equal(onPhone.statusCode, 303);
      assert.equal(onPhone.headers.location, "/connexion?retour=%2Fcompte");
      assert.equal((await laptop.get("/compte")).statusCode, 200);
    });

    it("revokes the session row on sign-out", async () => {
      const laptopSession = await sessionOf(laptop);
      const response = await laptop.post("/deconnexion", {}, { formPage: "/compte" });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, "/deconnexion/terminee");
      const [row] = await platform.database.db.select().from(sessions).where(eq(sessions.id, laptopSession.id));
      assert.ok(row?.revokedAt instanceof Date, "revoked_at doit être renseigné");
      assert.equal(laptop.cookies.has("p10_session"), false);
      assert.equal((await laptop.get("/compte")).statusCode, 303);
    });
  });
});
