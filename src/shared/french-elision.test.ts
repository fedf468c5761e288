import assert from "node:assert/strict";
import { it } from "node:test";
import { ofName } from "./french-elision.ts";

it("elides « de » before a vowel or an h, accented or not, and keeps it otherwise", () => {
  assert.equal(ofName("Inès Benali"), "d’Inès Benali");
  assert.equal(ofName("Élodie Giraud"), "d’Élodie Giraud");
  assert.equal(ofName("Hélène Martin"), "d’Hélène Martin");
  assert.equal(ofName("Yasmine Saidi"), "d’Yasmine Saidi");
  assert.equal(ofName("Thomas Leroy"), "de Thomas Leroy");
  assert.equal(ofName("Ancien membre"), "d’Ancien membre");
});
