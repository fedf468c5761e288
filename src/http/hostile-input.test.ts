import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { profiles, users } from "../db/schema/index.ts";
import { csrfTokenIn, type HttpSession } from "../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../tests/support/test-platform.ts";

let platform: TestPlatform;

const cookieOf = (session: HttpSession) => [...session.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
const titleOf = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];

describe("hostile input gets a clear 4xx page, never a 500", () => {
  let team: HttpSession;
  let member: HttpSession;

  before(async () => {
    platform = await startTestPlatform();
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    member = await signInOverHttp(platform, "ines.benali@insee.fr");
  });
  after(() => platform.stop());

  describe("a NUL byte, refused in one place for every text input", () => {
    for (const url of ["/recherche?q=a%00b", "/annuaire?q=a%00b", "/evenements?page=1%00", "/projets/a%00b", "/actualites/a%00b", "/a%00b"]) {
      it(`refuses ${url} with a 400 page saying why`, async () => {
        const response = await member.get(url);
        assert.equal(response.statusCode, 400, titleOf(response.body));
        assert.ok(response.body.includes("caractère nul"), titleOf(response.body));
      });
    }

    it("refuses it anonymously on the public search, which reached PostgreSQL before", async () => {
      const response = await httpSessionOn(platform).get("/recherche?q=a%00b");
      assert.equal(response.statusCode, 400);
      assert.equal(titleOf(response.body), "Requête invalide");
    });

    it("refuses it in a form body and stores nothing", async () => {
      const response = await member.post("/annuaire/ines-benali/modifier", { bio: "Bonjour\u0000tout le monde" }, { formPage: "/annuaire/ines-benali/modifier" });
      assert.equal(response.statusCode, 400);
      assert.ok(response.body.includes("caractère nul"), titleOf(response.body));
      const [profile] = await platform.database.db.select({ bio: profiles.bio }).from(profiles).innerJoin(users, eq(users.id, profiles.userId)).where(eq(users.email, "ines.benali@insee.fr"));
      assert.ok(!profile?.bio?.includes("tout le monde"));
    });

    it("refuses it in a field or a file name of a multipart form", async () => {
      const csrf = csrfTokenIn((await team.get("/admin/organisations/import")).body)!;
      for (const [field, fileName] of [["a\u0000b", "a.csv"], ["x", "a\u0000b.csv"]] as const) {
        const form = new FormData();
        form.append("_csrf", csrf);
        form.append("note", field);
        form.append("fichier", new Blob(["id;nom\n"]), fileName);
        const request = new Request("http://localhost/", { method: "POST", body: form });
        const response = await platform.app.inject({
          method: "POST",
          url: "/admin/organisations/import",
          payload: Buffer.from(await request.arrayBuffer()),
          headers: { "content-type": request.headers.get("content-type")!, cookie: cookieOf(team) },
        });
        assert.equal(response.statusCode, 400);
        assert.ok(response.body.includes("caractère nul"), titleOf(response.body));
      }
    });

    it("still signs anonymous visitors in first on a members' page (401 before 400)", async () => {
      const response = await httpSessionOn(platform).get("/annuaire?q=a%00b");
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, "/connexion?retour=%2Fannuaire%3Fq%3Da%2500b");
    });
  });

  describe("form routes take only what HTML forms send", () => {
    it("refuses a JSON body with 415, even a valid one, and stores nothing", async () => {
      const csrf = csrfTokenIn((await member.get("/annuaire/ines-benali/modifier")).body)!;
      const response = await platform.app.inject({
        method: "POST",
        url: "/annuaire/ines-benali/modifier",
        payload: JSON.stringify({ _csrf: csrf, bio: "Envoyé en JSON" }),
        headers: { "content-type": "application/json", cookie: cookieOf(member) },
      });
      assert.equal(response.statusCode, 415);
      assert.equal(titleOf(response.body), "Format non accepté");
      const [profile] = await platform.database.db.select({ bio: profiles.bio }).from(profiles).innerJoin(users, eq(users.id, profiles.userId)).where(eq(users.email, "ines.benali@insee.fr"));
      assert.notEqual(profile?.bio, "Envoyé en JSON");
    });

    it("refuses a deeply nested JSON body with 415 without reading it", async () => {
      const nested = '{"a":'.repeat(50_000) + "1" + "}".repeat(50_000);
      const response = await platform.app.inject({ method: "POST", url: "/annuaire/ines-benali/modifier", payload: nested, headers: { "content-type": "application/json", cookie: cookieOf(member) } });
      assert.equal(response.statusCode, 415);
    });

    it("refuses text/plain and unknown types on form and upload routes alike", async () => {
      for (const url of ["/connexion", "/admin/organisations/import", "/admin/contenus/import"]) {
        for (const type of ["text/plain", "application/xml"]) {
          const response = await platform.app.inject({ method: "POST", url, payload: "<a/>", headers: { "content-type": type, cookie: cookieOf(team) } });
          assert.equal(response.statusCode, 415, `${url} ${type}`);
        }
      }
    });

    it("still accepts URL-encoded forms", async () => {
      const response = await member.post("/annuaire/ines-benali/modifier", { bio: "" }, { formPage: "/annuaire/ines-benali/modifier" });
      assert.notEqual(response.statusCode, 415);
      assert.ok(response.statusCode < 500);
    });
  });

  describe("malformed multipart bodies on the upload routes", () => {
    const uploadRoutes = [
      { url: "/admin/organisations/import", file: "fichier" },
      { url: "/admin/contenus/import", file: "archive" },
      { url: "/admin/contenus", file: "coverImage" },
    ];

    for (const { url, file } of uploadRoutes) {
      it(`answers 400 on ${url} for a missing boundary, a truncated body, garbage and a JSON part`, async () => {
        const csrf = csrfTokenIn((await team.get(url === "/admin/contenus" ? "/admin/contenus/nouveau?type=news" : url)).body)!;
        const truncated = `--XX\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--XX\r\nContent-Disposition: form-data; name="${file}"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\nabc`;
        const cases = [
          { label: "no boundary", type: "multipart/form-data", payload: truncated },
          { label: "truncated", type: "multipart/form-data; boundary=XX", payload: truncated },
          { label: "garbage", type: "multipart/form-data; boundary=XX", payload: "garbage that is not multipart" },
          { label: "JSON part", type: "multipart/form-data; boundary=XX", payload: `--XX\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--XX\r\nContent-Disposition: form-data; name="note"\r\nContent-Type: application/json\r\n\r\n{"a":1}\r\n--XX--\r\n` },
        ];
        for (const { label, type, payload } of cases) {
          const response = await platform.app.inject({ method: "POST", url, payload, headers: { "content-type": type, cookie: cookieOf(team) } });
          assert.equal(response.statusCode, 400, `${label}: ${response.statusCode}`);
          assert.ok(response.body.includes("formulaire envoyé est incomplet ou mal formé"), label);
        }
      });
    }

    it("still refuses a malformed upload from a member with 403, without reading it", async () => {
      const response = await platform.app.inject({ method: "POST", url: "/admin/organisations/import", payload: "x", headers: { "content-type": "multipart/form-data", cookie: cookieOf(member) } });
      assert.equal(response.statusCode, 403);
    });
  });
});
