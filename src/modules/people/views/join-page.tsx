import { countOf } from "../../../shared/french-plural.ts";
import { Layout, type SharePreview } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { charterPath } from "./charter-page.tsx";

/** The platform's join page, at the address the old site's « Rejoignez-nous » page had. */
export const joinPagePath = "/rejoindre";
/** The joining wizard « Rejoindre la communauté »: to the saved step, or the profile once joined. */
export const joiningWizardPath = "/rejoindre/inscription";
const signInHref = `/connexion?retour=${encodeURIComponent(joiningWizardPath)}`;

export type JoinPageProps = {
  context: PageContext;
  share: SharePreview;
  community: { experts: number; organisations: number };
  /** The visitor's next step: the wizard for a visitor or a newcomer, where they stopped, or their profile once joined. */
  action: { href: string; label: string };
};

/**
 * `/rejoindre`: what the community is, what joining asks, who can join and how; its actions are the platform's
 * (the joining wizard, sign-in, the agenda), never the old site's questionnaire or newsletter form.
 */
export function JoinPage({ context, share, community, action }: JoinPageProps) {
  const lead =
    "Vous êtes experte ou expert de la donnée (data scientist, data analyst, data engineer, statisticienne ou statisticien, développeuse ou développeur…) en poste dans une administration\u00a0? Rejoignez la communauté du Programme 10\u00a0%.";
  return (
    <Layout context={context} title="Rejoindre la communauté" description={lead} breadcrumb={[{ label: "Accueil", href: "/" }]} share={share}>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-9">
          <h1>Rejoindre la communauté</h1>
          <p className="fr-text--lead">{lead}</p>
          <p>
            Ses membres consacrent environ 10&nbsp;% de leur temps de travail à des projets d’intérêt commun entre administrations, se forment ensemble et
            partagent leurs pratiques.
            {community.experts > 0
              ? ` La communauté compte aujourd’hui ${countOf(community.experts, "membre")} de ${countOf(community.organisations, "organisation")}.`
              : null}
          </p>
          <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
            <li>
              <a className="fr-btn" href={action.href}>
                {action.label}
              </a>
            </li>
            {context.user ? null : (
              <li>
                <a className="fr-btn fr-btn--secondary" href={signInHref}>
                  Déjà membre&nbsp;? Se connecter
                </a>
              </li>
            )}
          </ul>

          <h2>Ce que demande la participation</h2>
          <ul>
            <li>
              Environ 10&nbsp;% de votre temps de travail, soit à peu près deux après-midi par mois, en présentiel ou à distance, et des moments de partage entre
              les équipes entre ces ateliers.
            </li>
            <li>
              L’accord de votre manager&nbsp;: la participation repose sur le volontariat, et le temps donné au programme est du temps de travail. Vous pouvez
              indiquer votre manager sur votre profil.
            </li>
            <li>
              Vous venez quand vous voulez et quand vous pouvez&nbsp;: grâce à un accueil en continu, vous pouvez rejoindre la communauté à tout moment de la
              saison.
            </li>
          </ul>

          <h2>Qui peut rejoindre la communauté</h2>
          <p>
            Les agentes et agents publics experts de la donnée, quel que soit leur ministère ou leur organisme. Vous vous connectez avec l’adresse électronique
            de votre administration (un lien de connexion vous est envoyé) ou avec ProConnect lorsqu’il est proposé.
          </p>

          <h2>Comment rejoindre</h2>
          <ol>
            <li>Connectez-vous avec votre adresse professionnelle.</li>
            <li>Présentez votre organisation et votre métier.</li>
            <li>Indiquez vos compétences et ce que vous aimeriez apprendre.</li>
            <li>
              Présentez-vous en quelques mots et acceptez la <a href={charterPath}>charte du programme</a>.
            </li>
          </ol>
          <p>Chaque étape est enregistrée&nbsp;: vous pouvez vous arrêter et reprendre plus tard.</p>

          <h2>Participer à la communauté, c’est aussi</h2>
          <ul>
            <li>faire partie d’une communauté de pairs qui échangent des pratiques, des informations et des actualités&nbsp;;</li>
            <li>intégrer une communauté apprenante, avec des formations à la fois expertes et généralistes&nbsp;;</li>
            <li>échanger lors de moments informels avec des pairs qui partagent des valeurs communes&nbsp;;</li>
            <li>
              proposer des projets d’intérêt général à l’échelle interministérielle lors de l’<a href="/appel-a-projets">appel à projets</a>&nbsp;;
            </li>
            <li>s’ouvrir à d’autres communautés (du public, du privé, du monde associatif…)&nbsp;;</li>
            <li>écrire ou partager des articles qui intéressent la communauté&nbsp;;</li>
            <li>contribuer à pérenniser les projets en aidant à leur trouver des sponsors&nbsp;;</li>
            <li>proposer des formations ou former les membres de la communauté&nbsp;;</li>
            <li>proposer à d’autres experts publics de la donnée de rejoindre la communauté.</li>
          </ul>

          <h2>Pour aller plus loin</h2>
          <ul>
            <li>
              <a href="/evenements">L’agenda</a>&nbsp;: ateliers, formations et webinaires d’information, certains ouverts à toutes et tous.
            </li>
            <li>
              <a href="/projets">Les projets</a> menés saison après saison, et <a href="/saisons">le calendrier des saisons</a>.
            </li>
            <li>
              <a href="/annuaire">Trouver un expert</a>&nbsp;: l’annuaire de la communauté, réservé à ses membres.
            </li>
          </ul>
        </div>
      </div>
    </Layout>
  );
}
