import type { FormValues } from "../../../http/forms.ts";
import { formatCalendarDay, formatDateTime } from "../../../shared/french-date.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CheckboxField, CsrfField, ErrorSummary, type FieldErrors, InputField, type Option, SelectField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { KeptWishList } from "./wish-repository.ts";
import { maxMotivationLength } from "./wishes-form.ts";
import { maxWishes, type WishWindow } from "./wish-window.ts";

export type WishesPageModel = {
  window: WishWindow | null;
  /** Shown instead of the form when the phase is not open (or a write was refused). */
  closedMessage: string | null;
  /** The season's teams are published: wishes no longer count. */
  published: boolean;
  projects: Option[];
  kept: KeptWishList | null;
  values: FormValues;
  errors: FieldErrors;
  /** The project the member may keep priority on (last season's, continuing). */
  continuing: { id: string; title: string } | null;
  notice: string | null;
};

function value(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

export function WishesPage({ context, model }: { context: PageContext; model: WishesPageModel }) {
  const { window, values, errors } = model;
  const open = window?.state === "open" && !model.published;
  return (
    <Layout context={context} title="Mes vœux" hasErrors={Object.keys(errors).length > 0} breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Mon compte", href: "/compte" }]}>
      <h1>Mes vœux</h1>
      {window ? (
        <p className="fr-text--lead">
          {window.season.name}&nbsp;: phase des vœux du {formatCalendarDay(window.opensOn)} au {formatCalendarDay(window.closesOn)}.
        </p>
      ) : null}
      {model.notice ? <Alert kind="success">{model.notice}</Alert> : null}
      <p>
        Pendant la phase des vœux, classez jusqu’à cinq projets de la saison que vous souhaitez rejoindre, ou indiquez que vous irez là où vous êtes utile. L’équipe du programme forme ensuite les équipes en cherchant la meilleure répartition pour tous, selon ce que chaque projet recherche et la diversité des ministères, puis vous écrit.
        {window ? (
          <>
            {" "}
            <a href={`/saisons/${window.season.slug}`}>Les projets de la {window.season.name.toLowerCase()}</a> disent ce que leur équipe recherche.
          </>
        ) : null}
      </p>
      {model.closedMessage ? <Alert kind={open ? "error" : "info"}>{model.closedMessage}</Alert> : null}
      {!window ? <p>Aucune phase de vœux n’est prévue pour le moment.</p> : null}
      {model.kept ? <KeptState kept={model.kept} /> : null}
      {open ? <WishesForm model={model} csrfToken={context.csrfToken} values={values} errors={errors} /> : model.kept ? <KeptWishes kept={model.kept} projects={model.projects} /> : null}
    </Layout>
  );
}

function KeptState({ kept }: { kept: KeptWishList }) {
  return kept.state === "submitted" && kept.submittedAt ? (
    <p>
      <span className="fr-badge fr-badge--success fr-badge--sm fr-mr-1w">Envoyés</span>
      Vœux envoyés le {formatDateTime(kept.submittedAt)}.
    </p>
  ) : (
    <p>
      <span className="fr-badge fr-badge--warning fr-badge--sm fr-mr-1w">Brouillon</span>
      Vos vœux sont enregistrés en brouillon, pas encore envoyés.
    </p>
  );
}

function KeptWishes({ kept, projects }: { kept: KeptWishList; projects: Option[] }) {
  const titles = new Map(projects.map((project) => [project.value, project.label]));
  return (
    <section aria-labelledby="voeux-gardes">
      <h2 id="voeux-gardes">Vos vœux</h2>
      {kept.wishes.length > 0 ? (
        <ol>
          {kept.wishes.map((wish) => (
            <li key={wish.rank}>
              {titles.get(wish.projectId) ?? "Projet retiré"}
              {wish.motivation ? ` — ${wish.motivation}` : ""}
            </li>
          ))}
        </ol>
      ) : null}
      {kept.anyProject ? <p>N’importe quel projet où je suis utile.</p> : null}
      {kept.keepPreviousProject ? <p>Je souhaite poursuivre sur mon projet de la saison précédente (prioritaire).</p> : null}
    </section>
  );
}

function WishesForm({ model, csrfToken, values, errors }: { model: WishesPageModel; csrfToken: string; values: FormValues; errors: FieldErrors }) {
  return (
    <form method="post" action="/voeux" noValidate>
      <CsrfField token={csrfToken} />
      <ErrorSummary errors={errors} />
      <p>Classez jusqu’à {maxWishes}&nbsp;projets de la saison, du plus souhaité au moins souhaité. Une ligne vide est ignorée.</p>
      {Array.from({ length: maxWishes }, (_, index) => index + 1).map((rank) => (
        <fieldset className="fr-fieldset" aria-labelledby={`voeu-${rank}-legend`} key={rank}>
          <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={`voeu-${rank}-legend`}>
            Vœu n°&nbsp;{rank}
          </legend>
          <div className="fr-fieldset__element">
            <SelectField name={`project-${rank}`} label="Projet" options={model.projects} value={value(values, `project-${rank}`)} error={errors[`project-${rank}`]} placeholder="Aucun" />
          </div>
          <div className="fr-fieldset__element">
            <InputField name={`motivation-${rank}`} label="Motivation (facultatif)" hint={`Une ligne, au plus ${maxMotivationLength}\u00a0caractères.`} maxLength={maxMotivationLength} value={value(values, `motivation-${rank}`)} error={errors[`motivation-${rank}`]} />
          </div>
        </fieldset>
      ))}
      <CheckboxField name="anyProject" label="N’importe quel projet où je suis utile" checked={value(values, "anyProject") === "on"} />
      {model.continuing ? <CheckboxField name="keepPreviousProject" label={`Je souhaite poursuivre sur ${model.continuing.title} (prioritaire)`} checked={value(values, "keepPreviousProject") === "on"} /> : null}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button className="fr-btn" type="submit" name="action" value="submit">
            Envoyer mes vœux
          </button>
        </li>
        <li>
          <button className="fr-btn fr-btn--secondary" type="submit" name="action" value="draft">
            Enregistrer le brouillon
          </button>
        </li>
      </ul>
    </form>
  );
}
