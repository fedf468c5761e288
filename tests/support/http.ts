import assert from "node:assert/strict";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/** A cookie jar over app.inject(): follows our forms as a browser would (cookies + CSRF token). */
export class HttpSession {
  readonly cookies = new Map<string, string>();

  constructor(readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies) {
      if (cookie.value === "" || (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const response = await this.app.inject({ method: "GET", url, headers: { cookie: this.cookieHeader(), ...headers } });
    this.remember(response);
    return response;
  }

  /** Posts a form; `_csrf` is taken from the page at `formPage` unless given. */
  async post(url: string, fields: Record<string, string | string[]>, options: { formPage?: string; csrf?: string | null; headers?: Record<string, string> } = {}) {
    let csrf = options.csrf;
    if (csrf === undefined) csrf = csrfTokenIn((await this.get(options.formPage ?? url)).body);
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    if (csrf) body.set("_csrf", csrf);
    const response = await this.app.inject({
      method: "POST",
      url,
      payload: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader(), ...options.headers },
    });
    this.remember(response);
    return response;
  }

  /**
   * Posts a multipart form (fields and files) as a browser does; `_csrf` is taken from the page at
   * `formPage` unless given, like `post`.
   */
  async postMultipart(url: string, fields: Record<string, string>, files: Record<string, UploadField> = {}, options: { formPage?: string; csrf?: string | null } = {}) {
    let csrf = options.csrf;
    if (csrf === undefined) csrf = csrfTokenIn((await this.get(options.formPage ?? url)).body);
    const form = new FormData();
    if (csrf) form.append("_csrf", csrf);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const [name, file] of Object.entries(files)) {
      const bytes = typeof file.bytes === "string" ? file.bytes : new Uint8Array(file.bytes);
      form.append(name, new Blob([bytes], { type: file.type ?? "application/octet-stream" }), file.fileName);
    }
    const request = new Request("http://localhost/", { method: "POST", body: form });
    const payload = Buffer.from(await request.arrayBuffer());
    const response = await this.app.inject({ method: "POST", url, payload, headers: { "content-type": request.headers.get("content-type")!, cookie: this.cookieHeader() } });
    this.remember(response);
    return response;
  }
}

/** A file field of a multipart form: its name as the browser sends it, and its bytes. */
export type UploadField = { fileName: string; bytes: Buffer | string; type?: string };

/**
 * The response is the 401 or 403 page of the access or permission check, not the refusal of the form's
 * CSRF token or origin (also a 403): a test of a permission must not pass because its token was refused.
 */
export function assertRefusedByPermission(response: LightMyRequestResponse, status: 401 | 403) {
  assert.equal(response.statusCode, status, response.body.slice(0, 300));
  assert.doesNotMatch(response.body, /Le formulaire a expiré|Ce formulaire ne vient pas de ce site/, "refusé par le contrôle du formulaire (CSRF ou origine), pas par celui des droits");
}

export function csrfTokenIn(html: string): string | null {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
}
