import assert from "node:assert/strict";
import { createServer, type AddressInfo } from "node:net";
import { after, before } from "node:test";
import axe from "axe-core";
import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from "playwright-core";
import { startTestPlatform, type TestPlatform } from "./test-platform.ts";
import type { Clock } from "../../src/shared/clock.ts";

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
export async function startServedPlatform(options: { port: number; publicUrl: string; config?: Record<string, string>; directoryBroadSearchAbove?: number; clock?: Clock }): Promise<ServedPlatform> {
  const platform = await startTestPlatform({
    config: { ...options.config, PUBLIC_URL: options.publicUrl },
    ...(options.clock ? { clock: options.clock } : {}),
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
  options: { config?: Record<string, string>; prepare?: (platform: ServedPlatform) => Promise<void>; directoryBroadSearchAbove?: number; clock?: Clock } = {},
): ServedBrowser {
  let platform: ServedPlatform | undefined;
  let browser: Browser | undefined;
  before(async () => {
    platform = await startServedPlatform({
      ...(await reservePublicUrl()),
      config: options.config,
      ...(options.clock ? { clock: options.clock } : {}),
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

type PageWatch = { origin: string; problems: string[]; expectedErrorDocuments: Set<string> };

/**
 * Runs `journey` in a fresh browser context (no cookies), then fails if a page of the platform logged a
 * console error (CSP violations are console errors), threw, or answered a 5xx document. Every page of the
 * platform the journey opens is audited with axe-core (see `auditEveryPage`): the journey's page is a
 * wrapper that runs the pending audit before each action, and the last page is audited at the end.
 */
export async function withPage(
  browser: Browser,
  baseUrl: string,
  journey: (page: Page) => Promise<void>,
  options: {
    viewport?: { width: number; height: number };
    javaScriptEnabled?: boolean;
    /** Addresses whose page leaves by itself (a script navigates), so cannot be audited: say which. */
    leavesByItself?: RegExp;
  } = {},
): Promise<void> {
  const javaScriptEnabled = options.javaScriptEnabled ?? true;
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: "fr-FR",
    colorScheme: "light",
    viewport: options.viewport ?? { width: 1280, height: 900 },
    javaScriptEnabled,
  });
  context.setDefaultTimeout(10_000);
  const watch: PageWatch = { origin: new URL(baseUrl).origin, problems: [], expectedErrorDocuments: new Set() };
  const audits = auditEveryPage(context, watch.origin, javaScriptEnabled, options.leavesByItself);
  const page = await context.newPage();
  page.on("response", (response) => {
    const request = response.request();
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
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
    await journey(audited(page, audits));
    await audits.flush();
    if (audits.unaudited.length > 0) assert.fail(`Pages quittées avant leur audit d’accessibilité (sans action du test entre leur chargement et le départ) :\n${audits.unaudited.join("\n")}`);
  } catch (error) {
    // A 500 or a CSP error often explains why a step then timed out: report them with the failure.
    if (watch.problems.length === 0) throw error;
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\nRelevé aussi dans le navigateur :\n${watch.problems.join("\n")}`, { cause: error });
  } finally {
    auditTimes.set(context, audits.milliseconds);
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

/** The audits of one browser context: each page's document waiting for its audit, and what was found. */
type Audits = {
  /** Audits every page whose new document was not audited yet; throws with the violations found. */
  flush(): Promise<void>;
  /** While set, navigations (a polling loop's reloads) are not reported as pages left unaudited. */
  polling: boolean;
  /** Documents replaced by another before any action of the test could have them audited. */
  unaudited: string[];
  milliseconds: number;
};

const auditTimes = new WeakMap<BrowserContext, number>();
const contextAudits = new WeakMap<BrowserContext, Audits>();

/**
 * Queues an audit each time a page of the context commits a new document of the platform (main frame): axe-core
 * with the WCAG 2.0 and 2.1 A and AA rules, in the light theme, then in the dark one on the same loaded
 * page (DSFR follows the system: data-fr-scheme="system", switched live by `emulateMedia`). The queue is
 * flushed before the journey's next action (click, fill, goto…) and at its end, so the audit sees the page
 * as it was delivered, before the test types into it. Without JavaScript, DSFR shows only its light theme
 * and axe cannot run in the page: such contexts are not audited (the same pages are audited with it).
 */
function auditEveryPage(context: BrowserContext, origin: string, javaScriptEnabled: boolean, leavesByItself: RegExp | undefined): Audits {
  const pending = new Map<Page, string>();
  const audits: Audits = {
    polling: false,
    unaudited: [],
    milliseconds: 0,
    async flush() {
      for (const [page, url] of [...pending]) {
        pending.delete(page);
        if (page.isClosed()) continue;
        const started = Date.now();
        try {
          await auditPage(page, url);
        } finally {
          audits.milliseconds += Date.now() - started;
        }
      }
    },
  };
  const watchPage = (page: Page) => {
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame() || !javaScriptEnabled) return;
      const url = frame.url();
      const waiting = pending.get(page);
      // A new address (not only a new #fragment) while the previous document still waits for its audit.
      const left = waiting !== undefined && withoutFragment(waiting) !== withoutFragment(url);
      if (left && !audits.polling && !leavesByItself?.test(waiting)) audits.unaudited.push(waiting);
      if (new URL(url).origin === origin) pending.set(page, url);
      else pending.delete(page);
    });
    page.on("close", () => pending.delete(page));
  };
  context.on("page", watchPage);
  contextAudits.set(context, audits);
  return audits;
}

function withoutFragment(url: string): string {
  return url.replace(/#.*$/, "");
}

const auditedMarker = "__axeAudited";

async function auditPage(page: Page, url: string): Promise<void> {
  await page.waitForLoadState("load");
  // A #fragment navigation keeps the document: audited once is enough. A download or a JSON answer is no page.
  const state = await page.evaluate((marker) => ({ audited: marker in window, html: document.contentType === "text/html" }), auditedMarker);
  if (state.audited || !state.html) return;
  // Evaluated through the DevTools protocol: our CSP rightly forbids injecting an inline <script>.
  await page.evaluate(`${axe.source};window.${auditedMarker}=true;void 0`);
  try {
    await setScheme(page, "light");
    await runAxe(page, "clair");
    await setScheme(page, "dark");
    await runAxe(page, "sombre");
  } finally {
    await setScheme(page, "light").catch(() => {});
  }
  if (withoutFragment(page.url()) !== withoutFragment(url)) throw new Error(`${url} a été quittée pendant son audit d’accessibilité`);
}

/** The system's colour scheme, which DSFR's data-fr-scheme="system" follows live (no reload: a posted form's answer stays). */
async function setScheme(page: Page, scheme: "light" | "dark"): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page
    .waitForFunction((expected) => document.documentElement.getAttribute("data-fr-theme") === expected, scheme, { timeout: 5_000 })
    .catch(() => assert.fail(`le thème ${scheme === "dark" ? "sombre" : "clair"} du système n’est pas appliqué sur ${page.url()}`));
}

async function runAxe(page: Page, scheme: "clair" | "sombre"): Promise<void> {
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

/** The methods that act on a page (and may leave it): the pending audits run before them. */
const actions = new Set([
  "goto", "reload", "goBack", "goForward", "setContent", "close", "setViewportSize", "emulateMedia",
  "click", "dblclick", "tap", "fill", "clear", "press", "pressSequentially", "type", "check", "uncheck", "setChecked",
  "selectOption", "selectText", "setInputFiles", "hover", "focus", "blur", "dragTo", "dispatchEvent",
  "down", "up", "insertText", "move", "wheel",
]);
// Their class names as bundled in playwright-core (`_Page`, `Keyboard2`…): the client does not export the classes.
const wrappedClasses = /^_?(Page|Locator|FrameLocator|BrowserContext|Keyboard|Mouse|Touchscreen)\d*$/;
const targets = new WeakMap<object, object>();

/** The journey's view of a Playwright object: its actions first flush the context's pending audits. */
function audited<T extends object>(target: T, audits: Audits): T {
  const proxy = new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== "function") return wrapResult(value, audits);
      return (...args: unknown[]) => {
        const call = () => wrapResult((value as (...parameters: unknown[]) => unknown).apply(object, args.map(unwrapArgument)), audits);
        return typeof property === "string" && actions.has(property) ? audits.flush().then(call) : call();
      };
    },
  });
  targets.set(proxy, target);
  return proxy;
}

function wrapResult(value: unknown, audits: Audits): unknown {
  if (value instanceof Promise) return value.then((resolved: unknown) => wrapResult(resolved, audits));
  if (typeof value === "object" && value !== null && !targets.has(value) && wrappedClasses.test(value.constructor.name)) return audited(value, audits);
  return value;
}

/** Playwright receives its own objects, also inside an options object (`{ has: locator }`). */
function unwrapArgument(argument: unknown): unknown {
  if (typeof argument !== "object" || argument === null) return argument;
  const target = targets.get(argument);
  if (target) return target;
  if (Object.getPrototypeOf(argument) !== Object.prototype) return argument;
  return Object.fromEntries(Object.entries(argument).map(([key, value]) => [key, targets.get(value as object) ?? value]));
}

/** The milliseconds a finished `withPage` journey spent in accessibility audits (to time the journey itself). */
export function auditTime(page: Page): number {
  const context = (targets.get(page) as Page | undefined)?.context() ?? page.context();
  return auditTimes.get(context) ?? contextAudits.get(context)?.milliseconds ?? 0;
}

/** Reloads `page` until `found` returns something, without auditing (nor reporting) each intermediate reload. */
async function pollByReloading<T>(page: Page, found: () => Promise<T | undefined>, failure: string): Promise<T> {
  const raw = (targets.get(page) as Page | undefined) ?? page;
  const audits = contextAudits.get(raw.context());
  const deadline = Date.now() + 15_000;
  if (audits) audits.polling = true;
  try {
    for (;;) {
      const value = await found();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(failure);
      await raw.waitForTimeout(200);
      await raw.reload();
    }
  } finally {
    if (audits) audits.polling = false;
  }
}

/** Opens the newest mail sent to `to` in the local outbox (/_dev/mails), waiting for the job worker to deliver it. */
export async function openMailInOutbox(page: Page, baseUrl: string, to: string, options: { seenBefore?: readonly string[] } = {}): Promise<void> {
  // The newest mail to `to` that was not there before (`seenBefore`: the outbox's links for `to` earlier): an
  // older mail to the same address (a reminder, a previous link) must not stand for the one awaited.
  const seen = new Set(options.seenBefore ?? []);
  await page.goto(`${baseUrl}/_dev/mails`);
  const href = await pollByReloading(
    page,
    async () => (await mailLinksInOutbox(page, to)).find((link) => !seen.has(link)),
    `Aucun nouveau courriel pour ${to} dans la boîte d’envoi locale`,
  );
  await page.locator(`a[href="${href}"]`).first().click();
  await page.waitForURL(/\/_dev\/mails\/[\w-]+$/);
}

/** The links of the outbox's rows for mails to `to`, newest first (the outbox page must be open). */
async function mailLinksInOutbox(page: Page, to: string): Promise<string[]> {
  const links = await page.getByRole("row").filter({ hasText: to }).getByRole("link").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  return links.filter(Boolean);
}

/** From the sign-in form: asks for a link, follows it from the outbox and confirms; ends on the account page. */
export async function signInThroughOutbox(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/_dev/mails`);
  const seenBefore = await mailLinksInOutbox(page, email);
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel("Adresse électronique professionnelle").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien de connexion" }).click();
  await page.getByRole("heading", { level: 1, name: "Consultez votre messagerie" }).waitFor();
  await openMailInOutbox(page, baseUrl, email, { seenBefore });
  await page.getByRole("link", { name: /\/connexion\/lien\?jeton=/ }).click();
  await page.getByRole("heading", { level: 1, name: "Confirmer la connexion" }).waitFor();
  await page.getByRole("button", { name: "Me connecter" }).click();
  await page.waitForURL(`${baseUrl}/compte`);
}
