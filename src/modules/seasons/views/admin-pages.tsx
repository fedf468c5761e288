import { Alert } from "../../../ui/alert.tsx";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { CheckboxField, CsrfField, ErrorSummary, type FieldErrors, InputField } from "../../../ui/fields.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import { seasonsAdminBreadcrumb } from "./breadcrumb.ts";
import { formatDay } from "./format.ts";

export type AdminSeasonRow = { id: string; slug: string; name: string; startsOn: string; endsOn: string; phaseCount: number; status: string };

/** `/admin/saisons`: every season, with a link to edit it and one to create the next. */
export function SeasonsAdminPage({ context, rows }: { context: PageContext; rows: AdminSeasonRow[] }) {
  return (
    <Layout context={context} title="Saisons" breadcrumb={seasonsAdminBreadcrumb.slice(0, 2)}>
      <h1>Saisons</h1>
      <p>Chaque saison suit ses phases datées, de l’appel à projets à la restitution. La phase en cours est affichée sur la page d’accueil et sur la page publique de la saison.</p>
      <ButtonLink href="/admin/saisons/nouvelle" icon="add-line">
        Nouvelle saison
      </ButtonLink>
      {rows.length === 0 ? (
        <p className="fr-mt-4w">Aucune saison pour le moment.</p>
      ) : (
        <Table
          caption="Les saisons du programme"
          columns={["Saison", "Adresse", "Dates", "Phases", "Où en est-elle\u00a0?"]}
          rowHeaders
          rows={rows.map((row) => [
            <a href={`/admin/saisons/${row.id}`}>{row.name}</a>,
            <a href={`/saisons/${row.slug}`}>/saisons/{row.slug}</a>,
            `${formatDay(row.startsOn)} – ${formatDay(row.endsOn)}`,
            String(row.phaseCount),
            row.status,
          ])}
        />
      )}
    </Layout>
  );
}

export type PhaseFormValues = { key: string; name: string; startsOn: string; endsOn: string };
export type SeasonFormValues = { name: string; slug: string; startsOn: string; endsOn: string; phases: PhaseFormValues[]; added: PhaseFormValues };

export type SeasonFormPageProps = {
  context: PageContext;
  /** The stored season being edited; null on the creation page. */
  season: { id: string; name: string; slug: string } | null;
  values: SeasonFormValues;
  errors: FieldErrors;
  notice?: "created" | "saved" | undefined;
};

/** The id (and name) of a phase's field in the form: `phase-2-startsOn`. */
export const phaseField = (index: number, field: "key" | "name" | "startsOn" | "endsOn" | "remove") => `phase-${index}-${field}`;

/**
 * Creation (name, address, dates: the eight phases are then spread over the dates) and edition of
 * a season and its phases: rename, redate, remove (checkbox) or add one (the last, empty group).
 * Works without JavaScript.
 */
export function SeasonFormPage({ context, season, values, errors, notice }: SeasonFormPageProps) {
  const title = season ? `Modifier «\u00a0${season.name}\u00a0»` : "Nouvelle saison";
  const action = season ? `/admin/saisons/${season.id}` : "/admin/saisons/nouvelle";
  return (
    <Layout context={context} title={title} hasErrors={Object.keys(errors).length > 0} breadcrumb={seasonsAdminBreadcrumb}>
      <h1>{title}</h1>
      {notice === "created" ? (
        <Alert kind="success" title="Saison créée">
          <p>Les huit phases ont été réparties sur ses dates&nbsp;: ajustez-les ci-dessous.</p>
        </Alert>
      ) : null}
      {notice === "saved" ? <Alert kind="success" title="Saison enregistrée" /> : null}
      {season ? (
        <p>
          Page publique&nbsp;: <a href={`/saisons/${season.slug}`}>/saisons/{season.slug}</a>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} noValidate>
        <CsrfField token={context.csrfToken} />
        <InputField name="name" label="Nom" hint={"Par exemple\u00a0: Saison 2024."} required maxLength={100} value={values.name} error={errors.name} />
        <InputField name="slug" label="Identifiant dans l’adresse" hint={"Lettres minuscules, chiffres et tirets, par exemple\u00a0: 2024 (la page sera /saisons/2024)."} required maxLength={40} value={values.slug} error={errors.slug} />
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <InputField name="startsOn" type="date" label="Premier jour" required value={values.startsOn} error={errors.startsOn} />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <InputField name="endsOn" type="date" label="Dernier jour" required value={values.endsOn} error={errors.endsOn} />
          </div>
        </div>
        {season ? (
          <>
            <h2 id="phases">Phases</h2>
            <p>Les phases se suivent sans se chevaucher, à l’intérieur des dates de la saison&nbsp;; chaque date est incluse (une phase «&nbsp;jusqu’au 30&nbsp;juin&nbsp;» dure toute la journée du 30&nbsp;juin, heure de Paris).</p>
            {errors.phases ? <Alert kind="error" small>{<p>{errors.phases}</p>}</Alert> : null}
            <input type="hidden" name="phaseCount" value={String(values.phases.length)} />
            {values.phases.map((phase, index) => (
              <PhaseFields key={index} index={index} phase={phase} errors={errors} legend={`Phase n°\u00a0${index + 1}${phase.name.trim() ? `\u00a0: ${phase.name.trim()}` : ""}`} removable />
            ))}
            <PhaseFields index={values.phases.length} phase={values.added} errors={errors} legend="Ajouter une phase (facultatif)" hint="Laissez vide pour n’ajouter aucune phase." />
          </>
        ) : (
          <p>À la création, les huit phases d’une saison (appel à projets, qualification, lancement, vœux, investigation, construction, amplification, restitution) sont réparties sur ses dates&nbsp;; vous les ajustez ensuite.</p>
        )}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit">{season ? "Enregistrer la saison" : "Créer la saison"}</Button>
          </li>
          <li>
            <ButtonLink href="/admin/saisons" variant="secondary">
              Retour aux saisons
            </ButtonLink>
          </li>
        </ul>
      </form>
    </Layout>
  );
}

function PhaseFields({ index, phase, errors, legend, hint, removable }: { index: number; phase: PhaseFormValues; errors: FieldErrors; legend: string; hint?: string; removable?: boolean }) {
  return (
    <fieldset className="fr-fieldset fr-mb-2w" aria-labelledby={`${phaseField(index, "name")}-legend`}>
      <legend className="fr-fieldset__legend" id={`${phaseField(index, "name")}-legend`}>
        {legend}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </legend>
      <input type="hidden" name={phaseField(index, "key")} value={phase.key} />
      <div className="fr-fieldset__element">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <InputField name={phaseField(index, "name")} label="Nom de la phase" maxLength={100} value={phase.name} error={errors[phaseField(index, "name")]} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <InputField name={phaseField(index, "startsOn")} type="date" label="Premier jour" value={phase.startsOn} error={errors[phaseField(index, "startsOn")]} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <InputField name={phaseField(index, "endsOn")} type="date" label="Dernier jour" value={phase.endsOn} error={errors[phaseField(index, "endsOn")]} />
          </div>
        </div>
      </div>
      {removable ? (
        <div className="fr-fieldset__element">
          <CheckboxField name={phaseField(index, "remove")} label={`Retirer la phase n°\u00a0${index + 1} en enregistrant`} />
        </div>
      ) : null}
    </fieldset>
  );
}
