import type { BadgeKind } from "../../../../ui/badge.tsx";
import { formatDate, formatHour } from "../../../../shared/french-date.ts";
import { type ContentKind, type ContentStatus, isPubliclyVisible, kindLabels } from "../../domain/content-item.ts";

/** « Actualité », « Page »… */
export function kindLabel(kind: ContentKind): string {
  const label = kindLabels[kind].one;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The button that creates an item of each kind. */
export const newItemLabels: Record<ContentKind, string> = {
  news: "Nouvelle actualité",
  page: "Nouvelle page",
  project: "Nouveau projet",
  event: "Nouvel événement",
  training: "Nouvelle formation",
};

/** « Publié », « Brouillon » or « Programmé le 3 mars 2027 à 9 h », with the badge colour that goes with it. */
export function statusLabel(item: { status: ContentStatus; publishAt: Date | null }, now: Date): { label: string; kind: BadgeKind } {
  if (item.status === "draft") return { label: "Brouillon", kind: "warning" };
  if (isPubliclyVisible(item, now)) return { label: "Publié", kind: "success" };
  return { label: `Programmé le ${formatDate(item.publishAt!)} à\u00a0${formatHour(item.publishAt!)}`, kind: "info" };
}
