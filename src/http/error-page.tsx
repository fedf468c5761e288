import type { ReactNode } from "react";
import { Layout } from "../ui/layout.tsx";
import type { PageContext } from "../ui/page-context.ts";

export type ErrorPageProps = { context: PageContext; status: number; title: string; lead: string; detail?: ReactNode; action?: { label: string; href: string } | undefined };

/** DSFR "page d'erreur" pattern used for 4xx and 5xx answers. */
export function ErrorPage({ context, status, title, lead, detail, action }: ErrorPageProps) {
  return (
    <Layout context={context} title={title}>
      <div className="fr-my-7w fr-mt-md-12w fr-mb-md-10w fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-grid-row--center">
        <div className="fr-py-0 fr-col-12 fr-col-md-8">
          <h1>{title}</h1>
          <p className="fr-text--sm fr-mb-3w">Erreur {status}</p>
          <p className="fr-text--lead fr-mb-3w">{lead}</p>
          {detail ? <p className="fr-text--sm fr-mb-5w">{detail}</p> : null}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {action ? (
              <li>
                <a className="fr-btn" href={action.href}>
                  {action.label}
                </a>
              </li>
            ) : null}
            <li>
              <a className={action ? "fr-btn fr-btn--secondary" : "fr-btn"} href="/">
                Page d’accueil
              </a>
            </li>
          </ul>
        </div>
      </div>
    </Layout>
  );
}

export const errorTexts: Record<number, { title: string; lead: string; detail?: ReactNode }> = {
  400: { title: "Requête invalide", lead: "La demande envoyée n’a pas pu être comprise.", detail: "Vérifiez le lien ou le formulaire, puis réessayez." },
  401: { title: "Connexion nécessaire", lead: "Connectez-vous pour accéder à cette page." },
  403: {
    title: "Accès refusé",
    lead: "Vous n’avez pas les droits nécessaires pour accéder à cette page.",
    detail: (
      <>
        Si vous pensez qu’il s’agit d’une erreur, <a href="/contact">écrivez à l’équipe du programme</a>.
      </>
    ),
  },
  404: {
    title: "Page non trouvée",
    lead: "La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.",
    detail: "Si vous avez tapé l’adresse web dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être plus disponible.",
  },
  405: { title: "Méthode non autorisée", lead: "Cette adresse ne peut pas être utilisée de cette façon." },
  413: {
    title: "Envoi trop volumineux",
    lead: "Le formulaire envoyé dépasse la taille autorisée.",
    detail: "Raccourcissez le texte saisi ou choisissez un fichier plus léger, puis réessayez.",
  },
  415: {
    title: "Format non accepté",
    lead: "Le format des données envoyées n’est pas accepté.",
    detail: "Les formulaires de la plateforme s’envoient depuis ses pages, avec un navigateur\u00a0: revenez à la page du formulaire et envoyez-le à nouveau.",
  },
  429: { title: "Trop de demandes", lead: "Vous avez fait trop de demandes en peu de temps.", detail: "Cette limite protège le service et les comptes contre les abus." },
  500: {
    title: "Erreur inattendue",
    lead: "Désolé, le service rencontre un problème, nous travaillons pour le résoudre le plus rapidement possible.",
    detail: "Essayez de rafraîchir la page ou réessayez un peu plus tard.",
  },
  503: {
    title: "Service momentanément indisponible",
    lead: "La plateforme ne peut pas répondre pour le moment. Nous faisons le nécessaire pour la rétablir au plus vite.",
    detail: "Réessayez dans quelques instants\u00a0: ce qui était déjà enregistré est conservé.",
  },
};
