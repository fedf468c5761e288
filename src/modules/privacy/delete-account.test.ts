import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { contentRevisions, participations, profiles, sessions, skills, userRoles, users } from "../../db/schema/index.ts";
import { countCommunity, displayName } from "../identity/api.ts";
import { describeHits, findText, keyOf } from "../../../tests/support/database-introspection.ts";
import { assertFieldError } from "../../../tests/support/form-assertions.ts";
import { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { fillPersonalData, type FilledMember } from "../../../tests/support/personal-data-builder.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { missingConfirmationMessage, wrongConfirmationMessage } from "./domain/deletion-confirmation.ts";

let platform: TestPlatform;

async function accountOf(id: string) {
  const [row] = await platform.database.db.select().from(users).where(eq(users.id, id));
  return row;
}

async function openSessionsOf(id: string): Promise<number> {
  const [row] = await platform.database.db.select({ count: sql<number>`count(*)::int` }).from(sessions).where(eq(sessions.userId, id));
  return row?.count ?? 0;
}

/** The same browser cookies in a second jar: a copy of the session an attacker or another tab would hold. */
function copyOf(session: HttpSession): HttpSession {
  const copy = new HttpSession(session.app);
  for (const [name, value] of session.cookies) copy.cookies.set(name, value);
  return copy;
}

describe("account deletion", () => {
  before(async () => {
    platform = await startTestPlatform();
  });
  after(async () => {
    await platform.stop();
  });

  it("sends an anonymous visitor to the sign-in page and refuses the form with a 401", async () => {
    const page = await httpSessionOn(platform).get("/compte/suppression");
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, "/connexion?retour=%2Fcompte%2Fsuppression");
    const posted = await httpSessionOn(platform).post("/compte/suppression", { confirmation: "SUPPRIMER" }, { formPage: "/connexion" });
    assert.equal(posted.statusCode, 401);
  });

  it("refuses a deletion without the form's CSRF token, deleting nothing", async () => {
    const member = await signInOverHttp(platform, "csrf.suppression@insee.fr");
    const posted = await member.post("/compte/suppression", { confirmation: "SUPPRIMER" }, { csrf: null });
    assert.equal(posted.statusCode, 403);
    const forged = await member.post("/compte/suppression", { confirmation: "SUPPRIMER" }, { csrf: "jeton-invente" });
    assert.equal(forged.statusCode, 403);
    assert.equal((await member.get("/compte")).statusCode, 200);
    const [account] = await platform.database.db.select().from(users).where(eq(users.email, "csrf.suppression@insee.fr"));
    assert.equal(account?.erasedAt, null);
  });

  it("refuses a wrong or missing confirmation at the field in French, keeps the input and deletes nothing", async () => {
    const member = await signInOverHttp(platform, "confirmation.suppression@insee.fr");
    const [account] = await platform.database.db.select({ id: users.id }).from(users).where(eq(users.email, "confirmation.suppression@insee.fr"));
    const wrong = await member.post("/compte/suppression", { confirmation: "supprime" });
    assert.equal(wrong.statusCode, 422);
    assertFieldError(wrong.body, "confirmation", wrongConfirmationMessage, "supprime");
    assert.match(wrong.body, /<title>Erreur — Supprimer mon compte/);
    const empty = await member.post("/compte/suppression", { confirmation: "  " });
    assert.equal(empty.statusCode, 400);
    assertFieldError(empty.body, "confirmation", missingConfirmationMessage);
    const otherAddress = await member.post("/compte/suppression", { confirmation: "ines.benali@insee.fr" });
    assert.equal(otherAddress.statusCode, 422);
    assertFieldError(otherAddress.body, "confirmation", wrongConfirmationMessage, "ines.benali@insee.fr");
    assert.equal((await accountOf(account!.id))?.erasedAt, null);
    assert.equal((await accountOf(account!.id))?.email, "confirmation.suppression@insee.fr");
    assert.ok((await openSessionsOf(account!.id)) > 0);
    assert.equal((await member.get("/compte")).statusCode, 200);
  });

  it("explains what is erased and what is kept before asking for the confirmation", async () => {
    const member = await signInOverHttp(platform, "lecture.suppression@insee.fr");
    const page = await member.get("/compte/suppression");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ce qui est effacé/);
    assert.match(page.body, /Ce qui est conservé sous la mention «\u00a0Ancien membre\u00a0»/);
    assert.match(page.body, /Votre adresse\u00a0: lecture\.suppression@insee\.fr/);
    assert.match(page.body, /name="_csrf"/);
  });

  it("publishes the rule on /donnees-personnelles: who sees what, how long, and the self-service", async () => {
    const page = await httpSessionOn(platform).get("/donnees-personnelles");
    assert.equal(page.statusCode, 200);
    for (const expected of [
      /<h2>Qui voit quoi<\/h2>/,
      /n’est montrée qu’aux membres connectés/,
      /ne sont visibles que de vous et de l’équipe du programme/,
      /<h2>Vos droits, en libre-service<\/h2>/,
      /href="\/compte\/donnees"/,
      /href="\/compte\/suppression"/,
      /sous la mention «\u00a0Ancien membre\u00a0»/,
    ]) {
      assert.match(page.body, expected);
    }
  });

  describe("a member who filled everything deletes their account", () => {
    const email = "zephyrine.quintard-vasseur@insee.fr";
    const needles = ["Zéphyrine", "Quintard", "Vasseur", email];
    let member: FilledMember;
    let otherTab: HttpSession;
    let expertsBefore: number;

    before(async () => {
      member = await fillPersonalData(platform, {
        email,
        givenName: "Zéphyrine",
        usualName: "Quintard-Vasseur",
        slug: "zephyrine-quintard-vasseur",
        managerOf: { email: "thomas.leroy@ign.fr", slug: "thomas-leroy-equipe" },
      });
      otherTab = await signInOverHttp(platform, email);
      expertsBefore = (await countCommunity(platform.database.db)).experts;
    });

    it("leaves the name and the address in many places before the deletion (the scan finds them)", async () => {
      const hits = await findText(platform.database.db, needles);
      const where = new Set(hits.map((hit) => `${keyOf(hit)}.${hit.column}`));
      for (const place of ["users.email", "users.given_name", "profiles.bio", "profiles.search_vector", "profiles.search_text", "profiles.manager_email", "magic_links.email", "dev_mails.to", "content_revisions.author_label"]) {
        assert.ok(where.has(place), `le balayage ne trouve rien dans ${place} :\n${describeHits(hits)}`);
      }
      assert.ok(hits.some((hit) => hit.schema === "pgboss" && hit.type === "jsonb"), `aucune tâche pg-boss trouvée :\n${describeHits(hits)}`);
    });

    it("erases the account in one go, signs the person out and confirms", async () => {
      const deleted = await member.session.post("/compte/suppression", { confirmation: "SUPPRIMER" });
      assert.equal(deleted.statusCode, 303);
      assert.equal(deleted.headers.location, "/compte/suppression/terminee");
      const cleared = deleted.cookies.find((cookie) => cookie.name === "p10_session");
      assert.ok(cleared && cleared.value === "", "le cookie de session n’est pas effacé");
      const confirmation = await member.session.get("/compte/suppression/terminee");
      assert.equal(confirmation.statusCode, 200);
      assert.match(confirmation.body, /Votre compte est supprimé/);
      assert.doesNotMatch(confirmation.body, /Zéphyrine|zephyrine/);
    });

    it("leaves no trace of the name or the address in any text column of any table, pg-boss included", async () => {
      const hits = await findText(platform.database.db, needles);
      assert.deepEqual(hits, [], `données personnelles restantes :\n${describeHits(hits)}`);
    });

    it("closes every session of the person, including those of other browsers", async () => {
      assert.equal(await openSessionsOf(member.id), 0);
      const page = await otherTab.get("/compte");
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, "/connexion?retour=%2Fcompte");
      assert.equal((await copyOf(otherTab).get("/compte/donnees")).statusCode, 303);
    });

    it("takes the profile out of the directory: it answers 404", async () => {
      const reader = await signInOverHttp(platform, "ines.benali@insee.fr");
      assert.equal((await reader.get(`/annuaire/${member.slug}`)).statusCode, 404);
      assert.equal((await platform.database.db.select().from(profiles).where(eq(profiles.userId, member.id))).length, 0);
    });

    it("keeps the participations, proposed skills and content history on the anonymised account, shown as « Ancien membre »", async () => {
      const account = await accountOf(member.id);
      assert.ok(account);
      assert.equal(account.email, `ancien-membre-${member.id}@supprime.invalid`);
      assert.equal(account.givenName, null);
      assert.equal(account.usualName, null);
      assert.equal(account.organisationId, null);
      assert.equal(account.siret, null);
      assert.equal(account.proconnectSub, null);
      assert.ok(account.erasedAt instanceof Date);
      assert.equal(displayName(account), "Ancien membre");

      const kept = await platform.database.db
        .select({ season: participations.season, projectTitle: participations.projectTitle, email: users.email, givenName: users.givenName, usualName: users.usualName })
        .from(participations)
        .innerJoin(users, eq(users.id, participations.userId))
        .where(eq(participations.userId, member.id));
      assert.equal(kept.length, 1);
      assert.equal(kept[0]!.season, "2025");
      assert.equal(kept[0]!.projectTitle, "Tableau de bord énergie");
      assert.equal(displayName(kept[0]!), "Ancien membre");

      const revisions = await platform.database.db.select({ authorLabel: contentRevisions.authorLabel }).from(contentRevisions).where(eq(contentRevisions.authorId, member.id));
      assert.deepEqual(
        revisions.map((revision) => revision.authorLabel),
        ["Ancien membre"],
      );
      assert.equal((await platform.database.db.select().from(skills).where(eq(skills.proposedBy, member.id))).length, 1);
      assert.equal((await platform.database.db.select().from(userRoles).where(eq(userRoles.userId, member.id))).length, 0);
    });

    it("no longer counts the person in the public key figures", async () => {
      assert.equal((await countCommunity(platform.database.db)).experts, expertsBefore - 1);
    });

    it("creates a fresh, empty account when the same address signs in again", async () => {
      const again = await signInOverHttp(platform, email);
      const [fresh] = await platform.database.db.select().from(users).where(eq(users.email, email));
      assert.ok(fresh);
      assert.notEqual(fresh.id, member.id);
      assert.equal(fresh.erasedAt, null);
      const exported = JSON.parse((await again.get("/compte/donnees.json")).body) as Record<string, unknown[]>;
      assert.equal(exported.profiles?.length, 0);
      assert.equal(exported.participations?.length, 0);
      assert.equal(exported.content_revisions?.length, 0);
    });
  });
});
