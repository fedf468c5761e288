import { Card } from "../../../ui/card.tsx";
import { Layout, type SharePreview } from "../../../ui/layout.tsx";
import type { BreadcrumbItem } from "../../../ui/breadcrumb.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { ContentItem, EventDetails, TrainingDetails } from "../domain/content-item.ts";
import { formatEventSchedule, type EventSchedule } from "../site/event-dates.ts";
import { CardGrid, ItemBody, itemDate, Lead, plainSummary, ReadingColumn } from "./site-parts.tsx";
import { DetailList } from "../../../ui/detail-list.tsx";

const home: BreadcrumbItem = { label: "Accueil", href: "/" };

type ItemPageProps = { context: PageContext; share: SharePreview; item: ContentItem };

function TrainingLinks({ item }: { item: ContentItem }) {
  const details = item.details as TrainingDetails;
  const links = [
    details.replayUrl ? { href: details.replayUrl, label: "Voir le replay" } : null,
    details.slidesUrl ? { href: details.slidesUrl, label: "Voir les supports" } : null,
    ...(details.resourceUrls ?? []).map((href) => ({ href, label: `Ressource sur ${hostOf(href)}` })),
  ].filter((link) => link !== null);
  if (links.length === 0) return null;
  return (
    <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
      {links.map((link) => (
        <li key={link.href}>
          <a className="fr-btn fr-btn--tertiary" href={link.href} target="_blank" rel="noopener external" title={`${link.label} — ${item.title} — nouvelle fenêtre`}>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** An old training page of the content store, shown at its address by the events module when no event matches it. */
export function TrainingPage({ context, share, item }: ItemPageProps) {
  const details = item.details as TrainingDetails;
  return (
    <Layout context={context} title={item.title} description={plainSummary(item.summary)} breadcrumb={[home, { label: "Formations", href: "/formations" }]} share={share}>
      <ReadingColumn>
        <h1>{item.title}</h1>
        <Lead summary={item.summary} title={item.title} />
        <DetailList
          entries={[
            { label: "Date", value: itemDate(item) },
            { label: "Saison", value: details.season ? `Saison ${details.season}` : null },
            { label: "Intervenants", value: details.trainers },
            { label: "Replay et supports", value: <TrainingLinks item={item} /> },
          ]}
        />
        <ItemBody item={item} />
      </ReadingColumn>
    </Layout>
  );
}

/** An event's schedule from its details (or its date, all day). */
export function eventSchedule(item: ContentItem): EventSchedule {
  const details = item.details as EventDetails;
  const parse = (value: string | undefined) => {
    const date = value ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  };
  const startsAt = parse(details.startsAt);
  return startsAt ? { startsAt, endsAt: parse(details.endsAt), allDay: details.allDay ?? false } : { startsAt: item.date, endsAt: null, allDay: true };
}

export function EventSummary({ item, headingLevel }: { item: ContentItem; headingLevel: 2 | 3 | 4 }) {
  const details = item.details as EventDetails;
  const when = formatEventSchedule(eventSchedule(item));
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <Heading className="fr-h5 fr-mb-1w">
        <a href={item.path}>{item.title}</a>
      </Heading>
      <p className="fr-text--sm fr-mb-1w">
        {when ? <span className="fr-icon-calendar-line fr-icon--sm fr-mr-1w" aria-hidden="true" /> : null}
        {when ? <span>{when}</span> : null}
        {details.location ? (
          <>
            {when ? " · " : null}
            <span className="fr-icon-map-pin-2-line fr-icon--sm fr-mr-1w" aria-hidden="true" />
            {details.location}
          </>
        ) : null}
      </p>
      {item.summary ? <p className="fr-mb-1w">{plainSummary(item.summary, 300)}</p> : null}
    </>
  );
}

/** An old event page of the content store, shown at its address by the events module when no event matches it. */
export function EventPage({ context, share, item }: ItemPageProps) {
  const details = item.details as EventDetails;
  return (
    <Layout context={context} title={item.title} description={plainSummary(item.summary)} breadcrumb={[home, { label: "Événements", href: "/evenements" }]} share={share}>
      <ReadingColumn>
        <h1>{item.title}</h1>
        <Lead summary={item.summary} title={item.title} />
        <DetailList
          entries={[
            { label: "Date", value: formatEventSchedule(eventSchedule(item)) },
            { label: "Lieu", value: details.location },
            { label: "Organisation", value: details.organiser },
          ]}
        />
        {details.registrationUrl ? (
          <p>
            <a className="fr-btn" href={details.registrationUrl} target="_blank" rel="noopener external" title={`S’inscrire à ${item.title} — nouvelle fenêtre`}>
              S’inscrire
            </a>
          </p>
        ) : null}
        <ItemBody item={item} />
      </ReadingColumn>
    </Layout>
  );
}

/** Any site page (`/programme/contribuer`…), with the pages below it as cards. */
export function ContentPage({ context, share, item, ancestors, children }: ItemPageProps & { ancestors: BreadcrumbItem[]; children: ContentItem[] }) {
  return (
    <Layout context={context} title={item.title} description={plainSummary(item.summary)} breadcrumb={[home, ...ancestors]} share={share}>
      <ReadingColumn>
        <h1>{item.title}</h1>
        <Lead summary={item.summary} title={item.title} />
      </ReadingColumn>
      <ItemBody item={item} />
      {children.length > 0 ? (
        <section aria-labelledby="sous-pages">
          <h2 id="sous-pages">En savoir plus</h2>
          <CardGrid>
            {children.map((child) => (
              <Card key={child.id} title={child.title} href={child.path} description={plainSummary(child.summary, 200)} />
            ))}
          </CardGrid>
        </section>
      ) : null}
    </Layout>
  );
}
