import { decodeEntities } from "../../../shared/html-text.ts";

/** What the platform offers instead of an outside form or registration service. */
export const formReplacements = {
  joining: { label: "le parcours «\u00a0Rejoindre la communauté\u00a0»", href: "/rejoindre/inscription" },
  call: { label: "l’appel à projets", href: "/appel-a-projets" },
  registration: { label: "l’inscription aux événements de l’agenda", href: "/evenements" },
  newsletter: { label: "la lettre d’information du programme, envoyée par la plateforme", href: null },
  undecided: { label: "une page de la plateforme à choisir (rejoindre, appel à projets, agenda ou contact)", href: null },
} as const satisfies Record<string, { label: string; href: string | null }>;

export type FormReplacement = keyof typeof formReplacements;

/** A link of an imported page to an outside form or registration service the platform replaces. */
export type ReplacedForm = { url: string; service: string; replacement: FormReplacement };

type Service = { name: string; kind: "form" | "registration" | "newsletter"; matches: (url: URL) => boolean };

const hostIs = (url: URL, ...domains: string[]) => domains.some((domain) => url.hostname === domain || url.hostname.endsWith(`.${domain}`));

/** Outside services the old sites used for questionnaires, event registration and newsletter sign-up. */
const services: Service[] = [
  { name: "Framaforms", kind: "form", matches: (url) => hostIs(url, "framaforms.org", "yakforms.org") },
  { name: "Google Forms", kind: "form", matches: (url) => hostIs(url, "forms.gle") || (hostIs(url, "docs.google.com") && url.pathname.startsWith("/forms")) },
  { name: "Microsoft Forms", kind: "form", matches: (url) => hostIs(url, "forms.office.com", "forms.microsoft.com") },
  { name: "Typeform", kind: "form", matches: (url) => hostIs(url, "typeform.com") },
  { name: "Tally", kind: "form", matches: (url) => hostIs(url, "tally.so") },
  { name: "Jotform", kind: "form", matches: (url) => hostIs(url, "jotform.com") },
  { name: "Eventbrite", kind: "registration", matches: (url) => /(^|\.)eventbrite\.[a-z.]+$/.test(url.hostname) },
  { name: "Weezevent", kind: "registration", matches: (url) => hostIs(url, "weezevent.com") },
  { name: "Billetweb", kind: "registration", matches: (url) => hostIs(url, "billetweb.fr") },
  { name: "Meetup", kind: "registration", matches: (url) => hostIs(url, "meetup.com") },
  { name: "Brevo (Sendinblue)", kind: "newsletter", matches: (url) => hostIs(url, "sibforms.com", "sendinblue.com", "brevo.com") },
  { name: "Mailchimp", kind: "newsletter", matches: (url) => hostIs(url, "list-manage.com", "eepurl.com", "mailchi.mp") },
  { name: "Mailjet", kind: "newsletter", matches: (url) => hostIs(url, "mailjet.com", "mjt.lu") },
];

const subscribing = /inscri|abonn|subscri/i;
const newsletterWords = /newsletter|infolettre|lettre[\s_-]+d[’'\s_-]*info/i;

/** Joining, a call for ideas, an event: what an outside questionnaire was for, from its link's words and the page's path. */
function purposeOf(words: string): FormReplacement | null {
  if (newsletterWords.test(words) && subscribing.test(words)) return "newsletter";
  if (/rejoindre|adh[ée]r|positionnement|candidat|communaut|v(?:oe|œ)ux|devenir[\s_-]+membre/i.test(words)) return "joining";
  if (/id[ée]es?\b|id[ée]es?[\s_-]|appel|d[ée]fis?\b|propos|projet/i.test(words)) return "call";
  if (/inscription|billet|[ée]v[ée]nement|webinaire|atelier|bootcamp|formation/i.test(words)) return "registration";
  return null;
}

function parsedUrl(href: string): URL | null {
  try {
    const url = new URL(decodeEntities(href.trim()));
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

function safelyDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The words just before a link in its paragraph (« Proposez une idée par [le formulaire](…) »): they say what it is for. */
function lead(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 120), index);
  return before.slice(before.search(/\n\s*\n(?![\s\S]*\n\s*\n)/) + 1).replace(/<[^>]*>/g, " ");
}

const markdownLink = /\[([^\]]*)\]\(\s*<?(https?:\/\/[^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const htmlLink = /<a\b[^>]*\bhref\s*=\s*(["'])(https?:\/\/[^"']+)\1[^>]*>([\s\S]*?)<\/a\s*>/gi;

/** Every link of a Markdown or HTML text with its words and those before it: `[texte](url)`, `<a href="url">texte</a>`, bare addresses. */
function linksOf(text: string): { url: string; words: string }[] {
  const links: { url: string; words: string }[] = [];
  for (const match of text.matchAll(markdownLink)) links.push({ url: match[2]!, words: `${lead(text, match.index)} ${match[1]!}` });
  const withoutMarkdown = text.replace(markdownLink, (whole) => " ".repeat(whole.length));
  for (const match of withoutMarkdown.matchAll(htmlLink)) links.push({ url: match[2]!, words: `${lead(withoutMarkdown, match.index)} ${match[3]!.replace(/<[^>]*>/g, " ")}` });
  const rest = withoutMarkdown.replace(htmlLink, (whole) => " ".repeat(whole.length));
  for (const match of rest.matchAll(/(?<![("'=\w])https?:\/\/[^\s)<>"'\]]+/g)) links.push({ url: match[0].replace(/[.,;:!?]+$/, ""), words: lead(rest, match.index) });
  return links;
}

/**
 * The links of an imported page (its body, summary and registration address) to an outside form or
 * registration service that the platform now replaces, each with what replaces it: Framaforms, Google or
 * Microsoft Forms, Typeform… (joining, call for projects, registration, by the link's words and the page's
 * path), Eventbrite and other ticketing (agenda registration), hosted newsletter forms (Brevo `sibforms`,
 * Mailchimp `list-manage`…, or any outside link that says « s’inscrire à la newsletter »).
 */
export function findReplacedForms(page: { path: string; texts: (string | null | undefined)[]; registrationUrl?: string | null | undefined }): ReplacedForm[] {
  const links = page.texts.flatMap((text) => (text ? linksOf(text) : []));
  if (page.registrationUrl) links.push({ url: page.registrationUrl, words: "inscription à l’événement" });
  const found = new Map<string, ReplacedForm>();
  for (const link of links) {
    const url = parsedUrl(link.url);
    if (!url || found.has(url.href)) continue;
    const words = decodeEntities(`${link.words} ${safelyDecoded(url.pathname).replace(/[-_/]+/g, " ")}`);
    const service = services.find((candidate) => candidate.matches(url));
    if (service) {
      const replacement = service.kind === "newsletter" ? "newsletter" : service.kind === "registration" ? "registration" : (purposeOf(words) ?? purposeOf(page.path) ?? "undecided");
      found.set(url.href, { url: url.href, service: service.name, replacement });
    } else if (newsletterWords.test(words) && subscribing.test(words)) {
      found.set(url.href, { url: url.href, service: `formulaire de lettre d’information hébergé (${url.hostname})`, replacement: "newsletter" });
    }
  }
  return [...found.values()];
}
