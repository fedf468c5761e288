import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, asc, eq } from "drizzle-orm";
import { projects, teamAssignments, teamMembers, wishes, wishLists } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission, csrfTokenIn } from "../../../../tests/support/http.ts";
import { httpSessionOn } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createWishesSeason, type FreshMember, freshMember } from "../members-test-support.ts";

let platform: TestPlatform;
let now = new Date("2031-03-12T10:00:00Z");
const clock = { now: () => now };
const db = () => platform.database.db;
/** Project titles are data (« Transformers : Une IA… » as imported): the spacing check leaves them out. */
const titles = async () => (await db().select({ title: projects.title }).from(projects)).map((row) => row.title);
const slugs = ["cartiflette", "chartgouv", "formiaable", "datanomyme", "transformers", "poufdoc"];

describe("« Mes vœux »", () => {
  let seasonId: string;
  let ids: Record<string, string>;
  let member: FreshMember;

  const stored = async (userId: string) => ({
    list: (await db().select({ state: wishLists.state, anyProject: wishLists.anyProject, keep: wishLists.keepPreviousProject }).from(wishLists).where(and(eq(wishLists.userId, userId), eq(wishLists.seasonId, seasonId))))[0] ?? null,
    wishes: (await db().select({ rank: wishes.rank, projectId: wishes.projectId, motivation: wishes.motivation }).from(wishes).where(and(eq(wishes.userId, userId), eq(wishes.seasonId, seasonId))).orderBy(asc(wishes.rank))).map((wish) => [wish.rank, wish.projectId, wish.motivation]),
  });

  before(async () => {
    platform = await startTestPlatform({ clock });
    ({ seasonId, projectIds: ids } = await createWishesSeason(db(), slugs));
    member = await freshMember(platform, "wishes.member");
  });
  after(async () => {
    await platform.stop();
  });

  it("sends an anonymous visitor to sign in and refuses an anonymous write (401)", async () => {
    const anonymous = httpSessionOn(platform);
    const page = await anonymous.get("/voeux");
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, "/connexion?retour=%2Fvoeux");
    assertRefusedByPermission(await anonymous.post("/voeux", { "project-1": ids.cartiflette!, action: "submit" }, { csrf: csrfTokenIn((await anonymous.get("/contact")).body) }), 401);
  });

  it("refuses the same project twice, an unknown project and a motivation over 280 characters, keeping the input and storing nothing", async () => {
    const response = await member.http.post("/voeux", { "project-1": ids.cartiflette!, "project-2": ids.cartiflette!, "project-3": "00000000-0000-4000-8000-000000000000", "project-4": ids.formiaable!, "motivation-4": "x".repeat(281), action: "draft" });
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "project-2", "Ce projet est déjà choisi à un autre rang.");
    assertFieldError(response.body, "project-3", "Choisissez un projet de la saison dans la liste.");
    assertFieldError(response.body, "motivation-4", "Ce champ ne peut pas dépasser 280 caractères.", "x".repeat(281));
    assert.match(response.body, new RegExp(`<option value="${ids.formiaable}" selected="">`));
    assert.equal((await stored(member.id)).list, null);
    const empty = await member.http.post("/voeux", { action: "submit" });
    assert.equal(empty.statusCode, 400);
    assertFrenchSpacing(response.body, await titles());
    assertFrenchSpacing(empty.body, await titles());
    assert.match(empty.body, /Choisissez au moins un projet, ou cochez «\u00a0N’importe quel projet où je suis utile\u00a0», avant d’envoyer vos vœux\./);
  });

  it("keeps a draft with empty ranks compacted, then sends it, and sends it again after a change", async () => {
    const draft = await member.http.post("/voeux", { "project-1": ids.chartgouv!, "motivation-1": "J’aime les graphiques.", "project-3": ids.formiaable!, action: "draft" });
    assert.equal(draft.statusCode, 303);
    assert.equal(draft.headers.location, "/voeux?enregistre=brouillon");
    assert.deepEqual(await stored(member.id), {
      list: { state: "draft", anyProject: false, keep: false },
      wishes: [
        [1, ids.chartgouv, "J’aime les graphiques."],
        [2, ids.formiaable, ""],
      ],
    });
    const shown = await member.http.get("/voeux?enregistre=brouillon");
    assert.match(shown.body, /Votre brouillon est enregistré\. Il n’est pas encore envoyé\./);
    assert.match(shown.body, new RegExp(`id="project-2"[^>]*>.*<option value="${ids.formiaable}" selected="">`));
    assert.equal((await member.http.post("/voeux", { "project-1": ids.chartgouv!, "project-2": ids.formiaable!, action: "submit" })).statusCode, 303);
    assert.equal((await stored(member.id)).list?.state, "submitted");
    assert.equal((await member.http.post("/voeux", { "project-1": ids.formiaable!, anyProject: "on", action: "submit" })).statusCode, 303);
    assert.deepEqual(await stored(member.id), { list: { state: "submitted", anyProject: true, keep: false }, wishes: [[1, ids.formiaable, ""]] });
  });

  it("« Je souhaite contribuer » appends a project at the next free rank, as a draft, and refuses a sixth", async () => {
    const adder = await freshMember(platform, "wishes.adder");
    const csrf = csrfTokenIn((await adder.http.get("/voeux")).body)!;
    for (const [index, slug] of slugs.slice(0, 5).entries()) {
      const added = await adder.http.post("/voeux/ajouter", { projectId: ids[slug]! }, { csrf });
      assert.equal(added.statusCode, 303);
      if (index === 1) {
        const page = await adder.http.get(added.headers.location as string);
        const [second] = await db().select({ title: projects.title }).from(projects).where(eq(projects.slug, "chartgouv"));
        assert.ok(page.body.includes(`${second!.title} a été ajouté à vos vœux (rang 2). N’oubliez pas de les envoyer avant la fin du 16 mars 2031.`));
      }
    }
    const twice = await adder.http.post("/voeux/ajouter", { projectId: ids.cartiflette! }, { csrf });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /Cartiflette est déjà dans vos vœux\./);
    const sixth = await adder.http.post("/voeux/ajouter", { projectId: ids.poufdoc! }, { csrf });
    assert.equal(sixth.statusCode, 409);
    assert.match(sixth.body, /Vous avez déjà 5\u00a0vœux/);
    assertFrenchSpacing(sixth.body, await titles());
    const kept = await stored(adder.id);
    assert.equal(kept.list?.state, "draft");
    assert.deepEqual(
      kept.wishes.map(([rank, projectId]) => [rank, projectId]),
      slugs.slice(0, 5).map((slug, index) => [index + 1, ids[slug]]),
    );
  });

  it("offers last season's continuing project with priority, and ignores the box for anyone else", async () => {
    const carried = await freshMember(platform, "wishes.carried");
    const [previous] = await db().select({ id: projects.id }).from(projects).where(eq(projects.slug, "cartiflette"));
    // The season before 2031 is the demo's 2026-2027 (cartiflette continues in 2031).
    const { seasons } = await import("../../../db/schema/index.ts");
    const [season2026] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2026-2027"));
    await db().insert(teamMembers).values({ seasonId: season2026!.id, projectId: previous!.id, userId: carried.id, role: "contributor", source: "assignment" });
    const page = await carried.http.get("/voeux");
    assert.match(page.body, /Je souhaite poursuivre sur Cartiflette \(prioritaire\)/);
    assert.doesNotMatch((await member.http.get("/voeux")).body, /Je souhaite poursuivre sur/);
    assert.equal((await carried.http.post("/voeux", { keepPreviousProject: "on", action: "submit" })).statusCode, 400, "the box alone is not a wish");
    assert.equal((await carried.http.post("/voeux", { "project-1": ids.cartiflette!, keepPreviousProject: "on", action: "submit" })).statusCode, 303);
    assert.equal((await stored(carried.id)).list?.keep, true);
    assert.equal((await member.http.post("/voeux", { "project-1": ids.formiaable!, keepPreviousProject: "on", action: "submit" })).statusCode, 303);
    assert.equal((await stored(member.id)).list?.keep, false);
  });

  it("does not offer « poursuivre » to a lead of the continuing project this season: they are fixed in it", async () => {
    const leading = await freshMember(platform, "wishes.leading");
    const { seasons } = await import("../../../db/schema/index.ts");
    const [season2026] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, "2026-2027"));
    await db().insert(teamMembers).values({ seasonId: season2026!.id, projectId: ids.cartiflette!, userId: leading.id, role: "contributor", source: "assignment" });
    assert.match((await leading.http.get("/voeux")).body, /Je souhaite poursuivre sur Cartiflette \(prioritaire\)/, "offered while not its lead");
    await db().insert(teamMembers).values({ seasonId, projectId: ids.cartiflette!, userId: leading.id, role: "lead", source: "named" });
    assert.doesNotMatch((await leading.http.get("/voeux")).body, /Je souhaite poursuivre sur/);
    await db().delete(teamMembers).where(and(eq(teamMembers.userId, leading.id), eq(teamMembers.seasonId, seasonId)));
  });

  it("refuses any write once the phase is closed (409) and keeps the draft, shown read-only", async () => {
    const late = await freshMember(platform, "wishes.late");
    assert.equal((await late.http.post("/voeux", { "project-1": ids.poufdoc!, action: "draft" })).statusCode, 303);
    const csrf = csrfTokenIn((await late.http.get("/voeux")).body)!;
    now = new Date("2031-03-16T23:30:00Z"); // 17 March in Paris
    try {
      const refused = await late.http.post("/voeux", { "project-1": ids.cartiflette!, action: "submit" }, { csrf });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /La phase des vœux est close depuis le 17 mars 2031\./);
      const add = await late.http.post("/voeux/ajouter", { projectId: ids.cartiflette! }, { csrf });
      assert.equal(add.statusCode, 409);
      assert.deepEqual(await stored(late.id), { list: { state: "draft", anyProject: false, keep: false }, wishes: [[1, ids.poufdoc, ""]] });
      const page = await late.http.get("/voeux");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Brouillon/);
      const [poufdoc] = await db().select({ title: projects.title }).from(projects).where(eq(projects.slug, "poufdoc"));
      assert.ok(page.body.includes(`<ol><li>${poufdoc!.title}</li></ol>`));
      assert.doesNotMatch(page.body, /Envoyer mes vœux/);
      now = new Date("2031-03-01T10:00:00Z");
      const early = await late.http.post("/voeux", { "project-1": ids.cartiflette!, action: "submit" }, { csrf });
      assert.equal(early.statusCode, 409);
      assert.match(early.body, /La phase des vœux ouvre le 10 mars 2031\./);
      assertFrenchSpacing(early.body, await titles());
    } finally {
      now = new Date("2031-03-12T10:00:00Z");
    }
  });

  it("refuses « Je souhaite contribuer » to the project's own lead (409): they are already in its team", async () => {
    const lead = await freshMember(platform, "wishes.lead");
    await db().insert(teamMembers).values({ seasonId, projectId: ids.cartiflette!, userId: lead.id, role: "lead", source: "named" });
    const csrf = csrfTokenIn((await lead.http.get("/voeux")).body)!;
    const refused = await lead.http.post("/voeux/ajouter", { projectId: ids.cartiflette! }, { csrf });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /vous êtes déjà dans son équipe/);
    assert.deepEqual(await stored(lead.id), { list: null, wishes: [] });
  });

  it("refuses any write once the season's teams are published, even while the phase is open: wishes no longer count", async () => {
    const after = await freshMember(platform, "wishes.after");
    const csrf = csrfTokenIn((await after.http.get("/voeux")).body)!;
    await db().insert(teamAssignments).values({ seasonId, settings: {}, publishedAt: now });
    try {
      const refused = await after.http.post("/voeux", { "project-1": ids.cartiflette!, action: "submit" }, { csrf });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /sont publiées\u00a0: les vœux ne comptent plus/);
      const add = await after.http.post("/voeux/ajouter", { projectId: ids.cartiflette! }, { csrf });
      assert.equal(add.statusCode, 409);
      assert.deepEqual(await stored(after.id), { list: null, wishes: [] });
      const page = await after.http.get("/voeux");
      assert.doesNotMatch(page.body, /Envoyer mes vœux/);
    } finally {
      await db().delete(teamAssignments).where(eq(teamAssignments.seasonId, seasonId));
    }
  });
});
