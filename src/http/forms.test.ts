import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { acrossFields, parseForm } from "./forms.ts";

const date = (label: string) => z.string().trim().min(1, `Indiquez ${label}.`).pipe(z.coerce.date());
const periodSchema = z
  .object({ from: date("le début"), to: date("la fin") })
  .refine((period) => period.to.getTime() > period.from.getTime(), acrossFields("to", "La fin doit suivre le début."));

describe("a rule across fields (acrossFields)", () => {
  it("is not run while a field is invalid: the form gets the field's own message, not a thrown error", () => {
    const result = parseForm(periodSchema, { from: "", to: "2031-01-01" });
    assert.deepEqual(result, { ok: false, errors: { from: "Indiquez le début." }, values: { from: "", to: "2031-01-01" } });
  });

  it("is run once every field is valid, and reports at its field", () => {
    const result = parseForm(periodSchema, { from: "2031-02-01", to: "2031-01-01" });
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.errors, { to: "La fin doit suivre le début." });
    assert.equal(parseForm(periodSchema, { from: "2031-01-01", to: "2031-02-01" }).ok, true);
  });
});
