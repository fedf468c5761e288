import { createHash } from "node:crypto";

const nonceMarker = "\u0000nonce\u0000";

type Entry = { parts: string[]; etag: string; storedAt: number };

/**
 * Rendered HTML of pages that are the same for every anonymous visitor.
 * The CSP nonce is replaced per response. Invalidated on write (`clear`) and after `ttlMs`,
 * so several processes converge without shared state.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 500,
  ) {}

  store(url: string, html: string, nonce: string): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const parts = nonce ? html.split(nonce) : [html];
    const etag = `W/"${createHash("sha1").update(parts.join(nonceMarker)).digest("base64url")}"`;
    this.entries.set(url, { parts, etag, storedAt: Date.now() });
  }

  find(url: string, nonce: string): { html: string; etag: string } | null {
    const entry = this.entries.get(url);
    if (!entry) return null;
    if (Date.now() - entry.storedAt > this.ttlMs) {
      this.entries.delete(url);
      return null;
    }
    return { html: entry.parts.join(nonce), etag: entry.etag };
  }

  clear(): void {
    this.entries.clear();
  }
}
