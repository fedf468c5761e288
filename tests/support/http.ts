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
}

export function csrfTokenIn(html: string): string | null {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
}
