import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describePlacement, describeRelaxedRule, describeUnplaced, inThirdPerson } from "./explain.ts";

const titles: Record<string, string> = { p1: "Cartiflette", p2: "ChartsGouv", p3: "DataViz", p4: "PoufDoc" };
const names = {
  project: (id: string) => titles[id] ?? id,
  skill: (id: string) => (id === "nlp" ? "NLP" : id),
  ministry: (id: string | null) => (id === null ? "ministère inconnu" : "Ministère de l’Intérieur"),
  member: (id: string) => (id === "u1" ? "Camille Martin" : id),
};
// Typography: a non-breaking space before « : » and between a number and its unit.
const text = (value: string) => value.replace(/\u00a0/g, "~");

describe("describePlacement", () => {
  it("says the rank of a wish, with ordinals « 1er », « 2e »", () => {
    assert.equal(describePlacement({ kind: "wish", rank: 1, passedOver: [] }, names), "1er vœu");
    assert.equal(
      text(describePlacement({ kind: "wish", rank: 2, passedOver: [{ projectId: "p1", why: "full" }] }, names)),
      "2e vœu~: votre 1er vœu (Cartiflette) était complet",
    );
  });

  it("groups the better wishes passed over by reason: « vos deux premiers vœux … étaient complets »", () => {
    const reason = { kind: "wish", rank: 3, passedOver: [{ projectId: "p1", why: "full" }, { projectId: "p2", why: "full" }] } as const;
    assert.equal(text(describePlacement({ ...reason, passedOver: [...reason.passedOver] }, names)), "3e vœu~: vos deux premiers vœux (Cartiflette, ChartsGouv) étaient complets");
    assert.equal(
      text(
        describePlacement(
          {
            kind: "wish",
            rank: 4,
            passedOver: [
              { projectId: "p1", why: "mix" },
              { projectId: "p2", why: "full" },
              { projectId: "p3", why: "full" },
            ],
          },
          names,
        ),
      ),
      "4e vœu~: votre 1er vœu (Cartiflette) ne pouvait pas vous accueillir sans rompre la mixité interministérielle~; vos 2e et 3e vœux (ChartsGouv, DataViz) étaient complets",
    );
  });

  it("explains a placement for a skill, any project, and fixed places", () => {
    assert.equal(describePlacement({ kind: "skill", skillId: "nlp", rank: 2 }, names), "placé·e pour couvrir la compétence NLP (2e vœu)");
    assert.equal(describePlacement({ kind: "skill", skillId: "nlp", rank: null }, names), "placé·e pour couvrir la compétence NLP");
    assert.equal(text(describePlacement({ kind: "any_project" }, names)), "n’importe quel projet~: placé·e où vous êtes utile");
    assert.equal(describePlacement({ kind: "fixed", fixedKind: "lead" }, names), "porteur·euse du projet");
    assert.equal(describePlacement({ kind: "fixed", fixedKind: "lock" }, names), "verrouillé·e par l’équipe du programme");
    assert.equal(text(describePlacement({ kind: "fixed", fixedKind: "priority" }, names)), "priorité~: poursuit son projet de la saison précédente");
  });
});

describe("describeUnplaced", () => {
  it("says why a member has no team", () => {
    assert.equal(text(describeUnplaced({ kind: "no_wish" }, names)), "non placé·e~: aucun vœu exprimé");
    assert.equal(
      text(describeUnplaced({ kind: "wishes_unavailable", passedOver: [{ projectId: "p1", why: "full" }, { projectId: "p2", why: "full" }] }, names)),
      "non placé·e~: vos deux vœux (Cartiflette, ChartsGouv) étaient complets",
    );
    assert.equal(text(describeUnplaced({ kind: "wishes_unavailable", passedOver: [{ projectId: "p4", why: "mix" }] }, names)), "non placé·e~: votre vœu (PoufDoc) ne pouvait pas vous accueillir sans rompre la mixité interministérielle");
  });
});

describe("describeRelaxedRule", () => {
  it("names the project and the rule, in French", () => {
    assert.equal(text(describeRelaxedRule({ rule: "min_size", projectId: "p1", missing: 2 }, names)), "Cartiflette~: taille minimale non atteinte (2~membres manquent) — règle relâchée");
    assert.equal(text(describeRelaxedRule({ rule: "min_size", projectId: "p1", missing: 1 }, names)), "Cartiflette~: taille minimale non atteinte (1~membre manque) — règle relâchée");
    assert.equal(text(describeRelaxedRule({ rule: "max_size", projectId: "p1", missing: 3 }, names)), "Cartiflette~: taille maximale dépassée (3~membres de trop) — règle relâchée");
    assert.equal(
      text(describeRelaxedRule({ rule: "required_skill", projectId: "p2", skillId: "nlp", level: 3 }, names)),
      "ChartsGouv~: la compétence NLP (niveau expert·e) n’est couverte par aucun membre ayant fait un vœu — règle relâchée",
    );
    assert.equal(text(describeRelaxedRule({ rule: "min_ministries", projectId: "p3", missing: 1, minimum: 2 }, names)), "DataViz~: moins de deux ministères — règle relâchée");
    assert.equal(
      text(describeRelaxedRule({ rule: "max_ministry_share", projectId: "p4", ministryId: "m1", over: 1, share: 0.5 }, names)),
      "PoufDoc~: plus de la moitié de l’équipe vient d’un même ministère (Ministère de l’Intérieur) — règle relâchée",
    );
    assert.equal(text(describeRelaxedRule({ rule: "lock", projectId: "p1", memberId: "u1" }, names)), "Cartiflette~: le placement fixé de Camille Martin n’a pas pu être appliqué — règle relâchée");
  });
});

describe("inThirdPerson", () => {
  it("says the member's explanations of them to the programme team", () => {
    const names = { project: (id: string) => ({ a: "Cartiflette", b: "ChartsGouv" })[id] ?? id, skill: () => "NLP" };
    assert.equal(
      inThirdPerson(describePlacement({ kind: "wish", rank: 3, passedOver: [{ projectId: "a", why: "full" }, { projectId: "b", why: "mix" }] }, names)),
      "3e vœu\u00a0: son 1er vœu (Cartiflette) était complet\u00a0; son 2e vœu (ChartsGouv) ne pouvait pas l’accueillir sans rompre la mixité interministérielle",
    );
    assert.equal(inThirdPerson(describeUnplaced({ kind: "wishes_unavailable", passedOver: [{ projectId: "a", why: "full" }, { projectId: "b", why: "full" }] }, names)), "non placé·e\u00a0: ses deux vœux (Cartiflette, ChartsGouv) étaient complets");
    assert.equal(inThirdPerson(describePlacement({ kind: "any_project" }, names)), "n’importe quel projet\u00a0: placé·e où il ou elle est utile");
  });
});
