import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { domainPattern, PublicDomains, sirenOfSiret } from "./public-domains.ts";

describe("PublicDomains", () => {
  const domains = new PublicDomains(["insee.fr", " Interieur.Gouv.FR ", ""]);

  it("recognises a listed domain, whatever its case", () => {
    assert.equal(domains.has("insee.fr"), true);
    assert.equal(domains.has("INSEE.fr"), true);
    assert.equal(domains.has("interieur.gouv.fr"), true);
  });

  it("recognises a subdomain of a listed domain", () => {
    assert.equal(domains.has("dr.insee.fr"), true);
    assert.equal(domains.has("a.b.interieur.gouv.fr"), true);
  });

  it("refuses a domain that only ends with the same letters", () => {
    assert.equal(domains.has("evilinsee.fr"), false);
    assert.equal(domains.has("evil-insee.fr"), false);
  });

  it("refuses a listed domain used as a prefix of another one", () => {
    assert.equal(domains.has("insee.fr.evil.example"), false);
  });

  it("refuses a parent of a listed domain and a bare top-level domain", () => {
    assert.equal(domains.has("gouv.fr"), false);
    assert.equal(domains.has("fr"), false);
  });

  it("never opens a whole top-level domain, even when the list holds one by mistake", () => {
    assert.equal(new PublicDomains(["fr"]).has("gmail.fr"), false);
    assert.equal(new PublicDomains(["fr"]).has("fr"), false);
  });

  it("ignores blank lines", () => {
    assert.equal(domains.size, 2);
    assert.equal(domains.has(""), false);
  });

  it("loads the reference list shipped with the platform", () => {
    const reference = PublicDomains.fromFile(fileURLToPath(new URL("../data/domaines-organismes-publics.txt", import.meta.url)));
    assert.ok(reference.size > 1000);
    assert.equal(reference.has("insee.fr"), true);
    assert.equal(reference.has("numerique.gouv.fr"), true);
    assert.equal(reference.has("gmail.com"), false);
  });
});

describe("domainPattern", () => {
  it("accepts a domain as the programme team types it", () => {
    for (const domain of ["agriculture.gouv.fr", "exemple-public.fr", "a.b.c.fr"]) assert.match(domain, domainPattern);
  });

  it("refuses an address, a URL, spaces, capitals and a missing dot", () => {
    for (const domain of ["agent@insee.fr", "https://insee.fr", "a b.fr", "Insee.fr", "insee", "-insee.fr", "insee.f"]) assert.doesNotMatch(domain, domainPattern);
  });
});

describe("sirenOfSiret", () => {
  it("returns the first nine digits of a SIRET", () => {
    assert.equal(sirenOfSiret("13002526500013"), "130025265");
  });

  it("accepts a SIRET written with spaces", () => {
    assert.equal(sirenOfSiret("130 025 265 00013"), "130025265");
  });

  it("returns nothing for a value that is not fourteen digits", () => {
    assert.equal(sirenOfSiret("1300252650001"), null);
    assert.equal(sirenOfSiret("130025265000134"), null);
    assert.equal(sirenOfSiret("13002526500O13"), null);
    assert.equal(sirenOfSiret(""), null);
    assert.equal(sirenOfSiret(null), null);
    assert.equal(sirenOfSiret(undefined), null);
  });
});
