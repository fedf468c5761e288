import type { EventKind } from "./event-kinds.ts";
import { parisInstant, parisWallTime } from "./recurrence.ts";

/**
 * The pure rules that turn an item of the old site (an event page, or a training of the trainings page)
 * into an event of the agenda: kind, title, times, description, links. No I/O: `imported-events.ts`
 * reads the season and writes the event.
 */

/** What the rules read of a content item (the content module's `ContentItem` has these fields). */
export type ImportedItem = {
  id: string;
  kind: string;
  slug: string;
  path: string;
  title: string;
  summary: string | null;
  body: string;
  date: Date | null;
  status: string;
  details: Record<string, unknown>;
};

export type ImportedSchedule = { startsAt: Date; endsAt: Date };

/** The old site wrote « problème ? » and « 10% » with an ordinary space or none: the non-breaking one French typography wants. */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([?!;:»])/g, "\u00a0$1")
    .replace(/« /g, "«\u00a0")
    .replace(/(\d) ?%/g, "$1\u00a0%");
}

/** « l'impact » → « l’impact »: the typographic apostrophe of French titles (the old site typed straight ones). */
export function frenchTitle(text: string): string {
  return frenchSpacing(text).replace(/(\p{L})'(?=\p{L})/gu, "$1’");
}

/** The kind of an event page, from the words of its title and tags (« clôture », « bootcamp »…); a training is a `formation`. */
export function importedEventKind(item: Pick<ImportedItem, "kind" | "title"> & { tags?: string[] }): EventKind {
  if (item.kind === "training") return "formation";
  const words = `${item.title} ${(item.tags ?? []).join(" ")}`.toLowerCase();
  if (/cl[ôo]ture/.test(words)) return "cloture";
  if (/bootcamp|lancement|rentr[ée]e/.test(words)) return "bootcamp";
  if (/webinaire|webinar/.test(words)) return "webinaire";
  if (/formation|tutoriel/.test(words)) return "formation";
  if (/convivial|afterwork|ap[ée]ro|pique-nique|d[ée]jeuner/.test(words)) return "convivial";
  return "atelier";
}

/** Playback addresses of the visio service end with the recording's start in milliseconds: the day of an undated training. */
export function recordingDay(url: string | undefined): string | null {
  const stamp = url ? /-(\d{13})$/.exec(url)?.[1] : undefined;
  return stamp ? parisWallTime(new Date(Number(stamp))).day : null;
}

const isoDate = (value: unknown): Date | null => {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/**
 * When an imported item took place, or null when its page does not say. An event page: its start and end
 * (an all-day event from 9 h to 18 h, Paris; two hours when the end is missing or not after the start).
 * A training: its day (from its paragraph, else from its recording's address) from 14 h to 15 h 30, Paris:
 * the trainings opened the afternoon workshops, and the page gives no times.
 */
export function importedSchedule(item: ImportedItem): ImportedSchedule | null {
  if (item.kind === "training") {
    const replayUrl = typeof item.details.replayUrl === "string" ? item.details.replayUrl : undefined;
    const day = item.date ? item.date.toISOString().slice(0, 10) : recordingDay(replayUrl);
    return day ? { startsAt: parisInstant(day, "14:00"), endsAt: parisInstant(day, "15:30") } : null;
  }
  const start = isoDate(item.details.startsAt) ?? item.date;
  if (!start) return null;
  const end = isoDate(item.details.endsAt);
  if (item.details.allDay === true) {
    const firstDay = parisWallTime(start).day;
    const lastDay = end && end > start ? parisWallTime(new Date(end.getTime() - 1)).day : firstDay;
    return { startsAt: parisInstant(firstDay, "09:00"), endsAt: parisInstant(lastDay < firstDay ? firstDay : lastDay, "18:00") };
  }
  return { startsAt: start, endsAt: end && end > start ? end : new Date(start.getTime() + 2 * 60 * 60 * 1000) };
}

/** The event's description: an event page's summary then its text; a training's paragraph. */
export function importedDescription(item: ImportedItem): string {
  const parts = item.kind === "training" ? [item.body] : [item.summary ?? "", item.body];
  return frenchSpacing(parts.map((part) => part.trim()).filter(Boolean).join("\n\n"));
}

/** A label for a training's other link: « Dépôt de code (GitHub) », « Site du cours »… */
export function resourceLabel(url: string): string {
  const host = new URL(url).hostname;
  if (host === "github.com" || host === "gitlab.com") return `Dépôt de code (${host === "github.com" ? "GitHub" : "GitLab"})`;
  if (host === "speakerdeck.com") return "Supports (Speaker Deck)";
  if (host.endsWith("github.io") || host.endsWith("gitlab.io")) return "Site du cours";
  return host.replace(/^www\./, "");
}

/** A training's links besides replay and slides; a recording's address among them belongs to another training (the old page's slip): left out. */
export function importedResources(item: ImportedItem): { label: string; url: string }[] {
  const urls = Array.isArray(item.details.resourceUrls) ? item.details.resourceUrls.filter((url): url is string => typeof url === "string") : [];
  return urls.filter((url) => URL.canParse(url) && !url.includes("/playback/")).map((url) => ({ label: resourceLabel(url), url }));
}
