import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { desc, eq } from "drizzle-orm";
import { devMails } from "../../db/schema/index.ts";
import { signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { isLoopbackAddress } from "./loopback.ts";

describe("loopback addresses", () => {
  it("counts 127.0.0.0/8 and ::1, written plainly or as IPv4-mapped IPv6", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"]) assert.equal(isLoopbackAddress(address), true, address);
  });

  it("refuses every other address, a malformed one and none at all", () => {
    for (const address of ["203.0.113.5", "10.0.0.1", "192.168.1.10", "128.0.0.1", "::ffff:203.0.113.5", "2001:db8::1", "::", "localhost", "unknown", "127.0.0.1:8080", "", undefined]) {
      assert.equal(isLoopbackAddress(address), false, String(address));
    }
  });
});

describe("local outbox /_dev/mails: readable only from the server's own machine", () => {
  let platform: TestPlatform;
  let proxied: TestPlatform;
  let mailPath: string;

  const get = (on: TestPlatform, url: string, remoteAddress: string, headers: Record<string, string> = {}) => on.app.inject({ method: "GET", url, remoteAddress, headers });

  before(async () => {
    platform = await startTestPlatform();
    proxied = await startTestPlatform({ config: { TRUST_PROXY: "true" } });
    await signInOverHttp(platform, "ines.benali@insee.fr");
    // Ines's sign-in mail (the demo's monthly summary to a manager may land in the outbox at start too).
    const [mail] = await platform.database.db.select({ id: devMails.id }).from(devMails).where(eq(devMails.to, "ines.benali@insee.fr")).orderBy(desc(devMails.createdAt)).limit(1);
    assert.ok(mail, "un courriel dans la boîte d’envoi locale");
    mailPath = `/_dev/mails/${mail.id}`;
  });
  after(async () => {
    await platform?.stop();
    await proxied?.stop();
  });

  it("answers 404 to a request from another machine, for the list and for a mail", async () => {
    for (const url of ["/_dev/mails", mailPath]) {
      const response = await get(platform, url, "203.0.113.5");
      assert.equal(response.statusCode, 404, url);
      assert.match(response.body, /Page non trouvée/);
      assert.doesNotMatch(response.body, /jeton=/);
    }
  });

  it("shows the outbox and its sign-in links to a request from the loopback interface", async () => {
    for (const remoteAddress of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const list = await get(platform, "/_dev/mails", remoteAddress);
      assert.equal(list.statusCode, 200, remoteAddress);
      assert.match(list.body, /ines\.benali@insee\.fr/);
    }
    const mail = await get(platform, mailPath, "127.0.0.1");
    assert.equal(mail.statusCode, 200);
    assert.match(mail.body, /\/connexion\/lien\?jeton=/);
  });

  it("answers 404 when a proxy on this machine forwards a request from elsewhere, with or without TRUST_PROXY", async () => {
    for (const on of [platform, proxied]) {
      assert.equal((await get(on, "/_dev/mails", "127.0.0.1", { "x-forwarded-for": "203.0.113.5" })).statusCode, 404);
      assert.equal((await get(on, "/_dev/mails", "127.0.0.1", { "x-real-ip": "203.0.113.5" })).statusCode, 404);
      assert.equal((await get(on, "/_dev/mails", "127.0.0.1", { forwarded: 'for="[2001:db8::1]:4711";proto=https' })).statusCode, 404);
    }
  });

  it("is not fooled by a visitor who writes 127.0.0.1 in X-Forwarded-For themselves (the proxy appends their real address)", async () => {
    const response = await get(proxied, "/_dev/mails", "127.0.0.1", { "x-forwarded-for": "127.0.0.1, 203.0.113.5" });
    assert.equal(response.statusCode, 404);
    assert.equal((await get(proxied, "/_dev/mails", "203.0.113.5", { "x-forwarded-for": "127.0.0.1" })).statusCode, 404);
  });

  it("shows the outbox through a proxy on this machine to a browser on this machine", async () => {
    const response = await get(proxied, "/_dev/mails", "127.0.0.1", { "x-forwarded-for": "127.0.0.1", forwarded: "for=127.0.0.1" });
    assert.equal(response.statusCode, 200);
  });

  it("shows a mail's HTML part in a sandboxed frame (inline images as data: addresses) and as source, its attachments and calendar part as downloads", async () => {
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    const calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//FR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:atelier@test\r\nDTSTAMP:20270215T100000Z\r\nDTSTART:20270309T130000Z\r\nSUMMARY:Atelier\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const [mail] = await platform.database.db
      .insert(devMails)
      .values({
        to: "alex.visiteur@exemple.fr",
        subject: "Inscription confirmée\u00a0: Atelier",
        text: "Bonjour Alex,\n\nVotre code QR d’accueil est joint.",
        html: '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Programme</title></head><body><p>Bonjour <b>Alex</b>,</p><p><img src="cid:qr@test" alt="Code QR"></p><script>alert(1)</script></body></html>',
        calendar,
        attachments: [{ filename: "code-qr-accueil.png", contentType: "image/png", content: png, cid: "qr@test" }],
      })
      .returning({ id: devMails.id });
    const path = `/_dev/mails/${mail!.id}`;

    const page = await get(platform, path, "127.0.0.1");
    assert.equal(page.statusCode, 200);
    const frame = /<iframe [^>]*>/.exec(page.body)?.[0] ?? "";
    assert.match(frame, /title="Version HTML du courriel «\u00a0Inscription confirmée\u00a0: Atelier\u00a0»"/);
    // No allow-scripts nor allow-same-origin: the mail's markup runs nothing and reaches nothing of ours.
    assert.match(frame, /sandbox="allow-popups allow-popups-to-escape-sandbox"/);
    assert.ok(frame.includes(`srcDoc="`) || frame.includes(`srcdoc="`), frame);
    assert.ok(frame.includes(`&lt;img src=&quot;data:image/png;base64,${png}&quot;`), "l’image en ligne n’est pas une adresse data:");
    assert.ok(frame.includes("&lt;base target=&quot;_blank&quot;&gt;"));
    assert.ok(page.body.includes("&lt;p&gt;Bonjour &lt;b&gt;Alex&lt;/b&gt;,&lt;/p&gt;"), "la source HTML échappée manque");
    assert.doesNotMatch(page.body.replace(/<iframe [^>]*>/g, ""), /<script>alert/);
    assert.match(page.body, new RegExp(`<a href="${path}/pieces-jointes/0" download="code-qr-accueil.png">code-qr-accueil.png</a>`));
    assert.match(page.body, new RegExp(`<a href="${path}/invitation.ics" download="invitation.ics">invitation.ics</a>`));
    assert.match(page.body, /METHOD:REQUEST/);

    const qr = await get(platform, `${path}/pieces-jointes/0`, "127.0.0.1");
    assert.equal(qr.statusCode, 200);
    assert.equal(qr.headers["content-type"], "image/png");
    assert.equal(qr.headers["content-disposition"], `attachment; filename="code-qr-accueil.png"; filename*=UTF-8''code-qr-accueil.png`);
    assert.match(String(qr.headers["content-security-policy"]), /sandbox/);
    assert.deepEqual(qr.rawPayload, Buffer.from(png, "base64"));

    const ics = await get(platform, `${path}/invitation.ics`, "127.0.0.1");
    assert.equal(ics.statusCode, 200);
    assert.equal(ics.headers["content-type"], "text/calendar; charset=utf-8; method=REQUEST");
    assert.match(String(ics.headers["content-disposition"]), /^attachment; filename="invitation\.ics"/);
    assert.equal(ics.body, calendar);

    for (const url of [`${path}/pieces-jointes/1`, `${path}/pieces-jointes/-1`, `${path}/pieces-jointes/x`, `${mailPath}/invitation.ics`, "/_dev/mails/pas-un-id/invitation.ics"]) {
      assert.equal((await get(platform, url, "127.0.0.1")).statusCode, 404, url);
    }
    for (const url of [`${path}/pieces-jointes/0`, `${path}/invitation.ics`]) assert.equal((await get(platform, url, "203.0.113.5")).statusCode, 404, url);
  });

  it("lists the outbox on the administration hub only for a browser on this machine", async () => {
    const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const distant = await team.get("/admin");
    assert.equal(distant.statusCode, 200);
    assert.doesNotMatch(distant.body, /href="\/_dev\/mails"/);
    const local = await platform.app.inject({ method: "GET", url: "/admin", remoteAddress: "127.0.0.1", headers: { cookie: [...team.cookies].map(([name, value]) => `${name}=${value}`).join("; ") } });
    assert.equal(local.statusCode, 200);
    assert.match(local.body, /href="\/_dev\/mails"/);
  });
});
