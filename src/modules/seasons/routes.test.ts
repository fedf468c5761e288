import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { asc, eq } from "drizzle-orm";
import { participations, projectSeasons, projects, seasonPhases, seasons, users } from "../../db/schema/index.ts";
import { assertFieldError } from "../../../tests/support/form-assertions.ts";
import type { HttpSession } from "../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../tests/support/test-platform.ts";
import { InvalidInputError } from "../../shared/domain-error.ts";
import { createSeasonWithPhases, findCurrentSeason, findSeasonBySlug, listSeasons, spreadDefaultPhases } from "./api.ts";

let platform: TestPlatform;
let now = new Date("2026-11-30T10:00:00Z");
const clock = { now: () => now };
const db = () => platform.database.db;

async function dump() {
  return {
    seasons: await db().select().from(seasons).orderBy(asc(seasons.slug)),
    phases: await db().select().from(seasonPhases).orderBy(asc(seasonPhases.id)),
  };
}

async function seasonId(slug: string): Promise<string> {
  const [row] = await db().select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  assert.ok(row, `saison absente : ${slug}`);
  return row.id;
}

/** The edit form's fields for a season as stored, to change one thing and post it. */
async function editFields(slug: string): Promise<Record<string, string>> {
  const season = await findSeasonBySlug(db(), slug);
  assert.ok(season);
  const fields: Record<string, string> = { name: season.name, slug: season.slug, startsOn: season.startsOn, endsOn: season.endsOn, phaseCount: String(season.phases.length) };
  season.phases.forEach((phase, index) => {
    fields[`phase-${index}-key`] = phase.key;
    fields[`phase-${index}-name`] = phase.name;
    fields[`phase-${index}-startsOn`] = phase.startsOn;
    fields[`phase-${index}-endsOn`] = phase.endsOn;
  });
  return fields;
}

before(async () => {
  platform = await startTestPlatform({ clock });
});
after(() => platform.stop());

describe("demo seasons and the seasons API", () => {
  it("seeds seasons 2022 and 2023 with their real milestones, and a season 2026-2027 under way", async () => {
    const all = await listSeasons(db());
    assert.deepEqual(
      all.map((season) => season.slug),
      ["2026-2027", "2023", "2022"],
    );
    const season2022 = all.find((season) => season.slug === "2022")!;
    assert.deepEqual(
      season2022.phases.filter((phase) => phase.key === "launch" || phase.key === "closing").map((phase) => [phase.startsOn, phase.endsOn]),
      [
        ["2022-06-13", "2022-06-14"],
        ["2022-12-05", "2022-12-05"],
      ],
    );
    const season2023 = all.find((season) => season.slug === "2023")!;
    assert.equal(season2023.phases.find((phase) => phase.key === "investigation")?.startsOn, "2023-03-14");
    assert.equal(season2023.phases.find((phase) => phase.key === "launch")?.startsOn, "2023-02-14");
    assert.equal(season2023.endsOn, "2023-11-28");
    assert.equal((await findCurrentSeason(db(), now))?.slug, "2026-2027");
  });

  it("refuses two seasons with the same address saved at once: one is stored, the other gets the message at the field", async () => {
    const input = { slug: "2030", name: "Saison 2030", startsOn: "2030-01-01", endsOn: "2030-12-01", phases: spreadDefaultPhases({ startsOn: "2030-01-01", endsOn: "2030-12-01" }) };
    const results = await Promise.allSettled([createSeasonWithPhases(db(), input), createSeasonWithPhases(db(), { ...input, name: "Saison 2030 bis" })]);
    assert.equal(results.filter((result) => result.status === "fulfilled").length, 1);
    const refused = results.find((result) => result.status === "rejected");
    assert.ok(refused?.status === "rejected" && refused.reason instanceof InvalidInputError);
    assert.equal(refused.reason.fieldErrors.slug, "Une autre saison a déjà l’identifiant «\u00a02030\u00a0».");
    assert.equal((await db().select().from(seasons).where(eq(seasons.slug, "2030"))).length, 1);
    await db().delete(seasons).where(eq(seasons.slug, "2030"));
  });
});

describe("seasons administration", () => {
  let team: HttpSession;

  before(async () => {
    team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
  });

  it("sends anonymous visitors to the sign-in page", async () => {
    const id = await seasonId("2023");
    for (const path of ["/admin/saisons", "/admin/saisons/nouvelle", `/admin/saisons/${id}`]) {
      const response = await httpSessionOn(platform).get(path);
      assert.equal(response.statusCode, 303, path);
      assert.equal(response.headers.location, `/connexion?retour=${encodeURIComponent(path)}`);
    }
  });

  it("refuses the pages and forms to a plain member with a 403, storing nothing", async () => {
    const member = await signInOverHttp(platform, "thomas.leroy@ign.fr");
    const id = await seasonId("2023");
    for (const path of ["/admin/saisons", "/admin/saisons/nouvelle", `/admin/saisons/${id}`]) assert.equal((await member.get(path)).statusCode, 403, path);
    const before = await dump();
    const created = await member.post("/admin/saisons/nouvelle", { name: "Intruse", slug: "intruse", startsOn: "2030-01-01", endsOn: "2030-12-01" }, { formPage: "/compte" });
    assert.equal(created.statusCode, 403);
    const edited = await member.post(`/admin/saisons/${id}`, { ...(await editFields("2023")), name: "Piratée" }, { formPage: "/compte" });
    assert.equal(edited.statusCode, 403);
    assert.deepEqual(await dump(), before);
  });

  it("answers 404 for a season that does not exist", async () => {
    assert.equal((await team.get("/admin/saisons/00000000-0000-4000-8000-000000000000")).statusCode, 404);
    assert.equal((await team.get("/admin/saisons/pas-un-identifiant")).statusCode, 404);
    assert.equal((await httpSessionOn(platform).get("/saisons/1999")).statusCode, 404);
  });

  it("lists the seasons with where each one stands", async () => {
    const page = await team.get("/admin/saisons");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Saison 2026-2027/);
    assert.match(page.body, /Phase en cours\u00a0: appel à projets, jusqu’au 31 décembre/);
    assert.match(page.body, /Terminée/);
  });

  it("refuses a new season with wrong fields, at the field, with the input kept, storing nothing", async () => {
    const before = await dump();
    const response = await team.post("/admin/saisons/nouvelle", { name: "", slug: "Saison 2024 !", startsOn: "2024-12-01", endsOn: "2024-01-15" });
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "name", "Indiquez le nom de la saison, par exemple «\u00a0Saison 2024\u00a0».");
    assertFieldError(response.body, "slug", "L’identifiant ne contient que des lettres minuscules sans accent, des chiffres et des tirets, par exemple 2024.", "Saison 2024 !");
    assertFieldError(response.body, "endsOn", "La saison doit se terminer après son début.", "2024-01-15");
    const taken = await team.post("/admin/saisons/nouvelle", { name: "Encore 2023", slug: "2023", startsOn: "2023-01-01", endsOn: "2023-12-01" });
    assert.equal(taken.statusCode, 400);
    assertFieldError(taken.body, "slug", "Une autre saison a déjà l’identifiant «\u00a02023\u00a0».", "2023");
    assert.deepEqual(await dump(), before);
  });

  it("creates a season with the eight phases spread over its dates, then redirects to its edit page", async () => {
    const response = await team.post("/admin/saisons/nouvelle", { name: "Saison 2024", slug: "2024", startsOn: "2024-01-08", endsOn: "2024-11-29" });
    assert.equal(response.statusCode, 303);
    const id = await seasonId("2024");
    assert.equal(response.headers.location, `/admin/saisons/${id}?creee=1`);
    const season = await findSeasonBySlug(db(), "2024");
    assert.deepEqual(
      season?.phases.map((phase) => phase.key),
      ["call", "qualification", "launch", "wishes", "investigation", "construction", "amplification", "closing"],
    );
    assert.equal(season?.phases[0]?.startsOn, "2024-01-08");
    assert.equal(season?.phases[7]?.endsOn, "2024-11-29");
    const page = await team.get(response.headers.location!);
    assert.match(page.body, /Saison créée/);
    assert.match(page.body, /value="Amplification"/);
  });

  it("refuses overlapping or out-of-season phases at the field, keeping every input, and stores nothing", async () => {
    const id = await seasonId("2024");
    const fields = await editFields("2024");
    const before = await dump();
    const response = await team.post(`/admin/saisons/${id}`, { ...fields, name: "Saison 2024 (modifiée)", "phase-1-name": "Qualification des idées", "phase-1-startsOn": fields["phase-0-endsOn"]!, "phase-7-endsOn": "2024-12-31" });
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "phase-1-startsOn", "La phase «\u00a0Qualification des idées\u00a0» doit commencer après la fin de la phase précédente («\u00a0Appel à projets\u00a0»).", fields["phase-0-endsOn"]);
    assertFieldError(response.body, "phase-7-endsOn", "La phase «\u00a0Restitution\u00a0» se termine après la saison.", "2024-12-31");
    assert.match(response.body, /value="Saison 2024 \(modifiée\)"/);
    assert.deepEqual(await dump(), before);
  });

  it("renames and redates phases, removes one and adds one in date order, then answers 303", async () => {
    const id = await seasonId("2024");
    const fields = await editFields("2024");
    const response = await team.post(`/admin/saisons/${id}`, {
      ...fields,
      "phase-5-name": "Construction des prototypes",
      "phase-6-remove": "on",
      // Added after Restitution in the form, it belongs before it.
      "phase-8-name": "Bootcamp final",
      "phase-8-startsOn": fields["phase-6-startsOn"]!,
      "phase-8-endsOn": fields["phase-6-startsOn"]!,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/saisons/${id}?enregistree=1`);
    const season = await findSeasonBySlug(db(), "2024");
    assert.deepEqual(
      season?.phases.map((phase) => phase.name),
      ["Appel à projets", "Qualification", "Lancement", "Vœux", "Investigation", "Construction des prototypes", "Bootcamp final", "Restitution"],
    );
    assert.deepEqual(
      season?.phases.map((phase) => phase.position),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
  });
});

describe("public season pages", () => {
  it("are reachable from the site map", async () => {
    assert.match((await httpSessionOn(platform).get("/plan-du-site")).body, /<a href="\/saisons">Saisons<\/a>/);
  });

  it("lists the seasons, the current one first, with its phase", async () => {
    const page = await httpSessionOn(platform).get("/saisons");
    assert.equal(page.statusCode, 200);
    const first = page.body.indexOf("Saison 2026-2027");
    assert.ok(first > 0 && first < page.body.indexOf("Saison 2024") && first < page.body.indexOf("Saison 2023"));
    assert.match(page.body, /Saison en cours/);
    assert.match(page.body, /Phase en cours\u00a0: appel à projets, jusqu’au 31 décembre/);
  });

  it("shows a season's calendar with the current phase marked, its projects and figures", async () => {
    const id = await seasonId("2023");
    const [project] = await db().insert(projects).values({ slug: "cartiflette-test", title: "Cartiflette (test)", pitch: "Des fonds de carte", participatingOrganisationIds: [] }).returning();
    await db().insert(projectSeasons).values({ projectId: project!.id, seasonId: id, entry: "selected" });
    const [member] = await db().select({ id: users.id }).from(users).where(eq(users.email, "thomas.leroy@ign.fr"));
    await db().insert(participations).values({ userId: member!.id, season: "2023", projectSlug: "cartiflette-test" }).onConflictDoNothing();

    now = new Date("2023-06-30T21:30:00Z"); // 23:30 in Paris on 30 June 2023
    try {
      const page = await httpSessionOn(platform).get("/saisons/2023");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Phase en cours\u00a0: construction, jusqu’au 30 septembre/);
      assert.match(page.body, /<th scope="row">Construction<\/th><td>1er juin 2023<\/td><td>30 septembre 2023<\/td><td><span class="fr-badge fr-badge--sm fr-badge--info">En cours<\/span><\/td>/);
      assert.match(page.body, /<th scope="row">Investigation<\/th><td>14 mars 2023<\/td><td>31 mai 2023<\/td><td>Terminée<\/td>/);
      assert.match(page.body, /<a href="\/projets\/cartiflette-test">Cartiflette \(test\)<\/a>/);
      assert.match(page.body, /\d+\u00a0projets?</);
      assert.doesNotMatch(page.body, />0 membre</);
    } finally {
      now = new Date("2026-11-30T10:00:00Z");
    }
    const over = await httpSessionOn(platform).get("/saisons/2022");
    assert.match(over.body, /Cette saison est terminée/);
    // The demo projects (projects module) linked to 2022 show on its page, with their organisations.
    assert.match(over.body, /<a href="\/projets\/[^"]+">Cartiflette<\/a>/);
    assert.doesNotMatch(over.body, />0 projet</);
  });

  it("shows the running season and its phase on the home page, following the clock in Paris time", async () => {
    const home = await httpSessionOn(platform).get("/");
    assert.equal(home.statusCode, 200);
    // While the call is open, the callout states the call's own deadline (calls module), not the planned phase's last day.
    assert.match(home.body, /<h2 class="fr-callout__title">Saison 2026-2027<\/h2><p class="fr-callout__text">Appel à projets\u00a0: ouvert jusqu’au 30 décembre 2026 à\u00a018\u00a0h\.<\/p>/);
    assert.match(home.body, /href="\/saisons\/2026-2027"/);
    // The demo call of the running season is open: the home page invites to it.
    assert.match(home.body, /<a class="fr-btn fr-mt-2w" href="\/appel-a-projets">Proposer un projet à l’appel<\/a>/);
    // A signed-in member is never served from the anonymous page cache.
    const member = await signInOverHttp(platform, "thomas.leroy@ign.fr");
    now = new Date("2022-07-31T22:30:00Z"); // 00:30 in Paris on 1 August 2022: construction starts
    try {
      const past = (await member.get("/")).body;
      assert.match(past, /Saison 2022<\/h2><p class="fr-callout__text">Phase en cours\u00a0: construction, jusqu’au 15 octobre\./);
      assert.doesNotMatch(past, /Proposer un projet à l’appel/, "no call is open in 2022");
    } finally {
      now = new Date("2026-11-30T10:00:00Z");
    }
  });

  it("shows new phases to anonymous visitors right after a save (the page cache is cleared)", async () => {
    const visitor = httpSessionOn(platform);
    assert.match((await visitor.get("/saisons/2026-2027")).body, /appel à projets, jusqu’au 31 décembre/);
    const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const fields = await editFields("2026-2027");
    const saved = await team.post(`/admin/saisons/${await seasonId("2026-2027")}`, { ...fields, "phase-0-name": "Appel à défis" });
    assert.equal(saved.statusCode, 303);
    assert.match((await visitor.get("/saisons/2026-2027")).body, /Phase en cours\u00a0: appel à défis, jusqu’au 31 décembre/);
  });
});
