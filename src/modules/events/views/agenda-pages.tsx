import type { ReactNode } from "react";
import { Alert } from "../../../ui/alert.tsx";
import { type BadgeProps, BadgesGroup } from "../../../ui/badge.tsx";
import type { BreadcrumbItem } from "../../../ui/breadcrumb.tsx";
import { Card } from "../../../ui/card.tsx";
import { DetailList, ExternalLink } from "../../../ui/detail-list.tsx";
import { Layout, type SharePreview } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { ListedEvent, SeatCounts } from "../agenda-repository.ts";
import { formatTimeOfDay } from "../domain/event-input.ts";
import { type AgendaItem, attendanceModeLabels, type EventAudience, eventAudienceLabels, type EventKind, eventKindLabels, eventKinds } from "../domain/event-kinds.ts";
import { capacityOf, modesOffered } from "../domain/registration-rules.ts";
import type { EventRecord } from "../repository.ts";
import { formatEventPeriod } from "../../../shared/french-date.ts";

const home: BreadcrumbItem = { label: "Accueil", href: "/" };
export const agendaBreadcrumb: BreadcrumbItem[] = [home, { label: "Événements", href: "/evenements" }];

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** « Mardi 9 mars 2027, 14 h – 17 h 30 ». */
export function whenText(event: Pick<EventRecord, "startsAt" | "endsAt">): string {
  return capitalised(formatEventPeriod(event.startsAt, event.endsAt));
}

/** Where, in one line: the place's name, « En ligne », or both for a hybrid event. */
export function whereText(event: Pick<EventRecord, "placeName" | "placeAddress" | "visioUrl" | "remoteCapacity">): string | null {
  const place = event.placeName ?? event.placeAddress;
  const online = event.visioUrl !== null || event.remoteCapacity !== null;
  if (place && online) return `${place} et en ligne`;
  return place ?? (online ? "En ligne" : null);
}

/** « Sur place : 3 places restantes · À distance : complet, liste d’attente ». */
export function seatsText(event: EventRecord, counts: SeatCounts): string | null {
  const parts = modesOffered(event).map((mode) => {
    const left = Math.max(0, (capacityOf(event, mode) ?? 0) - counts.confirmed[mode]);
    const text = left === 0 ? "complet, liste d’attente" : `${left}\u00a0${left > 1 ? "places restantes" : "place restante"}`;
    return `${attendanceModeLabels[mode]}\u00a0: ${text}`;
  });
  return parts.length > 0 ? parts.join(" · ") : null;
}

function eventBadges(event: EventRecord, options: { now: Date; markPast: boolean }): BadgeProps[] {
  const badges: BadgeProps[] = [{ label: eventKindLabels[event.kind as EventKind].one, kind: "info", noIcon: true }];
  if (event.status === "cancelled") badges.push({ label: "Annulé", kind: "error" });
  else if (options.markPast && event.endsAt <= options.now) badges.push({ label: "Passé", noIcon: true });
  // Members' events are the rule (the lead says so): only the others are marked.
  if (event.audience === "public") badges.push({ label: "Ouvert à tous", kind: "success", noIcon: true });
  if (event.audience === "project") badges.push({ label: eventAudienceLabels.project, kind: "new", noIcon: true });
  return badges;
}

function EventCard({ event, now, showSeats }: { event: ListedEvent; now: Date; showSeats: boolean }) {
  const seats = showSeats && event.status !== "cancelled" ? seatsText(event, event.counts) : null;
  const where = whereText(event);
  return (
    <Card
      title={event.title}
      href={`/evenements/${event.slug}`}
      headingLevel={3}
      start={<BadgesGroup small badges={eventBadges(event, { now, markPast: false })} />}
      detail={whenText(event)}
      description={[where, seats].filter(Boolean).join(" — ") || undefined}
      endDetail={event.season ? event.season.name : undefined}
    />
  );
}

function EventGrid({ events, now, showSeats, empty }: { events: ListedEvent[]; now: Date; showSeats: boolean; empty: ReactNode }) {
  if (events.length === 0) return <p>{empty}</p>;
  return (
    <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-4w">
      {events.map((event) => (
        <li className="fr-col-12 fr-col-md-6 fr-col-lg-4" key={event.id}>
          <EventCard event={event} now={now} showSeats={showSeats} />
        </li>
      ))}
    </ul>
  );
}

export type AgendaFilter = { kind: EventKind | null; season: { slug: string; name: string } | null };

export type AgendaPageProps = {
  context: PageContext;
  share: SharePreview;
  lead: ReactNode;
  filter: AgendaFilter;
  seasons: { slug: string; name: string }[];
  upcoming: ListedEvent[];
  past: ListedEvent[];
  now: Date;
};

function countText(count: number, one: string, many: string): string {
  return `${count}\u00a0${count > 1 ? many : one}`;
}

/** `/evenements`: the events to come (with places left) and the past ones, filtered by kind and season in the URL. */
export function AgendaPage({ context, share, lead, filter, seasons, upcoming, past, now }: AgendaPageProps) {
  const filtered = filter.kind !== null || filter.season !== null;
  const filterWords = [filter.kind ? eventKindLabels[filter.kind].many.toLowerCase() : null, filter.season ? filter.season.name.replace(/^Saison/, "saison") : null].filter(Boolean).join(", ");
  return (
    <Layout context={context} title={filtered ? `Événements (${filterWords})` : "Événements"} description={"Les ateliers, formations, bootcamps, webinaires et rencontres du Programme 10\u00a0%."} breadcrumb={[home]} share={share}>
      <h1>Événements</h1>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">{lead}</div>
      </div>
      <p className="fr-text--sm">
        <a className="fr-link fr-icon-calendar-line fr-link--icon-left" href="/evenements/calendrier.ics">
          S’abonner à l’agenda public du programme (iCalendar)
        </a>
        {context.user ? (
          <>
            {" · "}
            <a className="fr-link" href="/compte/calendrier">
              Mes inscriptions dans mon agenda
            </a>
          </>
        ) : null}
      </p>
      <form method="get" action="/evenements" className="fr-mb-4w" aria-label="Filtrer les événements">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="type">
                Type d’événement
              </label>
              <select className="fr-select" id="type" name="type" defaultValue={filter.kind ?? ""}>
                <option value="">Tous les types</option>
                {eventKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {eventKindLabels[kind].many}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="saison">
                Saison
              </label>
              <select className="fr-select" id="saison" name="saison" defaultValue={filter.season?.slug ?? ""}>
                <option value="">Toutes les saisons</option>
                {seasons.map((season) => (
                  <option key={season.slug} value={season.slug}>
                    {season.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <ul className="fr-btns-group fr-btns-group--inline fr-mb-3w">
              <li>
                <button type="submit" className="fr-btn fr-mb-0">
                  Filtrer
                </button>
              </li>
              {filtered ? (
                <li>
                  <a className="fr-btn fr-btn--tertiary fr-mb-0" href="/evenements">
                    Tout afficher
                  </a>
                </li>
              ) : null}
            </ul>
          </div>
        </div>
      </form>
      {filtered ? (
        <p role="status">
          Filtré sur {filterWords}&nbsp;: {countText(upcoming.length, "événement à venir", "événements à venir")}, {countText(past.length, "événement passé", "événements passés")}.
        </p>
      ) : null}
      <section aria-labelledby="a-venir">
        <h2 id="a-venir">À venir</h2>
        <EventGrid events={upcoming} now={now} showSeats empty={filtered ? "Aucun événement à venir ne correspond à ces filtres." : "Aucun événement n’est annoncé pour le moment."} />
      </section>
      <section aria-labelledby="passes">
        <h2 id="passes">Événements passés</h2>
        <EventGrid events={past} now={now} showSeats={false} empty={filtered ? "Aucun événement passé ne correspond à ces filtres." : "Aucun événement passé."} />
      </section>
    </Layout>
  );
}

/** « 14 h – 15 h : pitchs des projets ». */
function agendaLine(item: AgendaItem): string {
  return `${formatTimeOfDay(item.startsAt)}${item.endsAt ? ` – ${formatTimeOfDay(item.endsAt)}` : ""}\u00a0: ${item.title}`;
}

/** « Qui vient de mon ministère » as the page shows it. */
export type MinistryAttendance =
  | { kind: "no_ministry" }
  | { kind: "list"; ministry: string; people: { name: string; href: string | null; mode: string; isViewer: boolean; hiddenFromMembers: boolean }[] };

function MinistrySection({ attendance }: { attendance: MinistryAttendance }) {
  return (
    <section className="fr-my-4w" aria-labelledby="mon-ministere">
      <h2 id="mon-ministere">Qui vient de mon ministère</h2>
      {attendance.kind === "no_ministry" ? (
        <p>
          Votre compte n’est rattaché à aucun ministère. Indiquez votre organisation dans <a href="/compte">votre compte</a> pour voir qui vient de votre ministère.
        </p>
      ) : attendance.people.length === 0 ? (
        <p>Personne de votre ministère ({attendance.ministry}) n’a encore de place confirmée.</p>
      ) : (
        <>
          <p>
            {countText(attendance.people.length, "personne", "personnes")} de votre ministère ({attendance.ministry}) {attendance.people.length > 1 ? "ont" : "a"} une place confirmée&nbsp;:
          </p>
          <ul>
            {attendance.people.map((person, index) => (
              <li key={index}>
                {person.href ? <a href={person.href}>{person.name}</a> : person.name}
                {person.isViewer ? " (vous)" : null} — {person.mode.toLowerCase()}
                {person.hiddenFromMembers ? " (profil visible de l’équipe seulement)" : null}
              </li>
            ))}
          </ul>
          <p className="fr-hint-text">Seules les personnes dont le profil de l’annuaire vous est visible sont listées.</p>
        </>
      )}
    </section>
  );
}

export type EventPageProps = {
  context: PageContext;
  share: SharePreview;
  event: EventRecord;
  season: { slug: string; name: string } | null;
  projects: { slug: string; title: string }[];
  audienceProject: { slug: string; title: string } | null;
  descriptionHtml: string;
  /** The visio link, for people registered (confirmed) and the programme team; null for others. */
  visio: { url: string } | { hiddenBecause: string } | null;
  registration: ReactNode;
  attendance: MinistryAttendance | null;
  now: Date;
  /** The team's links (edit, registrations), for the programme team. */
  teamLinks: boolean;
};

function TrainingLinks({ event }: { event: Pick<EventRecord, "title" | "replayUrl" | "slidesUrl" | "resources"> }) {
  const resources = event.resources as { label: string; url: string }[];
  const links = [
    event.replayUrl ? { href: event.replayUrl, label: "Voir le replay" } : null,
    event.slidesUrl ? { href: event.slidesUrl, label: "Voir les supports" } : null,
    ...resources.map((resource) => ({ href: resource.url, label: resource.label })),
  ].filter((link) => link !== null);
  if (links.length === 0) return null;
  return (
    <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mb-0">
      {links.map((link) => (
        <li key={link.href}>
          <a className="fr-btn fr-btn--tertiary" href={link.href} target="_blank" rel="noopener external" title={`${link.label} — ${event.title} — nouvelle fenêtre`}>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** `/evenements/<slug>`: when, where, agenda, audience, description, the registration block and who comes from my ministry. */
export function EventPage(props: EventPageProps) {
  const { context, share, event, season, projects, audienceProject, descriptionHtml, visio, now } = props;
  const cancelled = event.status === "cancelled";
  const agenda = event.agenda as AgendaItem[];
  const place = [event.placeName, event.placeAddress].filter(Boolean);
  const ended = event.endsAt <= now;
  return (
    <Layout context={context} title={cancelled ? `Annulé\u00a0: ${event.title}` : event.title} description={`${eventKindLabels[event.kind as EventKind].one} du Programme 10\u00a0% — ${whenText(event)}.`} breadcrumb={agendaBreadcrumb} share={share}>
      <h1>{event.title}</h1>
      <BadgesGroup badges={eventBadges(event, { now, markPast: true })} />
      {cancelled ? (
        <Alert kind="error" title="Annulé">
          <p>Cet événement est annulé{event.cancellationReason ? `\u00a0: ${event.cancellationReason}` : "."}</p>
        </Alert>
      ) : null}
      <p className="fr-text--lead fr-mt-2w">{whenText(event)}</p>
      {props.teamLinks ? (
        <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          <li>
            <a className="fr-btn fr-btn--secondary" href={`/admin/evenements/${event.id}/modifier`}>
              Modifier l’événement
            </a>
          </li>
          <li>
            <a className="fr-btn fr-btn--tertiary" href={`/admin/evenements/${event.id}/inscriptions`}>
              Voir les inscriptions
            </a>
          </li>
        </ul>
      ) : null}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-8">
          {descriptionHtml ? (
            <section aria-labelledby="presentation">
              <h2 id="presentation">Présentation</h2>
              <div className="fr-mb-4w" dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
            </section>
          ) : null}
          {agenda.length > 0 ? (
            <section aria-labelledby="deroule">
              <h2 id="deroule">Déroulé</h2>
              <ul className="fr-mb-4w">
                {agenda.map((item, index) => (
                  <li key={index}>{agendaLine(item)}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {event.trainers || event.replayUrl || event.slidesUrl || (event.resources as unknown[]).length > 0 ? (
            <section aria-labelledby="replay">
              <h2 id="replay">{event.kind === "formation" ? "Formation\u00a0: intervenants, replay et supports" : "Intervenants, replay et supports"}</h2>
              {event.trainers ? <p>Avec {event.trainers}.</p> : null}
              <TrainingLinks event={event} />
            </section>
          ) : null}
          {ended ? null : props.registration}
          {props.attendance ? <MinistrySection attendance={props.attendance} /> : null}
        </div>
        <div className="fr-col-12 fr-col-lg-4">
          <DetailList
            entries={[
              { label: "Quand", value: whenText(event) },
              {
                label: "Lieu",
                value:
                  place.length > 0 ? (
                    <>
                      {event.placeName ? <span className="fr-text--bold">{event.placeName}</span> : null}
                      {event.placeName && event.placeAddress ? <br /> : null}
                      {event.placeAddress}
                    </>
                  ) : null,
              },
              { label: "Accès", value: event.placeAccess },
              {
                label: "Visio",
                value: visio === null ? null : "url" in visio ? <ExternalLink href={visio.url} label="Rejoindre la visio">Rejoindre la visio</ExternalLink> : visio.hiddenBecause,
              },
              { label: "Public", value: audienceProject ? <>Équipe du projet <a href={`/projets/${audienceProject.slug}`}>{audienceProject.title}</a></> : eventAudienceLabels[event.audience as EventAudience] },
              { label: "Saison", value: season ? <a href={`/saisons/${season.slug}`}>{season.name}</a> : null },
              {
                label: "Agenda",
                value: ended ? null : (
                  <a className="fr-link fr-icon-calendar-line fr-link--icon-left" href={`/evenements/${event.slug}/calendrier.ics`} download>
                    Ajouter à mon agenda (fichier .ics)
                  </a>
                ),
              },
              {
                label: projects.length > 1 ? "Projets concernés" : "Projet concerné",
                value:
                  projects.length > 0 ? (
                    <ul className="fr-raw-list">
                      {projects.map((project) => (
                        <li key={project.slug}>
                          <a href={`/projets/${project.slug}`}>{project.title}</a>
                        </li>
                      ))}
                    </ul>
                  ) : null,
              },
            ]}
          />
        </div>
      </div>
    </Layout>
  );
}

export type TrainingGroup = { season: { slug: string; name: string } | null; trainings: ListedEvent[] };

/** `/formations`: the trainings by season, newest first, with trainers, replays and slides. */
export function TrainingsPage({ context, share, lead, groups, now }: { context: PageContext; share: SharePreview; lead: ReactNode; groups: TrainingGroup[]; now: Date }) {
  return (
    <Layout context={context} title="Formations" description={"Les formations du Programme 10\u00a0%, avec leurs intervenants, replays et supports."} breadcrumb={[home]} share={share}>
      <h1>Formations</h1>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">{lead}</div>
      </div>
      {groups.length === 0 ? <p>Aucune formation n’a encore été annoncée.</p> : null}
      {groups.map((group) => {
        const id = `saison-${group.season?.slug ?? "autres"}`;
        return (
          <section key={id} aria-labelledby={id} className="fr-mb-4w">
            <h2 id={id}>{group.season?.name ?? "Autres formations"}</h2>
            <ul className="fr-raw-list">
              {group.trainings.map((training) => (
                <li key={training.id} className="fr-mb-4w">
                  <h3 className="fr-h5 fr-mb-1w">
                    <a href={`/evenements/${training.slug}`}>{training.title}</a>
                  </h3>
                  {training.status === "cancelled" ? <BadgesGroup small badges={[{ label: "Annulé", kind: "error" }]} /> : training.endsAt > now ? <BadgesGroup small badges={[{ label: "À venir", kind: "new" }]} /> : null}
                  <p className="fr-text--sm fr-mb-1w">{[whenText(training), training.trainers ? `avec ${training.trainers}` : null].filter(Boolean).join(" · ")}</p>
                  <TrainingLinks event={training} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}
