import type { ReactNode } from "react";
import { Breadcrumb, type BreadcrumbItem } from "./breadcrumb.tsx";
import { DisplaySettingsModal } from "./display-settings.tsx";
import { Footer } from "./footer.tsx";
import { Header } from "./header.tsx";
import type { PageContext } from "./page-context.ts";
import { schemeScript } from "./scheme-script.ts";
import { SkipLinks } from "./skip-links.tsx";

export const serviceName = "Programme 10 %";
export const serviceTagline = "Les experts de la donnée publique au service de projets interministériels";

export type LayoutProps = {
  context: PageContext;
  /** Page title, without the service name (added here). */
  title: string;
  /** A form shown again with errors: the document title starts with « Erreur — » (RGAA 8.6), the breadcrumb does not. */
  hasErrors?: boolean | undefined;
  description?: string;
  breadcrumb?: BreadcrumbItem[];
  /** Public pages: canonical address and OpenGraph card, with absolute URLs. */
  share?: SharePreview;
  children: ReactNode;
};

/** What a shared link shows: `url` is the page's canonical absolute URL, `image` an absolute URL. */
export type SharePreview = { url: string; image?: string | null | undefined; type?: "website" | "article" };

/** The Atom feeds of the site, announced on every page. */
export const siteFeeds = [
  { title: "Actualités du Programme 10 %", href: "/actualites/flux.atom" },
  { title: "Événements du Programme 10 %", href: "/evenements/flux.atom" },
];

/** The whole HTML document: head with DSFR assets, skip links, header, main, footer, display settings. */
export function Layout({ context, title, hasErrors, description, breadcrumb, share, children }: LayoutProps) {
  const fullTitle = `${hasErrors ? "Erreur — " : ""}${title === serviceName ? serviceName : `${title} — ${serviceName}`}`;
  return (
    <html lang="fr" data-fr-scheme="system">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no" />
        <meta name="format-detection" content="telephone=no" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {share ? <SharePreviewTags title={fullTitle} description={description} share={share} /> : null}
        {siteFeeds.map((feed) => (
          <link key={feed.href} rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />
        ))}
        <script nonce={context.nonce} dangerouslySetInnerHTML={{ __html: schemeScript }} />
        <link rel="stylesheet" href="/dsfr/dsfr.min.css" />
        <link rel="stylesheet" href="/dsfr/utility/utility.min.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="apple-touch-icon" href="/dsfr/favicon/apple-touch-icon.png" />
        <link rel="icon" href="/dsfr/favicon/favicon.svg" type="image/svg+xml" />
        <link rel="shortcut icon" href="/dsfr/favicon/favicon.ico" type="image/x-icon" />
        <link rel="manifest" href="/dsfr/favicon/manifest.webmanifest" crossOrigin="use-credentials" />
      </head>
      <body>
        <SkipLinks />
        <Header context={context} />
        <main id="contenu" tabIndex={-1} role="main">
          <div className="fr-container fr-pb-8w">
            {breadcrumb && breadcrumb.length > 0 ? <Breadcrumb items={breadcrumb} current={title} /> : <div className="fr-pt-4w" />}
            {children}
          </div>
        </main>
        <Footer />
        <DisplaySettingsModal />
        <script type="module" src="/dsfr/dsfr.module.min.js" />
        <script noModule src="/dsfr/dsfr.nomodule.min.js" />
      </body>
    </html>
  );
}

function SharePreviewTags({ title, description, share }: { title: string; description: string | undefined; share: SharePreview }) {
  return (
    <>
      <link rel="canonical" href={share.url} />
      <meta property="og:site_name" content={serviceName} />
      <meta property="og:locale" content="fr_FR" />
      <meta property="og:type" content={share.type ?? "website"} />
      <meta property="og:title" content={title} />
      {description ? <meta property="og:description" content={description} /> : null}
      <meta property="og:url" content={share.url} />
      {share.image ? <meta property="og:image" content={share.image} /> : null}
      <meta name="twitter:card" content={share.image ? "summary_large_image" : "summary"} />
    </>
  );
}
