import { slugify } from "../domain/content-item.ts";
import { findFrenchDate } from "./french-dates.ts";

export type SplitTraining = {
  season: number;
  /** 1, 2… within its season, in the page's order: part of the item's source key. */
  position: number;
  slug: string;
  title: string;
  body: string;
  date: Date | null;
  details: { season: number; trainers?: string; replayUrl?: string; slidesUrl?: string; resourceUrls: string[] };
};

const seasonHeading = /^#{1,6}\s+Saison\s+(\d{4})\s*$/i;
const markdownLink = /\[([^\]]*)\]\((https?:\/\/[^)\s]+)(?:\s+"[^"]*")?\)/g;
const bareUrl = /(?<![(\w])https?:\/\/[^\s)<>\]]+/g;

function firstSentence(text: string): string {
  const plain = text.replace(markdownLink, "$1").replace(/[*_`]/g, "").replace(/\s+/g, " ").trim();
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(plain)?.[1] ?? plain;
  return sentence.replace(/\.$/, "").trim();
}

function titleOf(paragraph: string): string {
  const bold = /\*\*([^*]+)\*\*|__([^_]+)__/.exec(paragraph);
  // Without bold text, the first sentence without who gave it: « Une formation à X a été donnée par Y » → « Formation à X ».
  const raw = bold
    ? (bold[1] ?? bold[2]!)
    : firstSentence(paragraph)
        .replace(/\s+(?:a été|ont été|donnée|animée|dispensée|par)\s[\s\S]*$/i, "")
        .replace(/^(?:une|un|la|le)\s+(?=formation)/i, "");
  const cleaned = raw.trim().replace(/^["«“\s]+|["»”\s]+$/g, "").trim();
  const title = cleaned.length > 200 ? `${cleaned.slice(0, 197).replace(/\s+\S*$/, "")}…` : cleaned;
  return title.charAt(0).toLocaleUpperCase("fr") + title.slice(1);
}

/** « donnée par Damien Dufourd le 14 mars », « animée par Olivier Levitt du SSP Datalab » → the names. */
function trainersOf(paragraph: string): string | undefined {
  const plain = paragraph.replace(markdownLink, "$1").replace(/[*_]/g, "").replace(/\s+/g, " ");
  const match = /(?:donn|anim|dispens|présent|assur)ée?s?\s+par\s+(.+)/i.exec(plain) ?? /\bpar\s+(.+)/i.exec(firstSentence(paragraph));
  if (!match) return undefined;
  const firstNames = (text: string) => text.split(/,|:|\.(?:\s|$)|\s+(?:le|du|de|des|lors|à|au|en)\s/)[0]!.trim();
  // « donnée par Lino Galiana, en collaboration avec Romain Avouac, le 30 mars » names both.
  const partner = /en collaboration avec\s+(.+)/i.exec(plain);
  const names = [firstNames(match[1]!), partner ? firstNames(partner[1]!) : ""].filter(Boolean).join(" et ");
  return names.length > 0 && names.length <= 120 ? names : undefined;
}

function linksOf(paragraph: string): { text: string; url: string }[] {
  const links = [...paragraph.matchAll(markdownLink)].map((match) => ({ text: match[1]!, url: match[2]! }));
  const withoutLinks = paragraph.replace(markdownLink, "");
  const bare = [...withoutLinks.matchAll(bareUrl)].map((match) => ({ text: "", url: match[0].replace(/[.,;]+$/, "") }));
  return [...links, ...bare];
}

const isTraining = (paragraph: string) => /formation|replay|atelier/i.test(paragraph) && paragraph.trim().length > 40;

/**
 * The old trainings page wrote every training as a paragraph under a « Saison YYYY » heading: each becomes
 * a training with its trainers, replay, slides and other links. What precedes the first season stays the page's text.
 */
export function splitTrainings(body: string): { introduction: string; trainings: SplitTraining[] } {
  const lines = body.split(/\r?\n/);
  const introduction: string[] = [];
  const seasons: { season: number; lines: string[] }[] = [];
  for (const line of lines) {
    const heading = seasonHeading.exec(line);
    if (heading) seasons.push({ season: Number(heading[1]), lines: [] });
    else if (seasons.length > 0) seasons.at(-1)!.lines.push(line);
    else introduction.push(line);
  }
  const trainings: SplitTraining[] = [];
  const slugs = new Set<string>();
  for (const { season, lines: seasonLines } of seasons) {
    const paragraphs = seasonLines.join("\n").split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(isTraining);
    paragraphs.forEach((paragraph, index) => {
      const title = titleOf(paragraph);
      let slug = slugify(title, 70);
      if (slugs.has(slug)) slug = `${slug}-${season}`;
      for (let suffix = 2; slugs.has(slug); suffix += 1) slug = `${slugify(title, 70)}-${season}-${suffix}`;
      slugs.add(slug);
      const links = linksOf(paragraph);
      const replay = links.find((link) => /replay/i.test(link.text)) ?? links.find((link) => /bbb-|\/playback\//i.test(link.url));
      const slides = links.find((link) => link !== replay && /support|présentation|presentation/i.test(link.text)) ?? links.find((link) => link !== replay && /speakerdeck\.com/i.test(link.url));
      const resourceUrls = [...new Set(links.filter((link) => link !== replay && link !== slides).map((link) => link.url))];
      const trainers = trainersOf(paragraph);
      trainings.push({
        season,
        position: index + 1,
        slug,
        title,
        body: paragraph,
        date: findFrenchDate(paragraph, season),
        details: {
          season,
          ...(trainers ? { trainers } : {}),
          ...(replay ? { replayUrl: replay.url } : {}),
          ...(slides ? { slidesUrl: slides.url } : {}),
          resourceUrls,
        },
      });
    });
  }
  return { introduction: introduction.join("\n").trim(), trainings };
}
