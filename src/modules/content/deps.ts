import type { Database } from "../../db/client.ts";
import type { PageCache } from "../../http/page-cache.ts";
import type { Clock } from "../../shared/clock.ts";
import type { ImportedAgenda } from "./import/import-content.ts";
import type { MediaStorage } from "./media/media-storage.ts";

/** What the content module's routes need from the composition root. */
export type ContentDeps = {
  db: Database;
  clock: Clock;
  pageCache: PageCache;
  media: MediaStorage;
  publicUrl: string;
  /** The running season and its phase for the home page, given by the composition root (the seasons module); absent in isolation. */
  currentSeason?: ((now: Date) => Promise<HomeSeason | null>) | undefined;
  /** The agenda for the home page (the events module): next events and how many events and trainings; absent in isolation. */
  homeAgenda?: HomeAgenda | undefined;
  /** The importer's agenda hook (the events module's `createImportedAgenda`): imported events and trainings become agenda events; absent in isolation. */
  agenda?: ImportedAgenda | undefined;
  /** The exact addresses the platform's routes serve (`site/platform-addresses.ts`); set by `registerContentRoutes`. */
  platformAddresses?: ReadonlySet<string> | undefined;
};

/** An upcoming event on the home page: « Atelier », « Mardi 8 décembre 2026, 14 h – 17 h 30 », « BercyLab et en ligne ». */
export type HomeEvent = { id: string; href: string; title: string; kind: string; when: string; where: string | null };
export type HomeAgenda = { upcoming(now: Date): Promise<HomeEvent[]>; figures(): Promise<{ events: number; trainings: number }> };

/** « Saison 2024 », « Phase en cours : construction, jusqu’au 30 juin. » and the season's page. */
export type HomeSeason = { title: string; text: string; href: string; /** Set while a call for projects is open. */ callHref?: string | undefined };
