import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CurrentUser } from "../identity/api.ts";
import { canReadWorkLines, decideAgreementAccess } from "./access.ts";
import type { Agreement } from "./agreement/agreement-repository.ts";

const member: CurrentUser = { id: "member", email: "ines@insee.fr", givenName: "Inès", usualName: "B", organisationId: null, roles: [{ role: "member", organisationId: null }] };
const manager: CurrentUser = { ...member, id: "manager", email: "Olivier.Dumas@insee.fr" };
const other: CurrentUser = { ...member, id: "other", email: "autre@insee.fr" };
const team: CurrentUser = { ...member, id: "team", email: "camille@numerique.gouv.fr", roles: [{ role: "programme_team", organisationId: null }] };

function agreement(status: Agreement["status"], emails: { version: number; email: string; role?: "manager" | "third" }[], currentVersion = 1): Pick<Agreement, "userId" | "status" | "currentVersion" | "signatures"> {
  return {
    userId: "member",
    status,
    currentVersion,
    signatures: emails.map(({ version, email, role }, index) => ({ id: String(index), version, role: role ?? "manager", name: "N", email, decision: null, reason: "", decidedAt: null, decidedVia: null, invalidatedAt: null, askedAt: new Date() })),
  };
}

describe("who sees an agreement (access.ts)", () => {
  it("lets in the member, the current version's signatories (any case) and the programme team; nobody else", () => {
    const current = agreement("accepted", [{ version: 1, email: "olivier.dumas@insee.fr" }, { version: 1, email: "rh@insee.fr", role: "third" }]);
    assert.equal(decideAgreementAccess(member, current), "member");
    assert.equal(decideAgreementAccess(manager, current), "manager");
    assert.equal(decideAgreementAccess({ ...other, email: "RH@insee.fr" }, current), "third");
    assert.equal(decideAgreementAccess(team, current), "programme");
    assert.equal(decideAgreementAccess(other, current), null);
  });

  it("forgets a signatory of an older version, and every signatory once the agreement is replaced", () => {
    assert.equal(decideAgreementAccess(manager, agreement("sent", [{ version: 1, email: "olivier.dumas@insee.fr" }, { version: 2, email: "nouvelle@insee.fr" }], 2)), null);
    assert.equal(decideAgreementAccess(manager, agreement("replaced", [{ version: 1, email: "olivier.dumas@insee.fr" }])), null);
  });

  it("shows the work lines to the member and the programme team, and to the manager only when shared; never to a ministry's signatory", () => {
    assert.equal(canReadWorkLines("member", { shareDetails: false }), true);
    assert.equal(canReadWorkLines("programme", { shareDetails: false }), true);
    assert.equal(canReadWorkLines("manager", { shareDetails: false }), false);
    assert.equal(canReadWorkLines("manager", { shareDetails: true }), true);
    assert.equal(canReadWorkLines("third", { shareDetails: true }), false);
  });
});
