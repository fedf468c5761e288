import type { FormValues } from "../../../http/forms.ts";
import { formatCalendarDay } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CheckboxField, CheckboxGroup, CsrfField, ErrorSummary, type FieldErrors, InputField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { type AgreementProject, maxHalfDaysPerMonth } from "../domain/terms.ts";
import { CharterSummary, formValue } from "./agreement-parts.tsx";

export type AgreementFormModel = {
  mode: "send" | "modify" | "manager";
  action: string;
  season: { name: string; startsOn: string; endsOn: string };
  projects: AgreementProject[];
  values: FormValues;
  errors: FieldErrors;
  /** A refusal that is not about one field (a live agreement already exists, nothing changed…). */
  message: string | null;
  cancelHref: string;
  /** Modify: the agreement's manager, shown and kept (another manager is a new agreement: « Changer de manager »). */
  currentManagerName?: string;
};

const titles = { send: "Préparer ma convention 10\u00a0%", modify: "Modifier ma convention 10\u00a0%", manager: "Changer de manager" };

/** Prepare and send, modify (a new version), or change manager (a new agreement). */
export function AgreementFormPage({ context, model }: { context: PageContext; model: AgreementFormModel }) {
  const { values, errors, mode } = model;
  const chosenProjects = Array.isArray(values.projects) ? values.projects : typeof values.projects === "string" ? [values.projects] : [];
  return (
    <Layout context={context} title={titles[mode]} hasErrors={Object.keys(errors).length > 0 || model.message !== null} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Mon compte", href: "/compte" }, { label: "Mon 10\u00a0%", href: "/mon-10-pourcent" }]}>
      <h1>{titles[mode]}</h1>
      {model.message ? (
        <Alert kind="error" title="La convention n’est pas envoyée">
          <p>{model.message}</p>
        </Alert>
      ) : null}
      {mode === "send" ? (
        <p>
          Votre manager reçoit un courriel avec un lien personnel&nbsp;: sans créer de compte, il ou elle accepte, refuse ou pose une question. Vous suivez sa réponse ici et recevez un courriel.
        </p>
      ) : mode === "modify" ? (
        <p>Toute modification crée une nouvelle version&nbsp;: les signataires sont sollicités à nouveau et les liens envoyés auparavant ne fonctionnent plus.</p>
      ) : (
        <p>Un changement de manager crée une nouvelle convention, avec les mêmes conditions&nbsp;: l’actuelle est remplacée et votre nouveau ou nouvelle manager reçoit un lien personnel.</p>
      )}
      <ErrorSummary errors={errors} fieldIds={{ shareKind: "shareKind-fieldset", projects: "projects-fieldset" }} />
      <form method="post" action={model.action} noValidate>
        <CsrfField token={context.csrfToken} />
        {mode !== "manager" ? (
          <>
            <ShareFields values={values} errors={errors} />
            <fieldset className="fr-fieldset" id="period-fieldset" aria-labelledby="period-fieldset-legend">
              <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id="period-fieldset-legend">
                Période
                <span className="fr-hint-text">
                  Dans la {model.season.name.replace(/^Saison/, "saison")}, du {formatCalendarDay(model.season.startsOn)} au {formatCalendarDay(model.season.endsOn)}.
                </span>
              </legend>
              <div className="fr-fieldset__element fr-fieldset__element--inline">
                <InputField name="startsOn" label="Début" type="date" required value={formValue(values, "startsOn")} error={errors.startsOn} />
              </div>
              <div className="fr-fieldset__element fr-fieldset__element--inline">
                <InputField name="endsOn" label="Fin" type="date" required value={formValue(values, "endsOn")} error={errors.endsOn} />
              </div>
            </fieldset>
            {model.projects.length > 0 ? (
              <CheckboxGroup
                name="projects"
                legend="Projet(s)"
                hint={"Les projets de la saison dont vous êtes membre de l’équipe. Ne cochez rien si c’est encore «\u00a0À définir\u00a0»."}
                options={model.projects.map((project) => ({ value: project.projectId ?? "", label: project.title }))}
                values={chosenProjects}
                error={errors.projects}
              />
            ) : (
              <p>
                Projet(s)&nbsp;: <strong>À définir</strong> (vous n’êtes encore dans l’équipe d’aucun projet de la saison). Vous pourrez modifier la convention une fois dans une équipe.
              </p>
            )}
          </>
        ) : null}
        {mode === "modify" ? (
          <p>
            Votre manager&nbsp;: <strong>{model.currentManagerName ?? formValue(values, "managerName")}</strong>. Vous pouvez corriger son adresse ci-dessous&nbsp;; pour un autre ou une autre manager, la convention est
            remplacée par une nouvelle&nbsp;: <a href={`${model.cancelHref}/changer-de-manager`}>Changer de manager</a>.
          </p>
        ) : (
          <InputField
            name="managerName"
            label={mode === "manager" ? "Nom de votre nouveau ou nouvelle manager" : "Nom de votre manager"}
            required
            autoComplete="off"
            maxLength={200}
            value={formValue(values, "managerName")}
            error={errors.managerName}
          />
        )}
        <InputField
          name="managerEmail"
          label={mode === "manager" ? "Adresse électronique de votre nouveau ou nouvelle manager" : "Adresse électronique de votre manager"}
          hint="Son adresse professionnelle dans l’administration, par exemple prenom.nom@ministere.gouv.fr."
          type="email"
          required
          autoComplete="off"
          spellCheck={false}
          value={formValue(values, "managerEmail")}
          error={errors.managerEmail}
        />
        {mode === "send" ? (
          <>
            <h2 className="fr-h4">La charte du programme</h2>
            <CharterSummary />
            <p>
              <a href="/programme/charte">Lire la charte du programme en entier</a>
            </p>
            <CheckboxField name="charter" label="J’ai lu la charte du programme et je m’engage à la respecter (obligatoire)." checked={formValue(values, "charter") === "on"} error={errors.charter} />
          </>
        ) : null}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button className="fr-btn" type="submit">
              {mode === "send" ? "Envoyer à mon manager" : mode === "modify" ? "Envoyer la nouvelle version" : "Envoyer la nouvelle convention"}
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={model.cancelHref}>
              Annuler
            </a>
          </li>
        </ul>
      </form>
    </Layout>
  );
}

/**
 * The share of time: the programme's 10 %, or a number of half-days a month, its field nested right under
 * that choice (always there, so the form works without JavaScript).
 */
function ShareFields({ values, errors }: { values: FormValues; errors: FieldErrors }) {
  const chosen = formValue(values, "shareKind");
  const error = errors.shareKind;
  return (
    <fieldset className={`fr-fieldset${error ? " fr-fieldset--error" : ""}`} id="shareKind-fieldset" aria-labelledby="shareKind-fieldset-legend shareKind-fieldset-messages" role="group">
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id="shareKind-fieldset-legend">
        Part de temps
        <span className="fr-sr-only"> (obligatoire)</span>
      </legend>
      <div className="fr-fieldset__element">
        <div className="fr-radio-group">
          <input type="radio" id="shareKind-ten_percent" name="shareKind" value="ten_percent" defaultChecked={chosen === "ten_percent"} />
          <label className="fr-label" htmlFor="shareKind-ten_percent">
            10&nbsp;% de mon temps
            <span className="fr-hint-text">Environ deux demi-journées par mois.</span>
          </label>
        </div>
      </div>
      <div className="fr-fieldset__element">
        <div className="fr-radio-group">
          <input type="radio" id="shareKind-half_days" name="shareKind" value="half_days" defaultChecked={chosen === "half_days"} />
          <label className="fr-label" htmlFor="shareKind-half_days">
            Un nombre de demi-journées par mois
            <span className="fr-hint-text">Convenu avec votre manager&nbsp;; chaque demi-journée par mois fait environ 5&nbsp;% de votre temps.</span>
          </label>
        </div>
        <div className="fr-ml-4w fr-mt-1w fr-grid-row">
          <div className="fr-col-12 fr-col-md-4">
            <InputField
              name="halfDaysPerMonth"
              label="Nombre de demi-journées par mois"
              hint={`Si vous avez choisi un nombre de demi-journées\u00a0: entre 1 et ${maxHalfDaysPerMonth}.`}
              type="number"
              inputMode="numeric"
              value={formValue(values, "halfDaysPerMonth")}
              error={errors.halfDaysPerMonth}
            />
          </div>
        </div>
      </div>
      <div className="fr-messages-group" id="shareKind-fieldset-messages" aria-live="polite">
        {error ? <p className="fr-message fr-message--error">{error}</p> : null}
      </div>
    </fieldset>
  );
}
