import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { expectAccessible, launchChromium, reservePublicUrl, type ServedPlatform, signInThroughOutbox, startServedPlatform, withPage } from "../support/browser.ts";
import { fillPersonalData } from "../support/personal-data-builder.ts";

/** A small phone in portrait: WCAG 1.4.10 asks for no sideways scrolling of the page at 320 CSS px; 375 px is the usual test width. */
const phone = { width: 375, height: 800 };

async function expectNoHorizontalPageScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `${page.url()} : la page fait ${scrollWidth} px de large pour un écran de ${innerWidth} px`);
}

describe("pages on a 375 px wide screen", () => {
  let platform: ServedPlatform;
  let browser: Browser;

  before(async () => {
    platform = await startServedPlatform(await reservePublicUrl());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("keeps the pages with tables within the screen, each table scrollable with the keyboard, without axe violations", () =>
    withPage(
      browser,
      platform.baseUrl,
      async (page) => {
        // A member of the programme team with data in every table: the widest /compte/donnees there is.
        const email = "octave.desrosiers-lamarck@insee.fr";
        await fillPersonalData(platform, { email, givenName: "Octave", usualName: "Desrosiers-Lamarck", slug: "octave-desrosiers-lamarck" });
        await signInThroughOutbox(page, platform.baseUrl, email);

        for (const path of ["/compte/donnees", "/donnees-personnelles", "/admin/organisations"]) {
          const response = await page.goto(path);
          assert.equal(response?.status(), 200, path);
          await expectNoHorizontalPageScroll(page);
          await expectAccessible(page);
          await expectNoHorizontalPageScroll(page);
        }

        // The organisations table is wider than the screen: Tab reaches it, and the arrow keys scroll it.
        await page.goto("/admin/organisations");
        const region = page.getByRole("region", { name: /Organisations/ }).first();
        const scrollable = await region.evaluate((element) => element.scrollWidth > element.clientWidth);
        assert.ok(scrollable, "le tableau des organisations devrait défiler à 375 px");
        let presses = 0;
        while (!(await region.evaluate((element) => element === document.activeElement))) {
          assert.ok(++presses <= 80, "le tableau n’est pas atteint avec Tab");
          await page.keyboard.press("Tab");
        }
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("ArrowRight");
        await page.waitForFunction((element) => element!.scrollLeft > 0, await region.elementHandle());
      },
      { viewport: phone },
    ));
});
