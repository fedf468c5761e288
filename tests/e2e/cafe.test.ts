import { describe, it } from "node:test";
import { openMailInOutbox, signInThroughOutbox, useServedBrowser, withPage } from "../support/browser.ts";

const clock = { now: () => new Date("2026-12-03T09:00:00Z") };

describe("the café 10 % in a browser", () => {
  const served = useServedBrowser({ clock });

  it("two members opt in, the programme team runs the month's round, one member opts out from the mail's link, without WCAG 2.1 AA violations", async () => {
    for (const email of ["ines.benali@insee.fr", "thomas.leroy@ign.fr"]) {
      await withPage(served.browser, served.baseUrl, async (page) => {
        await signInThroughOutbox(page, served.baseUrl, email);
        await page.goto("/cafe");
        await page.getByRole("heading", { level: 1, name: "Café 10\u00a0%" }).waitFor();
        await page.getByRole("button", { name: "Participer au café 10\u00a0%" }).click();
        await page.waitForURL(/\/cafe\?fait=inscrit$/);
        await page.getByText("C’est noté\u00a0: vous participez au café 10\u00a0%.").waitFor();
        await page.getByRole("button", { name: "Ne plus participer au café 10\u00a0%" }).waitFor();
      });
    }

    await withPage(served.browser, served.baseUrl, async (page) => {
      await signInThroughOutbox(page, served.baseUrl, "camille.martin@numerique.gouv.fr");
      await page.goto("/admin/cafe");
      await page.getByRole("heading", { level: 2, name: "Participant·es\u00a0: 2" }).waitFor();
      await page.getByRole("button", { name: "Lancer le tour de ce mois" }).click();
      await page.waitForURL(/\/admin\/cafe\?fait=lance$/);
      await page.getByRole("heading", { level: 3, name: "décembre 2026" }).waitFor();
      await page.getByRole("link", { name: "Thomas Leroy" }).waitFor();
    });

    await withPage(
      served.browser,
      served.baseUrl,
      async (page) => {
        await openMailInOutbox(page, served.baseUrl, "ines.benali@insee.fr");
        await page.getByText(/Votre café 10\u00a0% de décembre/).first().waitFor();
        await page.getByRole("link", { name: /\/cafe\/desinscription\// }).click();
        await page.getByRole("heading", { level: 1, name: "Ne plus participer au café 10\u00a0%" }).waitFor();
        await page.getByRole("button", { name: "Ne plus participer au café 10\u00a0%" }).click();
        await page.waitForURL(/\/cafe\/desinscrit$/);
        await page.getByText("C’est noté\u00a0: vous ne participez plus au café 10\u00a0%.").waitFor();
      },
      { javaScriptEnabled: false },
    );
  });
});
