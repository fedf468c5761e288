import type { ReactNode } from "react";
import type { FormValues } from "../../../http/forms.ts";
import { formatDateTime } from "../../../shared/french-date.ts";
import { ofName } from "../../../shared/french-elision.ts";
import { Alert } from "../../../ui/alert.tsx";
import type { FieldErrors } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { Agreement, AgreementSignature } from "./agreement-repository.ts";
import { CharterSummary, questionsOf, StatusBadge, TermsList } from "./agreement-parts.tsx";
import { DecisionForm } from "./signing-decision-form.tsx";

export type SigningPageModel = { agreement: Agreement; signature: AgreementSignature; action: string; values: FormValues; errors: FieldErrors; message: string | null };

/** The page a signatory's personal link opens: no account, no JavaScript needed. */
export function SigningPage({ context, model }: { context: PageContext; model: SigningPageModel }) {
  const { agreement, signature } = model;
  const { terms } = agreement;
  const questions = questionsOf(agreement, signature);
  return (
    <Layout context={context} title={`Convention 10\u00a0% ${ofName(terms.memberName)}`} hasErrors={Object.keys(model.errors).length > 0}>
      <h1>Convention 10&nbsp;% {ofName(terms.memberName)}</h1>
      <StatusBadge status={agreement.status} />
      {model.message ? <Alert kind="error">{model.message}</Alert> : null}
      <p>
        Bonjour {signature.name}, {terms.memberName} vous demande, en tant que {signature.role === "manager" ? "manager" : "troisième signataire pour son ministère"}, votre accord pour consacrer une part de son temps au
        Programme 10&nbsp;%. Vous n’avez pas besoin de compte&nbsp;: ce lien personnel suffit.
      </p>
      <h2>Le Programme 10&nbsp;%</h2>
      <p>
        Le programme réunit des agents publics experts de la donnée qui consacrent environ 10&nbsp;% de leur temps de travail (à peu près deux demi-journées par mois) à des projets d’intérêt général entre administrations. Ce
        temps est un plafond convenu avec le ou la manager, pas un objectif&nbsp;; le temps réellement consacré est déclaré sur la plateforme et vous pourrez le consulter.
      </p>
      <h2>Les conditions proposées</h2>
      <p>Dernière version de la convention, envoyée le {formatDateTime(terms.createdAt)}.</p>
      <TermsList terms={terms} audience="signatory" />
      {questions.length > 0 ? (
        <section aria-labelledby="vos-questions">
          <h2 id="vos-questions">{questions.length > 1 ? "Vos questions" : "Votre question"}</h2>
          {questions.map((item, index) => (
            <div key={index} className="fr-mb-3w">
              <p className="fr-mb-1w">
                <strong>Vous avez demandé, le {formatDateTime(item.askedAt)}&nbsp;:</strong>
              </p>
              <blockquote className="fr-ml-2w fr-mb-2w">
                <p>{item.question}</p>
              </blockquote>
              {item.answer !== null && item.answeredAt ? (
                <>
                  <p className="fr-mb-1w">
                    <strong>{`Réponse ${ofName(terms.memberName)}, le ${formatDateTime(item.answeredAt)}\u00a0:`}</strong>
                  </p>
                  <blockquote className="fr-ml-2w">
                    <p>{item.answer}</p>
                  </blockquote>
                </>
              ) : (
                <p>{terms.memberName} n’a pas encore répondu. Vous pouvez attendre sa réponse, qui vous parviendra par courriel, ou décider dès maintenant.</p>
              )}
            </div>
          ))}
        </section>
      ) : null}
      <h2>La charte du programme</h2>
      <CharterSummary />
      <p>
        <a href="/programme/charte">Lire la charte du programme en entier</a>
      </p>
      <h2>Ce qui se passe ensuite</h2>
      <ul>
        <li>
          <strong>Si vous acceptez</strong>, la convention est signée&nbsp;: vous recevez par courriel la convention signée (PDF), puis chaque mois un récapitulatif du temps que {terms.memberName} consacre au
          programme. Vous pouvez aussi voir ses totaux à tout moment en vous connectant à la plateforme avec cette adresse. Chacun peut mettre fin à la convention à tout moment.
        </li>
        <li>
          <strong>Si vous refusez</strong>, {terms.memberName} est prévenu·e par courriel, avec la raison que vous indiquez.
        </li>
        <li>
          <strong>Si vous posez une question</strong>, {terms.memberName} vous répond par courriel, avec un nouveau lien pour décider. Ce lien-ci reste valable jusqu’à votre décision.
        </li>
      </ul>
      <p>
        Une question sur le programme&nbsp;? <a href="/contact">Écrivez à l’équipe du programme</a>.
      </p>
      <h2>Votre réponse</h2>
      <DecisionForm action={model.action} version={terms.version} csrfToken={context.csrfToken} values={model.values} errors={model.errors} />
    </Layout>
  );
}

/** A link that no longer opens the agreement, with why. */
export function SigningRefusedPage({ context, message, title }: { context: PageContext; message: string; title: string }) {
  return (
    <Layout context={context} title={title}>
      <h1>{title}</h1>
      <Alert kind="warning">
        <p>{message}</p>
      </Alert>
      <p>
        Si vous avez un compte sur la plateforme avec cette adresse, vous pouvez aussi <a href="/connexion">vous connecter</a> pour retrouver les conventions qui vous concernent.
      </p>
    </Layout>
  );
}

/** After an answer given through a link. */
export function SigningDonePage({ context, title, message, children }: { context: PageContext; title: string; message: string; children?: ReactNode }) {
  return (
    <Layout context={context} title={title}>
      <h1>{title}</h1>
      <Alert kind="success">
        <p>{message}</p>
      </Alert>
      {children}
    </Layout>
  );
}

/** After an acceptance through a link: where the signed agreement goes, and how to follow the agent's time. */
export function AcceptedNext({ memberName, signed }: { memberName: string; signed: boolean }) {
  return (
    <>
      <h2 className="fr-mt-4w">Et maintenant&nbsp;?</h2>
      <ul>
        {signed ? <li>La convention signée est jointe, en PDF, au courriel de confirmation que vous recevez.</li> : <li>La convention sera signée quand tous les signataires auront accepté&nbsp;; vous en recevrez le PDF par courriel.</li>}
        <li>Chaque mois, vous recevez par courriel un récapitulatif du temps que {memberName} consacre au programme.</li>
        <li>
          Pour suivre ce temps à tout moment, <a href="/connexion?retour=/mes-agents">connectez-vous à la plateforme avec cette adresse</a>, rubrique «&nbsp;Mes agents&nbsp;».
        </li>
      </ul>
    </>
  );
}
