import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { skills } from "../../db/schema/index.ts";
import { openTestDatabase } from "../../../tests/support/test-platform.ts";
import { createDirectoryFixtures, type FixturePerson } from "./directory/directory-fixtures.ts";
import { countSkillLevels, listExpertsToMeet } from "./skill-map.ts";

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
const db = () => handle.database.db;

describe("the bulloterie's figures and « qui rencontrer » (people API)", () => {
  let viewer: { userId: string; slug: string };
  let teamViewer: string;
  const slugs: Record<string, string> = {};

  before(async () => {
    handle = await openTestDatabase();
    await handle.database.migrate();
    const fixtures = createDirectoryFixtures(db());
    const economy = await fixtures.organisation({ name: "Ministère de l’Économie", kind: "ministry" });
    const insee = await fixtures.organisation({ name: "Institut national de la statistique", acronym: "Insee", kind: "body", parentId: economy });
    const ecology = await fixtures.organisation({ name: "Ministère de la Transition écologique", kind: "ministry" });
    const ign = await fixtures.organisation({ name: "Institut national de l’information géographique", acronym: "IGN", kind: "body", parentId: ecology });
    const health = await fixtures.organisation({ name: "Ministère de la Santé", kind: "ministry" });
    viewer = await fixtures.person({ givenName: "Vera", usualName: "Curieuse", organisationId: insee, skills: { python: 1, sig: 1, julia: 1, sql: 3 } });
    teamViewer = (await fixtures.person({ givenName: "Théo", usualName: "Équipe", organisationId: economy, skills: { sig: 1 }, programmeTeam: true })).userId;
    const people: (FixturePerson & { key: string })[] = [
      { key: "sameMinistry", givenName: "Simon", usualName: "Bercy", organisationId: economy, skills: { python: 3 } },
      { key: "ignExpert", givenName: "Alice", usualName: "Géo", organisationId: ign, skills: { sig: 3, python: 3 } },
      { key: "healthExpert", givenName: "Bruno", usualName: "Santé", organisationId: health, skills: { sig: 3, python: 2 } },
      { key: "hidden", givenName: "Chloé", usualName: "Cachée", organisationId: health, skills: { sig: 3, python: 1 }, visibility: "programme_team" },
      { key: "notJoined", givenName: "Denis", usualName: "Pasencore", organisationId: ign, skills: { sig: 3 }, joined: false },
      { key: "erased", givenName: "Élise", usualName: "Partie", organisationId: ign, skills: { sig: 3 }, erased: true },
      { key: "noOrganisation", givenName: "Fanny", usualName: "Sansorga", organisationId: null, skills: { sig: 3 } },
      { key: "ignSecond", givenName: "Gaël", usualName: "Carto", organisationId: ign, skills: { sig: 3, python: 2 } },
    ];
    for (const { key, ...person } of people) slugs[key] = (await fixtures.person(person)).slug;
    await db().insert(skills).values({ slug: "proposee", name: "Proposée", category: "languages", status: "proposed" });
  });
  after(async () => {
    await handle.close();
  });

  it("counts each accepted skill's members per level among the profiles open to members only", async () => {
    const counts = new Map((await countSkillLevels(db())).map((count) => [count.slug, count]));
    // SIG: curious Vera and Théo; experts Alice, Bruno, Fanny, Gaël — not the hidden, unjoined or erased ones.
    assert.deepEqual(counts.get("sig"), { slug: "sig", name: counts.get("sig")!.name, category: "geomatics", curious: 2, knows: 0, experts: 4 });
    assert.deepEqual(
      [counts.get("python")!.curious, counts.get("python")!.knows, counts.get("python")!.experts],
      [1, 2, 2],
    );
    assert.deepEqual([counts.get("julia")!.curious, counts.get("julia")!.knows, counts.get("julia")!.experts], [1, 0, 0]);
    assert.deepEqual([counts.get("r")!.curious, counts.get("r")!.knows, counts.get("r")!.experts], [0, 0, 0]);
    assert.equal(counts.has("proposee"), false);
  });

  it("lists, per skill the member is curious about, experts of other ministries only, by name, with how many in all", async () => {
    const meet = await listExpertsToMeet(db(), { id: viewer.userId, canSeeHiddenProfiles: false }, { perSkill: 5 });
    assert.deepEqual(
      meet.map((entry) => [entry.skill.slug, entry.experts.map((expert) => expert.slug), entry.total]),
      [
        ["julia", [], 0],
        ["python", [slugs.ignExpert], 1],
        ["sig", [slugs.ignSecond, slugs.ignExpert, slugs.healthExpert], 3],
      ],
    );
    const alice = meet[1]!.experts[0]!;
    assert.deepEqual(alice, {
      slug: slugs.ignExpert,
      path: `/annuaire/${slugs.ignExpert}`,
      name: "Alice Géo",
      jobLabel: "Data scientist",
      organisation: "Institut national de l’information géographique",
      ministry: "Ministère de la Transition écologique",
    });
  });

  it("keeps at most the number asked per skill but counts them all", async () => {
    const meet = await listExpertsToMeet(db(), { id: viewer.userId, canSeeHiddenProfiles: false }, { perSkill: 2 });
    const sig = meet.find((entry) => entry.skill.slug === "sig")!;
    assert.equal(sig.experts.length, 2);
    assert.equal(sig.total, 3);
  });

  it("shows the programme team the profiles kept for it, as canSeeProfile says, still never its own ministry", async () => {
    const meet = await listExpertsToMeet(db(), { id: teamViewer, canSeeHiddenProfiles: true }, { perSkill: 10 });
    assert.deepEqual(meet.map((entry) => entry.skill.slug), ["sig"]);
    assert.deepEqual(meet[0]!.experts.map((expert) => expert.slug), [slugs.hidden, slugs.ignSecond, slugs.ignExpert, slugs.healthExpert]);
  });

  it("gives nothing to someone curious about nothing", async () => {
    const someone = await createDirectoryFixtures(db()).person({ givenName: "Hugo", usualName: "Expert", skills: { python: 3 } });
    assert.deepEqual(await listExpertsToMeet(db(), { id: someone.userId, canSeeHiddenProfiles: false }, { perSkill: 5 }), []);
  });
});
