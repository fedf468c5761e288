import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { attestations, eventRegistrations, events, organisations, projects, teamMembers, timeEntries } from "../../../db/schema/index.ts";
import { assertFieldError } from "../../../../tests/support/form-assertions.ts";
import { assertFrenchSpacing } from "../../../../tests/support/french-typography.ts";
import { httpSessionOn } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { flatText, infoField, inspectPdf } from "../pdf/pdf-test-support.ts";
import { createTenPercentSeason, insertAgreement, type SignedInPerson, signedInPerson } from "../ten-percent-test-support.ts";
import type { AttestationFacts } from "./attestation-facts.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-06-15T10:00:00Z") };
const db = () => platform.database.db;
const list = "/mon-10-pourcent/attestations";

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;|\u00a0|\u202f/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");
}

describe("Attestations of time contributed and their public verification", () => {
  let member: SignedInPerson;
  let other: SignedInPerson;
  let seasonId: string;
  let issued: { id: string; code: string; sha256: string; pdf: Buffer; facts: AttestationFacts };

  before(async () => {
    platform = await startTestPlatform({ clock });
    seasonId = await createTenPercentSeason(db());
    await createTenPercentSeason(db(), "2030"); // over, and the member counted no time in it
    const [insee] = await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, "Insee"));
    member = await signedInPerson(platform, "ines.attestation@insee.fr", { givenName: "Inès", usualName: "Bénali", organisationId: insee?.id ?? null });
    other = await signedInPerson(platform, "autre.attestation@insee.fr", { givenName: "Théo", usualName: "Autre" });
    await insertAgreement(db(), { userId: member.id, seasonId, memberName: "Inès Bénali", managerName: "Hélène Daubigné", managerEmail: "helene.daubigne@insee.fr" });
    const [project] = await db().insert(projects).values({ slug: "cartiflette-attestation", title: "Cartiflette" }).returning({ id: projects.id });
    await db().insert(teamMembers).values({ seasonId, projectId: project!.id, userId: member.id, role: "contributor", source: "named" });
    // An afternoon workshop the member was checked in at, a webinar (not counted) and a declared half-day of work.
    const [workshop] = await db()
      .insert(events)
      .values({ slug: "atelier-attestation-2031-03-04", kind: "atelier", title: "Atelier de mars : géodonnées", startsAt: new Date("2031-03-04T13:00:00Z"), endsAt: new Date("2031-03-04T16:00:00Z"), seasonId })
      .returning({ id: events.id });
    await db().insert(eventRegistrations).values({ eventId: workshop!.id, userId: member.id, mode: "in_person", status: "confirmed", checkInToken: "attestation-jeton-ines", attendedAt: new Date("2031-03-04T13:05:00Z") });
    const [webinar] = await db()
      .insert(events)
      .values({ slug: "webinaire-attestation-2031-04-08", kind: "webinaire", title: "Webinaire d’avril", startsAt: new Date("2031-04-08T10:00:00Z"), endsAt: new Date("2031-04-08T11:00:00Z"), seasonId })
      .returning({ id: events.id });
    await db().insert(eventRegistrations).values({ eventId: webinar!.id, userId: member.id, mode: "remote", status: "confirmed", checkInToken: "attestation-jeton-webinaire", attendedAt: new Date("2031-04-08T10:00:00Z") });
    await db().insert(timeEntries).values({ userId: member.id, workedOn: "2031-05-20", halfDays: 1, projectId: project!.id, description: "Revue du découpage communal" });
  });
  after(() => platform.stop());

  it("shows the issue form with the running season chosen, and no attestation yet", async () => {
    const response = await member.http.get(list);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<option value="2031" selected="">Saison 2031<\/option>/);
    assert.match(textOf(response.body), /Vous n’avez pas encore d’attestation/);
    assertFrenchSpacing(response.body);
  });

  it("refuses a season that is not offered, keeping the form (400)", async () => {
    const response = await member.http.post(list, { saison: "1999" });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Choisissez une saison de la liste/);
    assert.equal((await db().select().from(attestations).where(eq(attestations.userId, member.id))).length, 0);
  });

  it("offers only the seasons with an agreement or time counted, and refuses an attestation of zero time next to the season (400)", async () => {
    const page = await member.http.get(list);
    assert.doesNotMatch(page.body, /<option value="2030"/, "nothing counted in 2030: not offered");
    const refused = await member.http.post(list, { saison: "2030" });
    assert.equal(refused.statusCode, 400);
    assertFieldError(refused.body, "saison", "Aucun temps n’est compté pour cette saison\u00a0: il n’y a rien à attester.");
    assert.match(refused.body, /<option value="2030" selected="">Saison 2030<\/option>/, "the season asked stays chosen");
    assert.equal((await db().select().from(attestations).where(eq(attestations.userId, member.id))).length, 0);

    const nothing = await other.http.get(list);
    assert.doesNotMatch(nothing.body, /<select/, "no agreement and no time: no season to offer");
    assert.match(textOf(nothing.body), /Aucun temps n’est encore compté à votre nom/);
    const zero = await other.http.post(list, { saison: "2031" });
    assert.equal(zero.statusCode, 400);
    assertFieldError(zero.body, "saison", "Aucun temps n’est compté pour cette saison\u00a0: il n’y a rien à attester.");
    assert.equal((await db().select().from(attestations).where(eq(attestations.userId, other.id))).length, 0);
  });

  it("issues an attestation: facts from the ledger, the PDF and its fingerprint stored, the same bytes downloaded", async () => {
    const response = await member.http.post(list, { saison: "2031" });
    assert.equal(response.statusCode, 303);
    const [row] = await db().select().from(attestations).where(eq(attestations.userId, member.id));
    assert.ok(row);
    assert.equal(response.headers.location, `${list}?emise=${row.id}`);
    issued = { id: row.id, code: row.code, sha256: row.sha256, pdf: row.pdf, facts: row.facts as AttestationFacts };
    assert.match(issued.code, /^P10-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(issued.sha256, createHash("sha256").update(issued.pdf).digest("hex"));

    const facts = issued.facts;
    assert.equal(facts.memberName, "Inès Bénali");
    assert.equal(facts.organisation, "Institut national de la statistique et des études économiques (Insee)");
    assert.deepEqual(facts.period, { startsOn: "2031-01-05", endsOn: "2031-06-15" });
    assert.deepEqual(facts.agreement, { share: "10\u00a0% (2\u00a0demi-journées par mois)", managerName: "Hélène Daubigné" });
    assert.deepEqual(facts.projects, ["Cartiflette"]);
    assert.deepEqual(facts.events, [{ title: "Atelier de mars : géodonnées", day: "2031-03-04", kind: "atelier", halfDays: 1 }]);
    assert.deepEqual(facts.work, { byMonth: [{ month: "2031-05", halfDays: 1 }], byProject: [{ project: "Cartiflette", halfDays: 1 }], halfDays: 1 });
    assert.equal(facts.totalHalfDays, 2);

    const page = await member.http.get(response.headers.location!);
    assert.match(textOf(page.body), new RegExp(`Attestation émise ?Votre attestation pour la saison 2031 porte le code ${issued.code}`));
    assert.match(page.body, new RegExp(`href="${list}/${issued.id}/pdf"`));

    const download = await member.http.get(`${list}/${issued.id}/pdf`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers["content-type"], "application/pdf");
    assert.equal(download.headers["content-disposition"], `attachment; filename="attestation-10-pourcent-ines-benali-2031-${issued.code.toLowerCase()}.pdf"`);
    assert.ok(download.rawPayload.equals(issued.pdf), "the bytes downloaded are the bytes stored");
    assert.equal(createHash("sha256").update(download.rawPayload).digest("hex"), issued.sha256);
  });

  it("is a tagged PDF/UA document in French with Marianne, sound for qpdf, with the facts, the code and the verification address", async () => {
    const report = await inspectPdf(issued.pdf);
    assert.equal(infoField(report, "Tagged"), "yes");
    assert.equal(infoField(report, "Title"), "Attestation de temps contribué — Inès Bénali — Saison 2031");
    assert.match(report.meta, /<pdfuaid:part>1<\/pdfuaid:part>/);
    assert.match(report.meta, /<rdf:li>fr-FR<\/rdf:li>/);
    assert.match(report.fonts, /Marianne-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    assert.equal(report.qpdf.exitCode, 0, report.qpdf.stderr);
    assert.match(report.qpdf.stdout, /No syntax or stream encoding errors found/);
    const text = flatText(report);
    for (const expected of [
      "Le Programme 10 % atteste qu’Inès Bénali, Institut national de la statistique et des études économiques (Insee), a contribué au programme du 5 janvier 2031 au 15 juin 2031",
      "(saison 2031, en cours)",
      "convention 10 % acceptée par Hélène Daubigné",
      "Cartiflette",
      "4 mars 2031",
      "Atelier de mars : géodonnées",
      "mai 2031 1 demi-journée",
      "Total des événements suivis : 1 demi-journée",
      `Code de l’attestation : ${issued.code}`,
      `http://localhost:3000/attestations/verifier/${issued.code}`,
      "Attestation émise le 15 juin 2031 à 12 h 00 (heure de Paris)",
      "Page 1 sur 1",
    ])
      assert.ok(text.includes(expected), `« ${expected} » absent de\n${text}`);
    assert.ok(!text.includes("Webinaire"), "a webinar does not count");
  });

  it("verifies on the public page without an account: the facts and the PDF's fingerprint", async () => {
    const visitor = httpSessionOn(platform);
    const response = await visitor.get(`/attestations/verifier/${issued.code}`);
    assert.equal(response.statusCode, 200);
    const text = textOf(response.body);
    for (const expected of ["Ce code correspond à une attestation émise par la plateforme", "Vérifier mon fichier", "Inès Bénali", "Institut national de la statistique et des études économiques (Insee)", "Saison 2031", "du 5 janvier 2031 au 15 juin 2031", "2 demi-journées", "Cartiflette", "1 événement", "Acceptée par Hélène Daubigné", issued.sha256, "sha256sum"])
      assert.ok(text.includes(expected), `« ${expected} » absent de la page`);
    assert.doesNotMatch(text, /Attestation authentique/, "the code alone does not vouch for a file");
    assert.match(response.body, new RegExp(`<section id="verifier-fichier" data-sha256="${issued.sha256}" hidden=""`), "the in-browser check, hidden without scripts");
    assert.match(response.body, /<script nonce="[^"]+">/, "its script runs under the page's CSP nonce");
    assertFrenchSpacing(response.body);
  });

  it("reads a code typed in lower case with spaces through the form, and asks again for a malformed one (400)", async () => {
    const visitor = httpSessionOn(platform);
    const form = await visitor.get("/attestations/verifier");
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="code"/);
    const typed = issued.code.toLowerCase().replaceAll("-", " ");
    const redirected = await visitor.get(`/attestations/verifier?code=${encodeURIComponent(typed)}`);
    assert.equal(redirected.statusCode, 303);
    assert.equal(redirected.headers.location, `/attestations/verifier/${issued.code}`);
    const loose = await visitor.get(`/attestations/verifier/${issued.code.toLowerCase()}`);
    assert.equal(loose.statusCode, 301);
    assert.equal(loose.headers.location, `/attestations/verifier/${issued.code}`);
    const malformed = await visitor.get("/attestations/verifier?code=pas-un-code");
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.body, /Ce code n’a pas la forme attendue/);
  });

  it("says clearly that an unknown code matches no attestation (404)", async () => {
    const visitor = httpSessionOn(platform);
    const unknown = issued.code.endsWith("0") ? `${issued.code.slice(0, -1)}1` : `${issued.code.slice(0, -1)}0`;
    for (const code of [unknown, "n-importe-quoi", "%3Cscript%3E"]) {
      const response = await visitor.get(`/attestations/verifier/${code}`);
      assert.equal(response.statusCode, 404, code);
      assert.match(textOf(response.body), /Aucune attestation ne correspond à ce code/);
    }
  });

  it("limits the verifications from one address", async () => {
    const visitor = httpSessionOn(platform);
    let last = 0;
    for (let attempt = 0; attempt < 31; attempt += 1) last = (await visitor.get("/attestations/verifier/P10-0000-0000-0000")).statusCode;
    assert.equal(last, 429);
  });

  it("gives an attestation only to its member: another member gets a 404, the signed out are sent to sign in", async () => {
    assert.equal((await other.http.get(`${list}/${issued.id}/pdf`)).statusCode, 404);
    assert.equal((await member.http.get(`${list}/00000000-0000-4000-8000-000000000000/pdf`)).statusCode, 404);
    assert.equal((await member.http.get(`${list}/pas-un-id/pdf`)).statusCode, 404);
    const otherList = await other.http.get(list);
    assert.ok(!otherList.body.includes(issued.code));
    const signedOut = await httpSessionOn(platform).get(`${list}/${issued.id}/pdf`);
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/connexion/);
  });
});
