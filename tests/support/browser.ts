import assert from "node:assert/strict";
import { createServer, type AddressInfo } from "node:net";
import { after, before } from "node:test";
import axe from "axe-core";
import { type Browser, type ConsoleMessage, chromium, type Page } from "playwright-core";
import { startTestPlatform, type TestPlatform } from "./test-platform.ts";

/** Debian's Chromium (playwright's own browser downloads do not work on these machines). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Only the local servers exist for the tests: other hosts (the provider pages import web fonts) fail at once.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ],
  });
}

/** A port nobody listens on right now, so PUBLIC_URL can be set before the platform starts. */
export async function reservePublicUrl(): Promise<{ port: number; publicUrl: string }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { port, publicUrl: `http://127.0.0.1:${port}` };
}

export type ServedPlatform = TestPlatform & { baseUrl: string };

/** The whole platform (fresh database, demo data) listening on 127.0.0.1 for a browser. */
export async function startServedPlatform(options: { port: number; publicUrl: string; config?: Record<string, string>; directoryBroadSearchAbove?: number }): Promise<ServedPlatform> {
  const platform = await startTestPlatform({
    config: { ...options.config, PUBLIC_URL: options.publicUrl },
    ...(options.directoryBroadSearchAbove !== undefined ? { directoryBroadSearchAbove: options.directoryBroadSearchAbove } : {}),
  });
  try {
    await platform.app.listen({ port: options.port, host: "127.0.0.1" });
  } catch (error) {
    await platform.stop();
    throw error;
  }
  return { ...platform, baseUrl: options.publicUrl };
}

/** What `useServedBrowser` gives the tests of a `describe`: available once its `before` hook has run. */
export type ServedBrowser = { readonly platform: ServedPlatform; readonly browser: Browser; readonly baseUrl: string };

/**
 * Registers, in the calling `describe`, a `before` hook that serves the platform on a free port (then runs
 * `prepare`, e.g. to add data) and launches Chromium, and an `after` hook that closes both.
 */
export function useServedBrowser(
  options: { config?: Record<string, string>; prepare?: (platform: ServedPlatform) => Promise<void>; directoryBroadSearchAbove?: number } = {},
): ServedBrowser {
  let platform: ServedPlatform | undefined;
  let browser: Browser | undefined;
  before(async () => {
    platform = await startServedPlatform({
      ...(await reservePublicUrl()),
      config: options.config,
      ...(options.directoryBroadSearchAbove !== undefined ? { directoryBroadSearchAbove: options.directoryBroadSearchAbove } : {}),
    });
    await options.prepare?.(platform);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await platform?.stop();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} n’est pas encore démarré : utilisez-le dans un test, après le hook before`);
    return value;
  };
  return {
    get platform() {
      return started(platform, "la plateforme");
    },
    get browser() {
      return started(browser, "Chromium");
    },
    get baseUrl() {
      return started(platform, "la plateforme").baseUrl;
    },
  };
}

type PageWatch = { origin: string; problems: string[]; expectedErrorDocuments: Set<string>; lastDocument: { method: string; status: number; url: string } | null };
const watches = new WeakMap<Page, PageWatch>();

/**
 * Runs `journey` in a fresh browser context (no cookies), then fails if a page of the platform logged a
 * console error (CSP violations are console errors), threw, or answered a 5xx document.
 */
export async function withPage(
  browser: Browser,
  baseUrl: string,
  journey: (page: Page) => Promise<void>,
  options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {},
): Promise<void> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: "fr-FR",
    colorScheme: "light",
    viewport: options.viewport ?? { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const watch: PageWatch = { origin: new URL(baseUrl).origin, problems: [], expectedErrorDocuments: new Set(), lastDocument: null };
  watches.set(page, watch);
  page.on("response", (response) => {
    const request = response.request();
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
    watch.lastDocument = { method: request.method(), status: response.status(), url: response.url() };
    // Chromium logs every 4xx document as a console error; tests check those statuses themselves.
    if (response.status() >= 400 && response.status() < 500) watch.expectedErrorDocuments.add(response.url());
    if (response.status() >= 500 && new URL(response.url()).origin === watch.origin) {
      watch.problems.push(`HTTP ${response.status()} pour ${request.method()} ${response.url()}`);
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error" && isFromPlatform(message, page.url(), watch)) watch.problems.push(`console.error sur ${page.url()} : ${message.text()}`);
  });
  page.on("pageerror", (error) => watch.problems.push(`Erreur JavaScript sur ${page.url()} : ${error.message}`));
  try {
    await journey(page);
  } catch (error) {
    // A 500 or a CSP error often explains why a step then timed out: report them with the failure.
    if (watch.problems.length === 0) throw error;
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\nRelevé aussi dans le navigateur :\n${watch.problems.join("\n")}`, { cause: error });
  } finally {
    await context.close();
  }
  if (watch.problems.length > 0) assert.fail(`Problèmes relevés dans le navigateur :\n${watch.problems.join("\n")}`);
}

/** Messages of our pages count (CSP violations carry no source URL); the provider's own pages do not. */
function isFromPlatform(message: ConsoleMessage, pageUrl: string, watch: PageWatch): boolean {
  if (!pageUrl.startsWith(watch.origin)) return false;
  const documentStatus = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
  return !(documentStatus && watch.expectedErrorDocuments.has(message.location().url));
}

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type AxeViolation = { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

async function runAxe(page: Page, scheme: "clair" | "sombre"): Promise<void> {
  // Evaluated through the DevTools protocol: our CSP rightly forbids injecting an inline <script>.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${axe.source};void 0`);
  const violations = await page.evaluate(
    async (tags) => {
      const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target as unknown[], failureSummary: node.failureSummary ?? "" })),
      }));
    },
    wcagTags,
  );
  if (violations.length > 0) assert.fail(`axe (${wcagTags.join(", ")}), thème ${scheme}, ${page.url()} :\n${describeViolations(violations)}`);
}

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${node.target.map(String).join(" ")}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, " ")}` : ""}`);
      return `  - ${violation.id} (${violation.impact ?? "?"}) : ${violation.help}\n${nodes.join("\n")}`;
    })
    .join("\n");
}

async function theme(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute("data-fr-theme"));
}

/**
 * axe-core with the WCAG 2.1 A and AA rules on the current page, in the light theme and then in the
 * dark one (DSFR follows the system setting: data-fr-scheme="system"). A page reached by GET is reloaded
 * in dark mode; the answer to a form post is not re-posted, DSFR switches it live.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const watch = watches.get(page);
  await page.emulateMedia({ colorScheme: "light" });
  await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-theme") === "light", undefined, { timeout: 5_000 });
  await runAxe(page, "clair");

  await page.emulateMedia({ colorScheme: "dark" });
  if (!watch?.lastDocument || watch.lastDocument.method === "GET") await page.reload();
  await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-theme") === "dark", undefined, { timeout: 5_000 }).catch(() => {});
  assert.equal(await theme(page), "dark", `le thème sombre du système n’est pas appliqué sur ${page.url()}`);
  await runAxe(page, "sombre");
  await page.emulateMedia({ colorScheme: "light" });
}

/** Opens the newest mail sent to `to` in the local outbox (/_dev/mails), waiting for the job worker to deliver it. */
export async function openMailInOutbox(page: Page, baseUrl: string, to: string, options: { audit?: boolean; seenBefore?: readonly string[] } = {}): Promise<void> {
  // The newest mail to `to` that was not there before (`seenBefore`: the outbox's links for `to` earlier): an
  // older mail to the same address (a reminder, a previous link) must not stand for the one awaited.
  const seen = new Set(options.seenBefore ?? []);
  const deadline = Date.now() + 15_000;
  await page.goto(`${baseUrl}/_dev/mails`);
  let href: string | undefined;
  for (;;) {
    href = (await mailLinksInOutbox(page, to)).find((link) => !seen.has(link));
    if (href) break;
    if (Date.now() > deadline) throw new Error(`Aucun nouveau courriel pour ${to} dans la boîte d’envoi locale`);
    await page.waitForTimeout(200);
    await page.reload();
  }
  if (options.audit) await expectAccessible(page);
  await page.locator(`a[href="${href}"]`).first().click();
  await page.waitForURL(/\/_dev\/mails\/[\w-]+$/);
  if (options.audit) await expectAccessible(page);
}

/** The links of the outbox's rows for mails to `to`, newest first (the outbox page must be open). */
async function mailLinksInOutbox(page: Page, to: string): Promise<string[]> {
  const links = await page.getByRole("row").filter({ hasText: to }).getByRole("link").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  return links.filter(Boolean);
}

/** From the sign-in form: asks for a link, follows it from the outbox and confirms; ends on the account page. */
export async function signInThroughOutbox(page: Page, baseUrl: string, email: string, options: { audit?: boolean } = {}): Promise<void> {
  await page.goto(`${baseUrl}/_dev/mails`);
  const seenBefore = await mailLinksInOutbox(page, email);
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel("Adresse électronique professionnelle").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await page.getByRole("heading", { level: 1, name: "Consultez votre messagerie" }).waitFor();
  if (options.audit) await expectAccessible(page);
  await openMailInOutbox(page, baseUrl, email, { ...options, seenBefore });
  await page.getByRole("link", { name: /\/connexion\/lien\?jeton=/ }).click();
  await page.getByRole("heading", { level: 1, name: "Confirmer la connexion" }).waitFor();
  if (options.audit) await expectAccessible(page);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await page.waitForURL(`${baseUrl}/compte`);
}
