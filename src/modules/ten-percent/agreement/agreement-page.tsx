import type { FormValues } from "../../../http/forms.ts";
import { formatCalendarDay } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { ofName } from "../../../shared/french-elision.ts";
import { CheckboxField, CsrfField, ErrorSummary, type FieldErrors, InputField, TextareaField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { AgreementViewer } from "../access.ts";
import { type Agreement, type AgreementSignature, currentSignatures } from "./agreement-repository.ts";
import { EventsTable, formValue, PendingQuestions, SignaturesTable, StatusBadge, TermsList } from "./agreement-parts.tsx";
import { DecisionForm } from "./signing-decision-form.tsx";

export type AgreementPageModel = {
  agreement: Agreement;
  viewer: AgreementViewer;
  /** The viewer's own undecided signature of the current version (they may decide here, signed in). */
  ownSignature: AgreementSignature | null;
  questionPending: boolean;
  canEnd: boolean;
  today: string;
  /** Which form the values and errors belong to. */
  form: { name: "decision" | "answer" | "end" | null; values: FormValues; errors: FieldErrors };
  notice: string | null;
  message: string | null;
};

/** `/conventions/:id`: terms, versions, signatures, audit trail, and what the viewer may do. */
export function AgreementPage({ context, model }: { context: PageContext; model: AgreementPageModel }) {
  const { agreement, viewer, form } = model;
  const { terms } = agreement;
  const live = agreement.status === "sent" || agreement.status === "accepted";
  const base = `/conventions/${agreement.id}`;
  const errorsOf = (name: string) => (form.name === name ? form.errors : {});
  const valuesOf = (name: string) => (form.name === name ? form.values : {});
  const withdraw = agreement.status === "sent" && viewer === "member";
  const older = agreement.versions.filter((version) => version.version !== agreement.currentVersion).reverse();
  return (
    <Layout
      context={context}
      title={`Convention 10\u00a0% ${ofName(terms.memberName)}`}
      hasErrors={Object.keys(form.errors).length > 0}
      breadcrumb={breadcrumbOf(viewer)}
    >
      <h1>Convention 10&nbsp;% {ofName(terms.memberName)}</h1>
      <StatusBadge status={agreement.status} />
      {model.notice ? <Alert kind="success">{model.notice}</Alert> : null}
      {model.message ? <Alert kind="error">{model.message}</Alert> : null}
      {agreement.status === "ended" && agreement.endedOn ? (
        <p>
          {/* Ended by its member before every signatory accepted: the request was withdrawn. */}
          {agreement.endedBy === "member" && !currentSignatures(agreement).every((signature) => signature.decision === "accepted") ? "Demande retirée le " : "Terminée à compter du "}
          {formatCalendarDay(agreement.endedOn)}
          {agreement.endReason ? `\u00a0: ${agreement.endReason}` : "."}
        </p>
      ) : null}
      <h2>Conditions (version {agreement.currentVersion})</h2>
      <TermsList terms={terms} />
      {agreement.status === "accepted" || (agreement.status === "ended" && currentSignatures(agreement).every((signature) => signature.decision === "accepted")) ? (
        <p>
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`${base}/pdf`}>
            Télécharger la convention signée (PDF)
          </a>
        </p>
      ) : null}
      <h2>Signatures</h2>
      <SignaturesTable caption="Signatures de toutes les versions" noCaption signatures={agreement.signatures} agreement={agreement} />
      {model.ownSignature ? (
        <section aria-labelledby="decider" className="fr-mt-4w">
          <h2 id="decider">Votre réponse</h2>
          <p>Vous êtes connecté·e avec l’adresse à laquelle la convention a été envoyée&nbsp;: vous pouvez répondre ici.</p>
          <DecisionForm action={`${base}/decision`} version={agreement.currentVersion} csrfToken={context.csrfToken} values={valuesOf("decision")} errors={errorsOf("decision")} />
        </section>
      ) : null}
      {viewer === "member" && model.questionPending ? (
        <section aria-labelledby="repondre" className="fr-mt-4w">
          <h2 id="repondre">Répondre à la question</h2>
          <PendingQuestions agreement={agreement} />
          <ErrorSummary errors={errorsOf("answer")} />
          <form method="post" action={`${base}/repondre`} noValidate>
            <CsrfField token={context.csrfToken} />
            <TextareaField name="answer" label="Votre réponse" hint="Envoyée par courriel au signataire, avec un nouveau lien personnel." required rows={4} maxLength={2000} value={formValue(valuesOf("answer"), "answer")} error={errorsOf("answer").answer} />
            <button className="fr-btn" type="submit">
              Envoyer ma réponse
            </button>
          </form>
        </section>
      ) : null}
      {viewer === "member" && live ? (
        <section aria-labelledby="gerer" className="fr-mt-4w">
          <h2 id="gerer">Gérer ma convention</h2>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <a className="fr-btn fr-btn--secondary" href={`${base}/modifier`}>
                Modifier la convention
              </a>
            </li>
            <li>
              <a className="fr-btn fr-btn--secondary" href={`${base}/changer-de-manager`}>
                Changer de manager
              </a>
            </li>
          </ul>
          <form method="post" action={`${base}/partage`}>
            <CsrfField token={context.csrfToken} />
            <input type="hidden" name="shareDetails" value={agreement.shareDetails ? "off" : "on"} />
            <p>
              {agreement.shareDetails
                ? "Votre manager voit le détail de votre temps déclaré (dates, projets et descriptions)."
                : "Votre manager voit les totaux de votre temps, pas le détail de ce que vous avez déclaré."}
            </p>
            <button className="fr-btn fr-btn--tertiary" type="submit">
              {agreement.shareDetails ? "Ne plus montrer le détail à mon manager" : "Montrer le détail de mon temps à mon manager"}
            </button>
          </form>
        </section>
      ) : null}
      {model.canEnd && withdraw ? (
        <section aria-labelledby="terminer" className="fr-mt-4w">
          <h2 id="terminer">Retirer ma demande</h2>
          <p>Votre demande attend encore une signature. Si vous la retirez, les signataires sont prévenus par courriel que leur réponse n’est plus attendue, et leurs liens ne fonctionnent plus.</p>
          <ErrorSummary errors={errorsOf("end")} fieldIds={{ reason: "endReason" }} />
          <form method="post" action={`${base}/terminer`} noValidate>
            <CsrfField token={context.csrfToken} />
            <TextareaField name="reason" id="endReason" label="Raison (facultatif)" hint="Transmise aux signataires." rows={3} maxLength={2000} value={formValue(valuesOf("end"), "reason")} error={errorsOf("end").reason} />
            <CheckboxField name="confirm" label={`Je confirme retirer ma demande de convention, à compter du ${formatCalendarDay(model.today)}.`} checked={formValue(valuesOf("end"), "confirm") === "on"} error={errorsOf("end").confirm} />
            <button className="fr-btn fr-btn--secondary" type="submit">
              Retirer ma demande
            </button>
          </form>
        </section>
      ) : model.canEnd ? (
        <section aria-labelledby="terminer" className="fr-mt-4w">
          <h2 id="terminer">Terminer la convention avant son terme</h2>
          <p>Les autres personnes concernées sont prévenues par courriel.</p>
          <ErrorSummary errors={errorsOf("end")} fieldIds={{ reason: "endReason" }} />
          <form method="post" action={`${base}/terminer`} noValidate>
            <CsrfField token={context.csrfToken} />
            <InputField
              name="endedOn"
              label="Date de fin"
              hint={`À partir d’aujourd’hui, au plus tard le ${formatCalendarDay(terms.endsOn)}.`}
              type="date"
              required
              value={formValue(valuesOf("end"), "endedOn", model.today > terms.startsOn ? model.today : terms.startsOn)}
              error={errorsOf("end").endedOn}
            />
            <TextareaField name="reason" id="endReason" label="Raison (facultatif)" rows={3} maxLength={2000} value={formValue(valuesOf("end"), "reason")} error={errorsOf("end").reason} />
            <CheckboxField name="confirm" label="Je confirme mettre fin à cette convention à la date indiquée ci-dessus (obligatoire)." checked={formValue(valuesOf("end"), "confirm") === "on"} error={errorsOf("end").confirm} />
            <button className="fr-btn fr-btn--secondary" type="submit">
              Terminer la convention
            </button>
          </form>
        </section>
      ) : null}
      {older.length > 0 ? (
        <section aria-labelledby="versions" className="fr-mt-4w">
          <h2 id="versions">Versions précédentes</h2>
          {older.map((version) => (
            <div key={version.version}>
              <h3 className="fr-h6">Version {version.version}</h3>
              <TermsList terms={version} />
            </div>
          ))}
        </section>
      ) : null}
      <h2 className="fr-mt-4w">Historique</h2>
      <EventsTable agreement={agreement} noCaption />
    </Layout>
  );
}

/** Where the page sits: the member's « Mon 10 % », a signatory's « Mes agents », the programme team's administration. */
function breadcrumbOf(viewer: AgreementViewer) {
  const home = { label: "Accueil", href: "/" };
  const account = { label: "Mon compte", href: "/compte" };
  if (viewer === "member") return [home, account, { label: "Mon 10\u00a0%", href: "/mon-10-pourcent" }];
  if (viewer === "programme") return [home, { label: "Administration", href: "/admin" }, { label: "Conventions 10\u00a0%", href: "/admin/conventions" }];
  return [home, account, { label: "Mes agents", href: "/mes-agents" }];
}
