import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { agreementSignatures } from "../../../db/schema/index.ts";
import { httpSessionOn } from "../../../../tests/support/http-sign-in.ts";
import { startTestPlatform, type TestPlatform } from "../../../../tests/support/test-platform.ts";
import { createTenPercentSeason, insertAgreement, type SignedInPerson, signedInPerson } from "../ten-percent-test-support.ts";
import { flatText, infoField, inspectPdf } from "./pdf-test-support.ts";

let platform: TestPlatform;
const clock = { now: () => new Date("2031-12-02T13:30:00Z") };
const db = () => platform.database.db;
/** Typst markup in a name: printed as is, never read as markup (the data reaches the template as JSON). */
const trickyName = "Inès #[x] $y$ \\ *a* = b";

describe("The agreement's PDF (GET /conventions/:id/pdf)", () => {
  let member: SignedInPerson;
  let manager: SignedInPerson;
  let third: SignedInPerson;
  let outsider: SignedInPerson;
  let programme: SignedInPerson;
  let agreementId: string;

  before(async () => {
    platform = await startTestPlatform({ clock });
    const seasonId = await createTenPercentSeason(db());
    member = await signedInPerson(platform, "ines.convention@insee.fr", { givenName: "Inès", usualName: "Bénali" });
    manager = await signedInPerson(platform, "helene.manager@insee.fr");
    third = await signedInPerson(platform, "rh.tiers@insee.fr");
    outsider = await signedInPerson(platform, "autre.membre@insee.fr");
    programme = await signedInPerson(platform, "camille.martin@numerique.gouv.fr");
    agreementId = await insertAgreement(db(), {
      userId: member.id,
      seasonId,
      memberName: trickyName,
      memberEmail: member.email,
      managerName: "Hélène Daubigné",
      managerEmail: manager.email,
      projects: [{ projectId: null, title: "Cartiflette" }],
    });
    await db().insert(agreementSignatures).values({ agreementId, version: 1, role: "third", name: "Céline Ressources", email: third.email, decision: "accepted", decidedAt: new Date("2031-01-12T09:05:00Z"), decidedVia: "account" });
  });
  after(() => platform.stop());

  it("is a tagged PDF/UA document in French, Marianne embedded, that qpdf finds sound, with the name printed literally", async () => {
    const response = await member.http.get(`/conventions/${agreementId}/pdf`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "application/pdf");
    assert.equal(response.headers["content-disposition"], `attachment; filename="convention-10-pourcent-ines-x-y-a-b-2031.pdf"`);
    const report = await inspectPdf(response.rawPayload);

    assert.equal(infoField(report, "Tagged"), "yes");
    assert.equal(infoField(report, "Title"), `Convention 10\u00a0% — ${trickyName} — Saison 2031`);
    assert.match(report.meta, /<pdfuaid:part>1<\/pdfuaid:part>/);
    assert.match(report.meta, /<rdf:li>fr-FR<\/rdf:li>/);
    assert.match(report.fonts, /Marianne-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    assert.match(report.fonts, /Marianne-Bold\s+CID TrueType\s+Identity-H\s+yes/);
    assert.equal(report.qpdf.exitCode, 0, report.qpdf.stderr);
    assert.match(report.qpdf.stdout, /No syntax or stream encoding errors found/);

    const text = flatText(report);
    assert.ok(text.includes(`Convention 10 % — ${trickyName} — Saison 2031`), text);
    for (const expected of [
      "Document émis le 2 décembre 2031 à 14 h 30 (heure de Paris)",
      "Statut : Acceptée",
      "Les parties",
      `Membre du programme : ${trickyName} (ines.convention@insee.fr), Insee`,
      "Manager : Hélène Daubigné (helene.manager@insee.fr)",
      "Troisième signataire : Céline Ressources (rh.tiers@insee.fr)",
      "Part de temps : 10 % (2 demi-journées par mois)",
      "Période : du 5 janvier 2031 au 15 décembre 2031",
      "Projets : Cartiflette",
      "Charte du Programme 10 %, version 2024",
      "Signatures et historique",
      "10 janvier 2031 à 11 h 00",
      "Via le lien reçu par courriel",
      "En se connectant à la plateforme",
      "Envoyée pour signature",
      "Page 1 sur",
    ])
      assert.ok(text.includes(expected), `« ${expected} » absent de\n${text}`);
  });

  it("is given to the manager and the third signatory signed in, and to the programme team", async () => {
    for (const person of [manager, third, programme]) assert.equal((await person.http.get(`/conventions/${agreementId}/pdf`)).statusCode, 200, person.email);
  });

  it("is refused to another member (403), the signed out sent to sign in, and an unknown or malformed id is a 404", async () => {
    assert.equal((await outsider.http.get(`/conventions/${agreementId}/pdf`)).statusCode, 403);
    const signedOut = await httpSessionOn(platform).get(`/conventions/${agreementId}/pdf`);
    assert.equal(signedOut.statusCode, 303);
    assert.match(String(signedOut.headers.location), /^\/connexion/);
    assert.equal((await member.http.get("/conventions/00000000-0000-4000-8000-000000000000/pdf")).statusCode, 404);
    assert.equal((await member.http.get("/conventions/pas-un-id/pdf")).statusCode, 404);
  });
});
