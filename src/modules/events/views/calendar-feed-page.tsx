import { Accordion, AccordionsGroup } from "../../../ui/accordion.tsx";
import { Alert } from "../../../ui/alert.tsx";
import { CsrfField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";

export type CalendarFeedPageProps = {
  context: PageContext;
  /** The secret address of the member's feed, absent until generated. */
  feedUrl: string | null;
  programmeFeedUrl: string;
  notice?: "created" | "renewed" | undefined;
};

const accountTrail = [
  { label: "Accueil", href: "/" },
  { label: "Mon compte", href: "/compte" },
];

/** `webcal://` makes desktop clients (Outlook, Apple Calendar, Thunderbird when set up) offer to subscribe. */
function webcalOf(url: string): string {
  return url.replace(/^https?:\/\//, "webcal://");
}

function FeedAddress({ id, label, url }: { id: string; label: string; url: string }) {
  return (
    <div className="fr-input-group">
      <label className="fr-label" htmlFor={id}>
        {label}
        <span className="fr-hint-text">Sélectionnez l’adresse et copiez-la dans votre agenda.</span>
      </label>
      <input className="fr-input" id={id} type="url" readOnly value={url} spellCheck={false} />
    </div>
  );
}

function ClientInstructions() {
  return (
    <AccordionsGroup>
      <Accordion id="calendrier-thunderbird" title="Thunderbird">
        <ol>
          <li>Ouvrez l’onglet Agenda, puis «&nbsp;Nouvel agenda…&nbsp;» (clic droit dans la liste des agendas).</li>
          <li>Choisissez «&nbsp;Sur le réseau&nbsp;», collez l’adresse dans «&nbsp;Adresse&nbsp;» et cochez «&nbsp;Cet emplacement ne nécessite pas d’identifiants&nbsp;».</li>
          <li>Cliquez sur «&nbsp;Rechercher des agendas&nbsp;», puis sur «&nbsp;S’abonner&nbsp;».</li>
        </ol>
      </Accordion>
      <Accordion id="calendrier-outlook" title="Outlook">
        <ol>
          <li>Dans Outlook sur le web ou le nouvel Outlook, ouvrez le Calendrier puis «&nbsp;Ajouter un calendrier&nbsp;».</li>
          <li>Choisissez «&nbsp;S’abonner à partir du web&nbsp;», collez l’adresse, donnez un nom au calendrier et validez avec «&nbsp;Importer&nbsp;».</li>
          <li>Dans Outlook classique pour Windows&nbsp;: «&nbsp;Ajouter un calendrier&nbsp;», puis «&nbsp;À partir d’Internet…&nbsp;» et collez l’adresse.</li>
        </ol>
      </Accordion>
      <Accordion id="calendrier-gnome" title="Agenda GNOME">
        <ol>
          <li>Ouvrez le menu principal puis «&nbsp;Gérer les agendas…&nbsp;» et «&nbsp;Ajouter un agenda…&nbsp;».</li>
          <li>Collez l’adresse dans le champ «&nbsp;Adresse web&nbsp;» de la partie «&nbsp;Importer un agenda&nbsp;», puis cliquez sur «&nbsp;Ajouter&nbsp;».</li>
        </ol>
      </Accordion>
      <Accordion id="calendrier-google" title="Google Agenda">
        <ol>
          <li>Sur ordinateur, à côté de «&nbsp;Autres agendas&nbsp;», cliquez sur «&nbsp;+&nbsp;» puis sur «&nbsp;À partir de l’URL&nbsp;».</li>
          <li>Collez l’adresse et cliquez sur «&nbsp;Ajouter l’agenda&nbsp;». L’agenda apparaît aussi sur votre téléphone.</li>
          <li>Google Agenda relit l’adresse à son rythme&nbsp;: une nouvelle inscription peut mettre plusieurs heures à apparaître.</li>
        </ol>
      </Accordion>
    </AccordionsGroup>
  );
}

/** `/compte/calendrier`: the secret address of « Mes inscriptions » as a calendar feed, how to subscribe, and its renewal. */
export function CalendarFeedPage({ context, feedUrl, programmeFeedUrl, notice }: CalendarFeedPageProps) {
  return (
    <Layout context={context} title="Mes inscriptions dans mon agenda" breadcrumb={accountTrail}>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>Mes inscriptions dans mon agenda</h1>
          {notice === "created" ? <Alert kind="success">Votre adresse est prête&nbsp;: ajoutez-la à votre agenda.</Alert> : null}
          {notice === "renewed" ? <Alert kind="success">Nouvelle adresse générée&nbsp;: l’ancienne ne fonctionne plus. Remplacez-la dans vos agendas.</Alert> : null}
          <p>
            Abonnez votre agenda à une adresse personnelle&nbsp;: il affiche les événements auxquels vous êtes inscrit·e (y compris sur liste
            d’attente) et se met à jour tout seul quand vous vous inscrivez, vous désinscrivez ou qu’un événement change.
          </p>
          {feedUrl ? (
            <>
              <h2 className="fr-h4">Mon adresse personnelle</h2>
              <FeedAddress id="adresse-calendrier" label="Adresse de mon calendrier" url={feedUrl} />
              <p>
                <a className="fr-link fr-icon-calendar-line fr-link--icon-left" href={webcalOf(feedUrl)}>
                  M’abonner avec l’agenda de cet appareil
                </a>
              </p>
              <Alert kind="info" small>
                <p>Cette adresse est secrète&nbsp;: quiconque la connaît voit vos inscriptions. Ne la partagez pas.</p>
              </Alert>
              <h2 className="fr-h4 fr-mt-4w">Ajouter l’adresse à mon agenda</h2>
              <ClientInstructions />
              <h2 className="fr-h4 fr-mt-4w">Révoquer l’adresse</h2>
              <p>Si l’adresse a été partagée par erreur, générez-en une nouvelle&nbsp;: l’ancienne cessera aussitôt de fonctionner.</p>
              <form method="post" action="/compte/calendrier/nouvelle-adresse">
                <CsrfField token={context.csrfToken} />
                <button className="fr-btn fr-btn--secondary fr-icon-refresh-line fr-btn--icon-left" type="submit">
                  Révoquer et générer une nouvelle adresse
                </button>
              </form>
            </>
          ) : (
            <form method="post" action="/compte/calendrier">
              <CsrfField token={context.csrfToken} />
              <button className="fr-btn fr-icon-calendar-line fr-btn--icon-left" type="submit">
                Générer mon adresse
              </button>
            </form>
          )}
          <h2 className="fr-h4 fr-mt-5w">Le programme des événements publics</h2>
          <p>Pour suivre tous les événements ouverts à tous du Programme 10&nbsp;%, abonnez-vous à cette adresse (la même pour tout le monde)&nbsp;:</p>
          <FeedAddress id="adresse-programme" label="Adresse du programme" url={programmeFeedUrl} />
        </div>
      </div>
    </Layout>
  );
}
