import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pageContext, sendPage } from "../../http/render.tsx";
import { NotFoundError } from "../../shared/domain-error.ts";
import { ContentEventPage, ContentLead, ContentTrainingPage, findPublicItem, findPublicItemByPath, findRedirectTarget, renderMarkdown } from "../content/api.ts";
import { hasPermission } from "../identity/api.ts";
import { canSeeProfile, type ProfileVisibility } from "../people/api.ts";
import { listSeasons } from "../seasons/api.ts";
import { findEventContext, findEventForContentPath, findMinistryOfUser, listAttendeesOfMinistry, listEvents } from "./agenda-repository.ts";
import type { EventsDeps } from "./deps.ts";
import { attendanceModeLabels, type EventKind, isEventKind } from "./domain/event-kinds.ts";
import { type EventRecord, findEventBySlug } from "./repository.ts";
import { AgendaPage, type AgendaFilter, EventPage, type MinistryAttendance, type TrainingGroup, TrainingsPage } from "./views/agenda-pages.tsx";
import { loadRegistrationPanel, RegistrationPanel } from "./views/registration-panel.tsx";

/** Event pages show places left and, to members, who is coming: never cached. `/formations` is the same for every visitor. */
const publicPage = { access: "public" } as const;
const cachedPublicPage = { access: "public", cacheForAnonymous: true } as const;
const slugPattern = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

function queryValue(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
}

function isPlausibleSlug(slug: string): boolean {
  return slug.length <= 120 && slugPattern.test(slug);
}

/** Old addresses are matched whatever their case: `/formations/Machine-Learning-Ops` is the lower-case one (slugs are lower case). */
function lowerCaseAddress(reply: FastifyReply, section: string, slug: string): FastifyReply | null {
  const lower = slug.toLowerCase();
  return lower !== slug && isPlausibleSlug(lower) ? reply.redirect(`${section}/${lower}`, 301) : null;
}

const agendaLead = "Les ateliers tous les quinze jours, les formations, les bootcamps de lancement, les webinaires et la clôture de chaque saison. Les membres s’inscrivent sur place ou à distance\u00a0; certains événements sont ouverts à tous.";
const trainingsLead = "Les formations proposées aux membres du Programme 10\u00a0%, saison par saison, avec leurs intervenants, leurs replays et leurs supports.";

/**
 * The agenda: `/evenements` (to come and past, filters `type` and `saison` in the address), an event's page,
 * `/formations` (trainings by season with replays); old content addresses of events and trainings lead to
 * the matching event (301) or still show the old page.
 */
export function registerAgendaRoutes(app: FastifyInstance, deps: EventsDeps) {
  const { db, clock } = deps;
  const share = (path: string) => ({ url: new URL(path, deps.publicUrl).href, type: "website" as const });

  async function leadOf(path: string, fallback: string, now: Date) {
    const intro = await findPublicItemByPath(db, path, now);
    return <ContentLead summary={intro?.summary?.trim() ? intro.summary : fallback} />;
  }

  app.get("/evenements", { config: publicPage }, async (request, reply) => {
    const now = clock.now();
    const seasons = await listSeasons(db);
    const kindText = queryValue(request, "type");
    const seasonText = queryValue(request, "saison");
    // Unknown filter values are ignored, as if absent (a shared link stays useful).
    const kind: EventKind | null = kindText && isEventKind(kindText) ? kindText : null;
    const season = seasonText ? (seasons.find((candidate) => candidate.slug === seasonText) ?? null) : null;
    const filter: AgendaFilter = { kind, season: season ? { slug: season.slug, name: season.name } : null };
    const all = await listEvents(db, { kind: kind ?? undefined, seasonId: season?.id }, "asc");
    const upcoming = all.filter((event) => event.endsAt > now);
    const past = all.filter((event) => event.endsAt <= now).reverse();
    const query = new URLSearchParams();
    if (kind) query.set("type", kind);
    if (season) query.set("saison", season.slug);
    return sendPage(
      reply,
      <AgendaPage
        context={pageContext(request, reply)}
        share={share(query.size > 0 ? `/evenements?${query}` : "/evenements")}
        lead={await leadOf("/evenements", agendaLead, now)}
        filter={filter}
        seasons={seasons.map(({ slug, name }) => ({ slug, name }))}
        upcoming={upcoming}
        past={past}
        now={now}
      />,
    );
  });

  /** « Qui vient de mon ministère »: confirmed members of the viewer's ministry whose profile the viewer may see (people's rule). */
  async function ministryAttendance(request: FastifyRequest, event: EventRecord): Promise<MinistryAttendance | null> {
    const user = request.user;
    if (!user || !hasPermission(user, "read:event-attendees") || event.status === "cancelled") return null;
    const ministry = await findMinistryOfUser(db, user.id);
    if (!ministry) return { kind: "no_ministry" };
    const viewer = { id: user.id, canSeeHiddenProfiles: hasPermission(user, "read:hidden-profile:any") };
    const attendees = await listAttendeesOfMinistry(db, event.id, ministry.id);
    const people = attendees.flatMap((attendee) => {
      const profile = attendee.profile;
      const audience = { userId: attendee.userId, visibility: (profile?.visibility ?? "programme_team") as ProfileVisibility, joined: profile?.joined ?? false, erased: false };
      // Without a profile nobody may see, the person is not listed (a member who hid their profile is never named to members).
      if (!canSeeProfile(viewer, audience) && !(viewer.canSeeHiddenProfiles && !profile)) return [];
      const name = [attendee.givenName, attendee.usualName].filter(Boolean).join(" ") || attendee.email;
      return [
        {
          name,
          href: profile ? `/annuaire/${profile.slug}` : null,
          mode: attendanceModeLabels[attendee.mode],
          isViewer: attendee.userId === user.id,
          hiddenFromMembers: viewer.canSeeHiddenProfiles && (!profile || profile.visibility !== "members" || !profile.joined),
        },
      ];
    });
    return { kind: "list", ministry: ministry.name, people };
  }

  /** The visio link: given to people with a confirmed seat and to the programme team, announced to the others. */
  function visioFor(request: FastifyRequest, event: EventRecord, liveStatus: string | null): { url: string } | { hiddenBecause: string } | null {
    if (event.status === "cancelled") return null;
    if (!event.visioUrl) return event.remoteCapacity !== null ? { hiddenBecause: "Le lien sera envoyé aux personnes inscrites à distance." } : null;
    const user = request.user;
    if (user && hasPermission(user, "manage:event:any")) return { url: event.visioUrl };
    if (user && liveStatus === "confirmed") return { url: event.visioUrl };
    return { hiddenBecause: "Envoyé aux personnes inscrites avec la confirmation, et affiché ici pour elles." };
  }

  async function sendEventPage(request: FastifyRequest, reply: FastifyReply, event: EventRecord) {
    const now = clock.now();
    const context = await findEventContext(db, event);
    const loaded = await loadRegistrationPanel(deps, event, request);
    // A cancelled event offers no place: the page says « Annulé » (with its reason), never places left.
    const panel = event.status === "cancelled" ? { ...loaded, modes: [] } : loaded;
    return sendPage(
      reply,
      <EventPage
        context={pageContext(request, reply)}
        share={share(`/evenements/${event.slug}`)}
        event={event}
        season={context.season}
        projects={context.projects}
        audienceProject={event.audience === "project" ? context.audienceProject : null}
        descriptionHtml={event.description.trim() ? renderMarkdown(event.description, { topLevel: 3 }) : ""}
        visio={visioFor(request, event, loaded.viewer.kind === "member" ? (loaded.viewer.registration?.status ?? null) : null)}
        registration={<RegistrationPanel model={panel} />}
        attendance={await ministryAttendance(request, event)}
        now={now}
        teamLinks={Boolean(request.user && hasPermission(request.user, "manage:event:any"))}
      />,
    );
  }

  /** An old content address: the matching event (301), else the content page as it was, else its redirect, else 404. */
  async function oldContentAddress(reply: FastifyReply, request: FastifyRequest, kind: "event" | "training", slug: string) {
    const path = `${kind === "event" ? "/evenements" : "/formations"}/${slug}`;
    const item = await findPublicItem(db, kind, slug, clock.now());
    const matching = await findEventForContentPath(db, path, slug, item?.id);
    if (matching) return reply.redirect(`/evenements/${matching.slug}`, 301);
    if (item) {
      const Page = kind === "event" ? ContentEventPage : ContentTrainingPage;
      return sendPage(reply, <Page context={pageContext(request, reply)} share={share(item.path)} item={item} />);
    }
    const target = await findRedirectTarget(db, path);
    if (target && target.startsWith("/") && !target.startsWith("//") && target !== path) return reply.redirect(target, 301);
    throw new NotFoundError("Cet événement n’existe pas ou a été déplacé.");
  }

  app.get<{ Params: { slug: string } }>("/evenements/:slug", { config: publicPage }, async (request, reply) => {
    const slug = request.params.slug;
    const lowerCase = lowerCaseAddress(reply, "/evenements", slug);
    if (lowerCase) return lowerCase;
    if (!isPlausibleSlug(slug)) throw new NotFoundError("Cet événement n’existe pas.");
    const event = await findEventBySlug(db, slug);
    if (event) return sendEventPage(request, reply, event);
    return oldContentAddress(reply, request, "event", slug);
  });

  app.get("/formations", { config: cachedPublicPage }, async (request, reply) => {
    const now = clock.now();
    const trainings = await listEvents(db, { kind: "formation" }, "desc");
    const groups = new Map<string, TrainingGroup>();
    for (const training of trainings) {
      const key = training.season?.slug ?? "";
      if (!groups.has(key)) groups.set(key, { season: training.season, trainings: [] });
      groups.get(key)!.trainings.push(training);
    }
    const seasonOrder = (await listSeasons(db)).map((season) => season.slug);
    const ordered = [...groups.values()].sort((a, b) => rank(a) - rank(b));
    function rank(group: TrainingGroup): number {
      return group.season ? seasonOrder.indexOf(group.season.slug) : Number.MAX_SAFE_INTEGER;
    }
    return sendPage(
      reply,
      <TrainingsPage context={pageContext(request, reply)} share={share("/formations")} lead={await leadOf("/formations", trainingsLead, now)} groups={ordered} now={now} />,
      200,
      deps.pageCache,
    );
  });

  app.get<{ Params: { slug: string } }>("/formations/:slug", { config: publicPage }, async (request, reply) => {
    const slug = request.params.slug;
    const lowerCase = lowerCaseAddress(reply, "/formations", slug);
    if (lowerCase) return lowerCase;
    if (!isPlausibleSlug(slug)) throw new NotFoundError("Cette formation n’existe pas.");
    return oldContentAddress(reply, request, "training", slug);
  });
}

