import fs from "node:fs";

/** A set of e-mail domains of public bodies; a subdomain of a listed domain counts too. */
export class PublicDomains {
  private readonly domains: Set<string>;

  constructor(domains: Iterable<string>) {
    this.domains = new Set([...domains].map((domain) => domain.trim().toLowerCase()).filter(Boolean));
  }

  static fromFile(path: string): PublicDomains {
    return new PublicDomains(fs.readFileSync(path, "utf8").split(/\r?\n/));
  }

  has(domain: string): boolean {
    const labels = domain.toLowerCase().split(".");
    for (let start = 0; start < labels.length - 1; start++) {
      if (this.domains.has(labels.slice(start).join("."))) return true;
    }
    return false;
  }

  get size(): number {
    return this.domains.size;
  }
}

/** A domain name as the programme team types it: lower-case labels, at least one dot. */
export const domainPattern = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** First nine digits of a SIRET are the SIREN of the legal unit. */
export function sirenOfSiret(siret: string | null | undefined): string | null {
  const digits = (siret ?? "").replace(/\s/g, "");
  return /^\d{14}$/.test(digits) ? digits.slice(0, 9) : null;
}
