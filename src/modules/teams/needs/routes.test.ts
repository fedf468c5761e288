import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import { projectNeeds, projects, skills, teamMembers } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { assertRefusedByPermission, csrfTokenIn } from "../../../../tests/support/http.ts";
import { httpSessionOn, signInOverHttp } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createWishesSeason, type FreshMember, freshMember } from "../members-test-support.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-02-01T10:00:00Z") };
const db = () => platform.database.db;
const page = "/projets/cartiflette/equipe-recherchee";

describe("« Équipe recherchée » of a project", () => {
  let seasonId: string;
  let projectId: string;
  let lead: FreshMember;
  let other: FreshMember;
  let pythonId: string;
  let sqlId: string;

  before(async () => {
    platform = await startTestPlatform({ clock });
    const created = await createWishesSeason(db(), ["cartiflette"]);
    seasonId = created.seasonId;
    projectId = created.projectIds.cartiflette!;
    lead = await freshMember(platform, "needs.lead", { givenName: "Léa", usualName: "Porteuse" });
    other = await freshMember(platform, "needs.other");
    const accepted = await db().select({ id: skills.id, name: skills.name }).from(skills).where(eq(skills.status, "accepted"));
    pythonId = accepted.find((skill) => skill.name === "Python")!.id;
    sqlId = accepted.find((skill) => skill.name !== "Python")!.id;
    await db().update(projects).set({ skillsSought: [{ skillId: pythonId, level: 3, required: true }] }).where(eq(projects.id, projectId));
  });
  after(async () => {
    await platform.stop();
  });

  const valid = () => ({ minSize: "3", maxSize: "6", "skill-1": pythonId, "level-1": "3", "need-1": "required", "skill-2": sqlId, "level-2": "1", "need-2": "welcome", rhythm: "both", whyJoin: "Des cartes pour tous." });

  it("refuses an anonymous visitor (401) and a member who is not the lead (403), storing nothing", async () => {
    const anonymous = httpSessionOn(platform);
    const signIn = await anonymous.get(page);
    assert.equal(signIn.statusCode, 303);
    assert.equal(signIn.headers.location, `/connexion?retour=${encodeURIComponent(page)}`);
    assertRefusedByPermission(await anonymous.post(page, valid(), { csrf: csrfTokenIn((await anonymous.get("/contact")).body) }), 401);
    assertRefusedByPermission(await other.http.get(page), 403);
    const csrf = csrfTokenIn((await other.http.get("/contact")).body);
    assertRefusedByPermission(await other.http.post(page, valid(), { csrf }), 403);
    assert.equal((await db().select().from(projectNeeds).where(eq(projectNeeds.seasonId, seasonId))).length, 0);
  });

  it("lets only the programme team name a lead (a member with a joined profile, by address)", async () => {
    const team = await signInOverHttp(platform, "camille.martin@numerique.gouv.fr");
    const form = await team.get(page);
    assert.equal(form.statusCode, 200);
    // Prefilled from the skills the project sought.
    assert.match(form.body, new RegExp(`<option value="${pythonId}" selected="">Python</option>`));
    const unknown = await team.post(`${page}/porteurs`, { leadEmail: "personne@insee.fr" }, { formPage: page });
    assert.equal(unknown.statusCode, 400);
    assertFieldError(unknown.body, "leadEmail", "Aucun membre de la communauté n’a cette adresse (son profil doit être complété).", "personne@insee.fr");
    const named = await team.post(`${page}/porteurs`, { leadEmail: lead.email.toUpperCase() }, { formPage: page });
    assert.equal(named.statusCode, 303);
    const rows = await db().select().from(teamMembers).where(and(eq(teamMembers.seasonId, seasonId), eq(teamMembers.projectId, projectId)));
    assert.deepEqual(
      rows.map((row) => [row.userId, row.role, row.source]),
      [[lead.id, "lead", "named"]],
    );
    const csrf = csrfTokenIn((await lead.http.get("/contact")).body);
    assertRefusedByPermission(await lead.http.post(`${page}/porteurs`, { leadEmail: other.email }, { csrf }), 403);
  });

  it("refuses bad input at its field, keeping it, and stores nothing (400)", async () => {
    const response = await lead.http.post(page, { ...valid(), minSize: "7", maxSize: "6", "skill-2": pythonId, "level-3": "2", "skill-3": "pas-une-competence", rhythm: "", whyJoin: "x".repeat(601) });
    assert.equal(response.statusCode, 400);
    assertFieldError(response.body, "maxSize", "La taille maximale doit être supérieure ou égale à la taille minimale.", "6");
    assertFieldError(response.body, "skill-2", "Cette compétence est déjà demandée sur une autre ligne.");
    assertFieldError(response.body, "skill-3", "Choisissez une compétence de la liste.");
    assert.match(response.body, /Choisissez le rythme de travail\./);
    assertFieldError(response.body, "whyJoin", "Ce champ ne peut pas dépasser 600 caractères.");
    assertFrenchSpacing(response.body);
    const sizes = await lead.http.post(page, { ...valid(), minSize: "0", maxSize: "51" });
    assert.equal(sizes.statusCode, 400);
    assertFieldError(sizes.body, "minSize", "Indiquez une taille minimale entre 1 et 50 personnes.", "0");
    assertFieldError(sizes.body, "maxSize", "Indiquez une taille maximale entre 1 et 50 personnes.", "51");
    assert.equal((await db().select().from(projectNeeds).where(eq(projectNeeds.seasonId, seasonId))).length, 0);
  });

  it("saves what the lead's team seeks, confirms it and shows it again", async () => {
    const response = await lead.http.post(page, valid());
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `${page}?enregistre=1`);
    const [stored] = await db().select().from(projectNeeds).where(eq(projectNeeds.seasonId, seasonId));
    assert.deepEqual(
      { min: stored!.minSize, max: stored!.maxSize, skills: stored!.skills, rhythm: stored!.rhythm, whyJoin: stored!.whyJoin, by: stored!.updatedBy },
      {
        min: 3,
        max: 6,
        skills: [
          { skillId: pythonId, level: 3, required: true },
          { skillId: sqlId, level: 1, required: false },
        ],
        rhythm: "both",
        whyJoin: "Des cartes pour tous.",
        by: lead.id,
      },
    );
    const shown = await lead.http.get(response.headers.location as string);
    assert.match(shown.body, /L’équipe recherchée est enregistrée\./);
    assert.match(shown.body, /<input type="radio"[^>]*id="rhythm-both"[^>]*checked=""/);
    // A lead does not name leads.
    assert.doesNotMatch(shown.body, /Nommer un porteur/);
  });

  it("lists the skills in French alphabetical order, accented initials with their letter", async () => {
    const body = (await lead.http.get(page)).body;
    const select = /<select[^>]*id="skill-1"[^>]*>([\s\S]*?)<\/select>/.exec(body)?.[1] ?? "";
    const labels = [...select.matchAll(/<option value="[^"]+">([^<]+)<\/option>/g)].map((match) => match[1]!.replace(/&#x27;|&#39;/g, "’"));
    assert.ok(labels.length > 10, "les compétences du vocabulaire sont proposées");
    assert.deepEqual(labels, [...labels].sort(new Intl.Collator("fr", { sensitivity: "base" }).compare));
    const accented = labels.findIndex((label) => /^É/.test(label));
    assert.ok(accented > 0 && !/^[F-Z]/.test(labels[accented - 1]!), "« Économétrie » se range avec les E, pas à la fin");
  });

  it("answers 404 for an unknown project or a season it did not run in", async () => {
    assert.equal((await lead.http.get("/projets/inconnu/equipe-recherchee")).statusCode, 404);
    assert.equal((await lead.http.get(`${page}?saison=1999`)).statusCode, 404);
  });
});
