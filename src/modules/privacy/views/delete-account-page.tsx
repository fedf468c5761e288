import { Alert } from "../../../ui/alert.tsx";
import { CsrfField, ErrorSummary, InputField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { deletionWord } from "../domain/deletion-confirmation.ts";

const accountTrail = [
  { label: "Accueil", href: "/" },
  { label: "Mon compte", href: "/compte" },
];

/** What a deletion erases and what it keeps: the same rule as on /donnees-personnelles. */
export function DeletionRule() {
  return (
    <>
      <h2 className="fr-h4">Ce qui est effacé</h2>
      <ul>
        <li>votre nom, votre prénom, votre adresse électronique, votre organisation et votre SIRET&nbsp;;</li>
        <li>votre profil (présentation, métier, liens, manager, disponibilité) et vos compétences&nbsp;: vous disparaissez de l’annuaire&nbsp;;</li>
        <li>vos rôles, vos sessions (vous êtes déconnecté de tous vos appareils) et vos liens de connexion&nbsp;;</li>
        <li>les courriels qui vous ont été envoyés et ceux en attente d’envoi&nbsp;;</li>
        <li>votre nom et votre adresse s’ils figurent comme manager dans le profil d’un autre membre.</li>
      </ul>
      <h2 className="fr-h4">Ce qui est conservé sous la mention «&nbsp;Ancien membre&nbsp;»</h2>
      <ul>
        <li>vos participations aux saisons et aux projets&nbsp;: l’histoire d’un projet garde sa saison et son équipe&nbsp;;</li>
        <li>vos contributions au contenu du site (l’historique indique «&nbsp;Ancien membre&nbsp;» à la place de votre nom)&nbsp;;</li>
        <li>les compétences que vous avez proposées et les domaines de messagerie que vous avez ajoutés.</li>
      </ul>
      <p>
        Ces éléments restent rattachés à un compte anonyme&nbsp;: plus rien ne permet de vous y relier. Si vous vous reconnectez plus tard avec la même
        adresse, un nouveau compte vide est créé.
      </p>
    </>
  );
}

export type DeleteAccountPageProps = { context: PageContext; email: string; value?: string | undefined; error?: string | undefined };

/** `/compte/suppression`: what is erased and kept, then a confirmation typed by the person. */
export function DeleteAccountPage({ context, email, value, error }: DeleteAccountPageProps) {
  return (
    <Layout context={context} title="Supprimer mon compte" hasErrors={Boolean(error)} breadcrumb={accountTrail}>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>Supprimer mon compte</h1>
          <Alert kind="warning" title="La suppression est définitive">
            <p>
              Elle ne peut pas être annulée. Avant de continuer, vous pouvez <a href="/compte/donnees.json">télécharger vos données</a> ou{" "}
              <a href="/compte/donnees">les consulter</a>.
            </p>
          </Alert>
          <div className="fr-mt-4w">
            <DeletionRule />
          </div>
          <h2 className="fr-h4 fr-mt-4w">Confirmer la suppression</h2>
          <ErrorSummary errors={{ confirmation: error }} />
          <form method="post" action="/compte/suppression" noValidate>
            <CsrfField token={context.csrfToken} />
            <InputField
              name="confirmation"
              label={`Pour confirmer, saisissez ${deletionWord} ou votre adresse électronique`}
              hint={`Votre adresse\u00a0: ${email}`}
              required
              autoComplete="off"
              spellCheck={false}
              maxLength={254}
              value={value}
              error={error}
            />
            <button className="fr-btn fr-icon-delete-line fr-btn--icon-left" type="submit">
              Supprimer définitivement mon compte
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

/** After the deletion: the person is signed out. */
export function AccountDeletedPage({ context }: { context: PageContext }) {
  return (
    <Layout context={context} title="Compte supprimé" breadcrumb={[{ label: "Accueil", href: "/" }]}>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>Votre compte est supprimé</h1>
          <Alert kind="success" title="Vos données personnelles sont effacées">
            <p>Vous êtes déconnecté de tous vos appareils. Vos contributions qui devaient rester apparaissent désormais sous la mention «&nbsp;Ancien membre&nbsp;».</p>
          </Alert>
          <p className="fr-mt-4w">
            Si vous vous étiez connecté avec ProConnect, votre session ProConnect reste ouverte dans ce navigateur&nbsp;: fermez-le si l’appareil est partagé.
          </p>
          <p>
            Merci d’avoir contribué au Programme 10&nbsp;%. Vous pouvez revenir quand vous le souhaitez&nbsp;: <a href="/rejoindre">rejoindre le programme</a>.
          </p>
        </div>
      </div>
    </Layout>
  );
}
