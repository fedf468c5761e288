import type { ReactNode } from "react";
import { Accordion, AccordionsGroup } from "../accordion.tsx";
import { Alert } from "../alert.tsx";
import { Badge, BadgesGroup } from "../badge.tsx";
import { Button, ButtonLink, ButtonsGroup } from "../button.tsx";
import { Callout } from "../callout.tsx";
import { Card } from "../card.tsx";
import { CheckboxField, CheckboxGroup, CsrfField, ErrorSummary, InputField, RadioGroup, SelectField, TextareaField, ToggleField, UploadField } from "../fields.tsx";
import { Layout } from "../layout.tsx";
import { Modal, ModalOpener } from "../modal.tsx";
import { Notice } from "../notice.tsx";
import type { PageContext } from "../page-context.ts";
import { Pagination } from "../pagination.tsx";
import { ProConnectButton } from "../proconnect-button.tsx";
import { Stepper } from "../stepper.tsx";
import { Summary, type SummaryItem } from "../summary.tsx";
import { Table } from "../table.tsx";
import { Tabs } from "../tabs.tsx";
import { Tag, TagsGroup } from "../tag.tsx";
import { Tile } from "../tile.tsx";

const sections: SummaryItem[] = [
  { label: "Boutons", href: "#boutons" },
  { label: "Badges et tags", href: "#badges-et-tags" },
  { label: "Alertes, mise en avant et bandeau", href: "#messages" },
  { label: "Cartes et tuiles", href: "#cartes-et-tuiles" },
  { label: "Tableau et pagination", href: "#tableau-et-pagination" },
  { label: "Onglets et accordéons", href: "#onglets-et-accordeons" },
  { label: "Modale", href: "#modale" },
  { label: "Indicateur d’étapes", href: "#etapes" },
  {
    label: "Formulaires",
    href: "#formulaires",
    children: [
      { label: "Champs remplis correctement", href: "#champs" },
      { label: "Champs en erreur", href: "#champs-en-erreur" },
      { label: "Connexion avec ProConnect", href: "#proconnect" },
    ],
  },
  { label: "Fil d’Ariane", href: "#fil-d-ariane" },
];

// A small bar chart drawn inline: the gallery needs an image and the DSFR package ships none (img-src allows data:).
const chartImage = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 320 180'><rect width='320' height='180' fill='#e3e3fd'/><g fill='#000091'><rect x='40' y='100' width='32' height='50'/><rect x='90' y='70' width='32' height='80'/><rect x='140' y='40' width='32' height='110'/><rect x='190' y='85' width='32' height='65'/><rect x='240' y='55' width='32' height='95'/></g><rect x='30' y='150' width='260' height='2' fill='#161616'/></svg>",
)}`;

const administrations = [
  { value: "dinum", label: "Direction interministérielle du numérique (DINUM)" },
  { value: "insee", label: "Institut national de la statistique et des études économiques (Insee)" },
  { value: "mte", label: "Ministère de la Transition écologique" },
  { value: "drees", label: "Direction de la recherche, des études, de l’évaluation et des statistiques (Drees)" },
];

const availability = [
  { value: "mardi", label: "Le mardi", hint: "Jour commun aux équipes du programme" },
  { value: "jeudi", label: "Le jeudi" },
  { value: "variable", label: "Selon les semaines" },
];

const expertise = [
  { value: "ingenierie", label: "Ingénierie des données" },
  { value: "science", label: "Science des données" },
  { value: "visualisation", label: "Visualisation" },
  { value: "juridique", label: "Droit des données" },
];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="fr-mt-8w" id={id} aria-labelledby={`${id}-titre`}>
      <h2 id={`${id}-titre`}>{title}</h2>
      {children}
    </section>
  );
}

/** Every component of src/ui with realistic content; served only outside production. */
export function GalleryPage({ context }: { context: PageContext }) {
  return (
    <Layout context={context} title="Composants de l’interface" breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <h1>Composants de l’interface</h1>
      <p className="fr-text--lead">Chaque composant du Système de design de l’État utilisé par la plateforme, avec le contenu qu’il affichera.</p>
      <Alert kind="info" small>
        Page de développement&nbsp;: elle n’existe pas en production.
      </Alert>
      <Summary id="sommaire-galerie" items={sections} />

      <Section id="boutons" title="Boutons">
        <ButtonsGroup inline="md">
          <Button>Proposer un projet</Button>
          <Button variant="secondary">Enregistrer le brouillon</Button>
          <Button variant="tertiary">Annuler</Button>
          <Button variant="tertiary-no-outline">Voir l’historique</Button>
        </ButtonsGroup>
        <ButtonsGroup inline="md" iconPosition="left">
          <Button icon="send-plane-line">Envoyer ma candidature</Button>
          <Button variant="secondary" icon="calendar-line">
            Ajouter à mon agenda
          </Button>
          <Button disabled>Candidatures closes</Button>
        </ButtonsGroup>
        <ButtonsGroup inline="md" iconPosition="right">
          <ButtonLink href="/#le-programme" variant="secondary" icon="arrow-right-line" iconPosition="right">
            Découvrir le programme
          </ButtonLink>
          <ButtonLink href="https://www.data.gouv.fr" variant="tertiary" external>
            Consulter data.gouv.fr
          </ButtonLink>
        </ButtonsGroup>
        <ButtonsGroup inline size="sm">
          <Button variant="secondary">Modifier</Button>
          <Button variant="tertiary" icon="delete-line" iconPosition="only">
            Supprimer le brouillon
          </Button>
        </ButtonsGroup>
        <Button size="lg" icon="team-line">
          Rejoindre la communauté
        </Button>
      </Section>

      <Section id="badges-et-tags" title="Badges et tags">
        <BadgesGroup
          badges={[
            { label: "Projet retenu", kind: "success" },
            { label: "Candidature refusée", kind: "error" },
            { label: "En cours d’instruction", kind: "info" },
            { label: "Dossier incomplet", kind: "warning" },
            { label: "Nouveau", kind: "new" },
            { label: "Saison 2025" },
          ]}
        />
        <Badge label="Places limitées" kind="warning" small />
        <TagsGroup
          tags={[
            { label: "Santé", href: "/projets?theme=sante" },
            { label: "Transports", href: "/projets?theme=transports" },
            { label: "Environnement", href: "/projets?theme=environnement" },
            { label: "Île-de-France", icon: "map-pin-2-line" },
          ]}
        />
        <TagsGroup small tags={[{ label: "Python" }, { label: "SQL" }, { label: "Apprentissage automatique" }]} />
        <Tag label="Données ouvertes" />
      </Section>

      <Section id="messages" title="Alertes, mise en avant et bandeau">
        <Alert kind="success" title="Candidature envoyée">
          Votre référent vous répondra sous quinze jours.
        </Alert>
        <Alert kind="info" title="Appel à projets ouvert">
          Les administrations peuvent proposer un projet jusqu’au 30 septembre.
        </Alert>
        <Alert kind="warning" title="Accord de votre employeur attendu">
          Votre participation démarrera quand votre responsable aura validé les 10 % de votre temps.
        </Alert>
        <Alert kind="error" title="Envoi impossible">
          Le service est momentanément indisponible&nbsp;; votre brouillon est conservé.
        </Alert>
        <Callout title="Dix pour cent de votre temps" icon="time-line" action={<ButtonLink href="/#rejoindre">Rejoindre la communauté</ButtonLink>}>
          Une demi-journée par semaine, sur votre temps de travail, pour mettre vos compétences en données au service d’un projet d’une autre administration.
        </Callout>
        <Notice
          title="Rencontre de rentrée le 18 septembre à Paris"
          description="Présentation des projets de la saison et constitution des équipes."
          link={{ label: "S’inscrire à la rencontre", href: "/evenements" }}
        />
        <div className="fr-mt-3w">
          <Notice kind="warning" title="Maintenance de la plateforme le 4 octobre de 20 h à 22 h" />
        </div>
      </Section>

      <Section id="cartes-et-tuiles" title="Cartes et tuiles">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Card
              title="Mesurer la consommation d’énergie des bâtiments publics"
              href="/projets/energie-batiments"
              description="Un tableau de bord des consommations des bâtiments de l’État, à partir des relevés des fournisseurs."
              start={<BadgesGroup badges={[{ label: "Projet retenu", kind: "success" }]} />}
              detail="Ministère de la Transition écologique"
              endDetail="3 experts recherchés"
              image={{ src: chartImage, alt: "Histogramme de la consommation de cinq bâtiments publics" }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Card
              title="Repérer les doublons du répertoire des associations"
              href="/projets/doublons-associations"
              description="Rapprocher les fiches en double pour fiabiliser les statistiques sur la vie associative."
              start={<TagsGroup small tags={[{ label: "Appariement" }, { label: "Python" }]} />}
              detail="Insee"
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Card
              title={"Atelier\u00a0: publier un jeu de données de qualité"}
              href="/evenements/atelier-publication"
              description="Deux heures pour relire ensemble la documentation d’un jeu de données avant sa publication."
              detail="Jeudi 9 octobre, en ligne"
              size="sm"
            />
          </div>
          <div className="fr-col-12">
            <Card
              horizontal
              title={"Saison 2025\u00a0: quinze projets, soixante experts"}
              href="/saisons/2025"
              description={"Le bilan de la saison\u00a0: projets livrés, administrations accompagnées et outils publiés en source ouverte."}
              detail="Publié le 2 juillet"
              image={{ src: chartImage, alt: "" }}
            />
          </div>
        </div>
        <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
          <div className="fr-col-12 fr-col-md-4">
            <Tile title="Proposer un projet" href="/projets/nouveau" description="Votre administration a des données et une question." pictogram="document/document-add.svg" />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Tile title="Devenir expert" href="/#rejoindre" description="Consacrez 10 % de votre temps à un projet." pictogram="leisure/community.svg" />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Tile title="Les outils publiés" href="/outils" detail="12 dépôts en source ouverte" pictogram="digital/coding.svg" />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Tile horizontal small title="Calendrier des rencontres" href="/evenements" pictogram="digital/calendar.svg" />
          </div>
        </div>
      </Section>

      <Section id="tableau-et-pagination" title="Tableau et pagination">
        <Table
          caption="Projets de la saison 2025"
          rowHeaders
          columns={["Projet", "Administration", "Experts", "Statut"]}
          rows={[
            ["Consommation d’énergie des bâtiments publics", "Ministère de la Transition écologique", "4", <Badge key="statut" label="En cours" kind="info" small />],
            ["Doublons du répertoire des associations", "Insee", "3", <Badge key="statut" label="Livré" kind="success" small />],
            ["Délais de traitement des demandes d’aide", "Drees", "2", <Badge key="statut" label="Experts recherchés" kind="warning" small />],
          ]}
        />
        <Table
          caption="Temps consacré au programme en septembre (titre lu par les lecteurs d’écran)"
          noCaption
          bordered
          size="sm"
          columns={["Semaine", "Heures"]}
          rows={[
            ["Du 1er au 5 septembre", "3,5"],
            ["Du 8 au 12 septembre", "4"],
          ]}
        />
        <p>Première page sur 12&nbsp;:</p>
        <Pagination page={1} pageCount={12} hrefFor={(page) => `/_dev/composants?page=${page}#tableau-et-pagination`} />
        <p>Page 6 sur 12&nbsp;:</p>
        <Pagination page={6} pageCount={12} hrefFor={(page) => `/_dev/composants?page=${page}#tableau-et-pagination`} />
        <p>Dernière page sur 12&nbsp;:</p>
        <Pagination page={12} pageCount={12} hrefFor={(page) => `/_dev/composants?page=${page}#tableau-et-pagination`} />
      </Section>

      <Section id="onglets-et-accordeons" title="Onglets et accordéons">
        <Tabs
          label="Le projet Consommation d’énergie des bâtiments publics"
          tabs={[
            {
              id: "onglet-presentation",
              label: "Présentation",
              icon: "file-text-line",
              content: <p>Le ministère veut comparer la consommation de ses bâtiments d’une année sur l’autre, à surface égale.</p>,
            },
            {
              id: "onglet-equipe",
              label: "Équipe",
              icon: "team-line",
              content: (
                <ul>
                  <li>Une ingénieure des données, Insee</li>
                  <li>Un data scientist, Drees</li>
                  <li>Une designer, DINUM</li>
                </ul>
              ),
            },
            {
              id: "onglet-calendrier",
              label: "Calendrier",
              icon: "calendar-line",
              content: <p>Lancement le 18 septembre, premiers résultats en décembre, restitution en mars.</p>,
            },
          ]}
        />
        <div className="fr-mt-4w">
          <AccordionsGroup>
            <Accordion id="faq-qui" title={"Qui peut rejoindre le Programme 10\u00a0%\u00a0?"} expanded>
              <p>Tout agent public dont le métier touche aux données&nbsp;: ingénieurs, statisticiens, développeurs, juristes ou chefs de projet.</p>
            </Accordion>
            <Accordion id="faq-employeur" title={"Comment mon employeur est-il associé\u00a0?"}>
              <p>Votre responsable valide votre participation et le temps que vous y consacrez, avant le début de la saison.</p>
            </Accordion>
            <Accordion id="faq-temps" title={"Combien de temps dois-je y consacrer\u00a0?"}>
              <p>Dix pour cent de votre temps de travail, soit une demi-journée par semaine en moyenne.</p>
            </Accordion>
          </AccordionsGroup>
        </div>
      </Section>

      <Section id="modale" title="Modale">
        <ModalOpener modalId="modale-desinscription" variant="secondary">
          Se désinscrire de l’atelier
        </ModalOpener>
      </Section>

      <Section id="etapes" title="Indicateur d’étapes">
        <Stepper title="Votre profil" step={1} stepCount={4} nextStepTitle="Vos compétences" headingLevel={3} />
        <Stepper title="Votre disponibilité" step={4} stepCount={4} headingLevel={3} />
      </Section>

      <Section id="formulaires" title="Formulaires">
        <form method="post" action="/_dev/composants" noValidate>
          <CsrfField token={context.csrfToken} />
          <h3 id="champs">Champs remplis correctement</h3>
          <InputField name="nom" label="Nom complet" autoComplete="name" required value="Camille Martin" />
          <InputField name="courriel" type="email" label="Adresse électronique professionnelle" hint={"Format attendu\u00a0: prenom.nom@administration.gouv.fr"} autoComplete="email" required />
          <SelectField name="administration" label="Administration d’emploi" options={administrations} value="insee" />
          <TextareaField name="experience" label="Présentez votre expérience" hint="Quelques lignes suffisent." rows={4} />
          <RadioGroup name="disponibilite" legend={"Quel jour pourriez-vous consacrer au programme\u00a0?"} options={availability} value="mardi" />
          <CheckboxGroup name="domaines" legend="Vos domaines d’expertise" options={expertise} values={["science"]} />
          <div className="fr-mb-3w">
            <CheckboxField name="accord" label="Mon responsable est informé de ma candidature" checked />
          </div>
          <div className="fr-mb-3w">
            <ToggleField name="lettre" label="Recevoir la lettre d’information mensuelle" hint="Un courriel par mois, désinscription en un clic." checked />
          </div>
          <UploadField name="cv" label="Votre CV" hint="Format PDF, 2 Mo au plus." accept="application/pdf" />

          <h3 id="champs-en-erreur" className="fr-mt-6w">
            Champs en erreur
          </h3>
          <ErrorSummary
            errors={{
              nom_erreur: "Indiquez votre nom complet.",
              courriel_erreur: "Saisissez une adresse électronique au format prenom.nom@administration.gouv.fr.",
              administration_erreur: "Choisissez votre administration d’emploi.",
              experience_erreur: "Votre texte dépasse 20 caractères.",
              disponibilite_erreur: "Choisissez un jour.",
              domaines_erreur: "Choisissez au moins un domaine.",
              accord_erreur: "Confirmez que votre responsable est informé.",
              cv_erreur: "Le fichier doit être au format PDF.",
            }}
            fieldIds={{ disponibilite_erreur: "disponibilite_erreur-mardi", domaines_erreur: "domaines_erreur-ingenierie" }}
          />
          <InputField name="nom_erreur" label="Nom complet" autoComplete="name" required error="Indiquez votre nom complet." />
          <InputField
            name="courriel_erreur"
            type="email"
            label="Adresse électronique professionnelle"
            hint={"Format attendu\u00a0: prenom.nom@administration.gouv.fr"}
            value="camille.martin@"
            required
            error="Saisissez une adresse électronique au format prenom.nom@administration.gouv.fr."
          />
          <SelectField name="administration_erreur" label="Administration d’emploi" options={administrations} error="Choisissez votre administration d’emploi." />
          <TextareaField name="experience_erreur" label="Présentez votre expérience" value="Statisticien depuis huit ans." maxLength={20} error="Votre texte dépasse 20 caractères." />
          <RadioGroup name="disponibilite_erreur" legend={"Quel jour pourriez-vous consacrer au programme\u00a0?"} options={availability} error="Choisissez un jour." />
          <CheckboxGroup name="domaines_erreur" legend="Vos domaines d’expertise" options={expertise} error="Choisissez au moins un domaine." />
          <div className="fr-mb-3w">
            <CheckboxField name="accord_erreur" label="Mon responsable est informé de ma candidature" error="Confirmez que votre responsable est informé." />
          </div>
          <UploadField name="cv_erreur" label="Votre CV" hint="Format PDF, 2 Mo au plus." accept="application/pdf" error="Le fichier doit être au format PDF." />
        </form>
        <h3 id="proconnect" className="fr-mt-6w">
          Connexion avec ProConnect
        </h3>
        <ProConnectButton action="/connexion/proconnect" csrfToken={context.csrfToken} />
      </Section>

      <Section id="fil-d-ariane" title="Fil d’Ariane">
        <p>Le fil d’Ariane de cette page, en haut, mène à l’accueil&nbsp;; la page courante le termine, sans lien.</p>
      </Section>

      <Modal
        id="modale-desinscription"
        title={"Se désinscrire de l’atelier\u00a0?"}
        footer={
          <ButtonsGroup inline="lg" align="right">
            <Button>Confirmer la désinscription</Button>
            <Button variant="secondary" controls="modale-desinscription">
              Rester inscrit
            </Button>
          </ButtonsGroup>
        }
      >
        <p>Votre place sera proposée à la première personne de la liste d’attente.</p>
      </Modal>
    </Layout>
  );
}
