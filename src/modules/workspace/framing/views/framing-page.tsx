import type { FormValues } from "../../../../http/forms.ts";
import { formatDate, formatDateTime } from "../../../../shared/french-date.ts";
import { Alert } from "../../../../ui/alert.tsx";
import { Badge } from "../../../../ui/badge.tsx";
import { CheckboxGroup, CsrfField, ErrorSummary, type FieldErrors, TextareaField } from "../../../../ui/fields.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { type WorkspaceFrame, WorkspaceLayout } from "../../views/workspace-layout.tsx";
import type { SectionDiff } from "../framing-diff.ts";
import type { FramingVersion } from "../framing-repository.ts";
import { framingSections, maxReviewNoteLength, publicSectionKeys, requiredSectionKey, sectionLabel } from "../framing-sections.ts";
import { FramingDiffView, MultilineText } from "./framing-text.tsx";

export type FramingEditForm = {
  values: FormValues;
  errors: FieldErrors;
  /** The version the form starts from (hidden `baseVersion`), 0 before the first. */
  baseVersion: number;
  /** « Passeport »: the form is prefilled from an earlier season's framing. */
  prefilledFrom: { seasonName: string; version: number } | null;
};

export type FramingConflict = { baseVersion: number; currentVersion: number; sections: SectionDiff[] };

export type FramingPageModel = {
  current: FramingVersion | null;
  /** Null when the viewer may not edit. */
  form: FramingEditForm | null;
  conflict: FramingConflict | null;
  /** Null when the viewer may not review (or there is nothing to review). */
  review: { values: FormValues; errors: FieldErrors; staleVersion: boolean } | null;
  notice: "saved" | "reviewed" | "unchanged" | null;
  actions: { save: string; review: string; versions: string };
};

function text(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

function list(values: FormValues, name: string): string[] {
  const found = values[name];
  return Array.isArray(found) ? found : typeof found === "string" ? [found] : [];
}

/** « Relue par Marc Petit le 3 décembre 2026 » or « Pas encore relue ». */
export function reviewStatus(version: Pick<FramingVersion, "review">): string {
  if (!version.review) return "Pas encore relue";
  return `Relue par ${version.review.reviewerName ?? "une personne qui a quitté la plateforme"} le ${formatDate(version.review.reviewedAt)}`;
}

function CurrentVersion({ current, versionsPath }: { current: FramingVersion; versionsPath: string }) {
  return (
    <section aria-labelledby="fiche-courante" className="fr-mb-6w">
      <h2 id="fiche-courante">Version {current.version}</h2>
      <p>
        Enregistrée le {formatDateTime(current.createdAt)}
        {current.authorName ? ` par ${current.authorName}` : ""}. <a href={versionsPath}>Toutes les versions</a>
      </p>
      <p>
        <Badge label={reviewStatus(current)} kind={current.review ? "success" : "info"} small />
      </p>
      {current.review?.note ? (
        <blockquote className="fr-quote fr-quote--sm fr-mb-3w">
          <p className="fr-text--sm">
            <MultilineText text={current.review.note} />
          </p>
          <p className="fr-quote__author fr-text--sm">Note de relecture</p>
        </blockquote>
      ) : null}
      {framingSections.map((section) => (
        <div key={section.key} className="fr-mb-3w">
          <h3 className="fr-h6 fr-mb-1w">
            {section.label}
            {(publicSectionKeys as readonly string[]).includes(section.key) && current.publicSections.includes(section.key as (typeof publicSectionKeys)[number]) ? (
              <>
                {" "}
                <Badge label="Public" kind="new" small noIcon as="span" />
              </>
            ) : null}
          </h3>
          {current.content[section.key] ? (
            <p>
              <MultilineText text={current.content[section.key]} />
            </p>
          ) : (
            <p className="fr-text--sm">
              <em>Non renseigné</em>
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

function EditForm({ form, action, csrfToken, conflict }: { form: FramingEditForm; action: string; csrfToken: string; conflict: boolean }) {
  const { values, errors } = form;
  return (
    <section aria-labelledby="modifier-fiche">
      <h2 id="modifier-fiche">{form.baseVersion === 0 ? "Rédiger la fiche de cadrage" : "Modifier la fiche de cadrage"}</h2>
      {form.prefilledFrom ? (
        <Alert kind="info" small>
          {`Repris de la ${form.prefilledFrom.seasonName.replace(/^Saison/, "saison")} (version ${form.prefilledFrom.version})\u00a0: relisez et mettez à jour la fiche avant de l’enregistrer pour cette saison.`}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={{ publicSections: "publicSections-fieldset" }} />
      <p className="fr-hint-text">
        Chaque enregistrement crée une nouvelle version, les précédentes restent consultables. Seul le champ «&nbsp;{sectionLabel(requiredSectionKey)}&nbsp;» est obligatoire.
      </p>
      <form method="post" action={action} noValidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="baseVersion" value={String(form.baseVersion)} />
        {framingSections.map((section) => (
          <TextareaField
            key={section.key}
            name={section.key}
            label={section.label}
            hint={`${section.hint} Au plus ${section.max.toLocaleString("fr-FR")}\u00a0caractères.`}
            rows={section.rows}
            maxLength={section.max}
            required={section.key === requiredSectionKey}
            value={text(values, section.key)}
            error={errors[section.key]}
          />
        ))}
        <CheckboxGroup
          name="publicSections"
          legend="Sections affichées sur la page publique du projet"
          hint="Les autres sections restent réservées à l’espace du projet."
          options={publicSectionKeys.map((key) => ({ value: key, label: sectionLabel(key) }))}
          values={list(values, "publicSections")}
          error={errors.publicSections}
        />
        <button className="fr-btn" type="submit">
          {conflict ? "Enregistrer ma version quand même" : "Enregistrer une nouvelle version"}
        </button>
      </form>
    </section>
  );
}

function ReviewForm({ current, review, action, csrfToken }: { current: FramingVersion; review: NonNullable<FramingPageModel["review"]>; action: string; csrfToken: string }) {
  return (
    <section aria-labelledby="relecture" className="fr-mt-6w">
      <h2 id="relecture">Relecture</h2>
      {review.staleVersion ? <Alert kind="warning">{"Une version plus récente a été enregistrée entre-temps\u00a0: lisez-la avant de la marquer comme relue."}</Alert> : null}
      <ErrorSummary errors={review.errors} />
      <p>
        {current.review ? `Version ${current.version}\u00a0: ${reviewStatus(current).replace(/^Relue/, "relue")}. Vous pouvez la relire de nouveau.` : `La version ${current.version} n’est pas encore relue.`}
      </p>
      <form method="post" action={action} noValidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={String(current.version)} />
        <TextareaField
          name="reviewNote"
          label="Note de relecture (facultative)"
          hint={`Vos remarques pour l’équipe, au plus ${maxReviewNoteLength.toLocaleString("fr-FR")}\u00a0caractères.`}
          rows={3}
          maxLength={maxReviewNoteLength}
          value={text(review.values, "reviewNote")}
          error={review.errors.reviewNote}
        />
        <button className="fr-btn fr-btn--secondary" type="submit">
          {`Relu (version ${current.version})`}
        </button>
      </form>
    </section>
  );
}

export function FramingPage({ context, frame, model }: { context: PageContext; frame: WorkspaceFrame; model: FramingPageModel }) {
  const hasErrors = Object.keys(model.form?.errors ?? {}).length > 0 || Object.keys(model.review?.errors ?? {}).length > 0 || model.conflict !== null;
  return (
    <WorkspaceLayout context={context} frame={frame} section="framing" title="Fiche de cadrage" hasErrors={hasErrors}>
      {model.notice === "saved" ? <Alert kind="success">{`La fiche de cadrage est enregistrée (version ${model.current?.version ?? ""}).`}</Alert> : null}
      {model.notice === "reviewed" ? <Alert kind="success">La fiche de cadrage est marquée comme relue.</Alert> : null}
      {model.notice === "unchanged" ? <Alert kind="info">{`Aucune modification : la fiche reste à la version ${model.current?.version ?? ""}.`}</Alert> : null}
      {model.conflict ? (
        <>
          <Alert kind="warning" title="Quelqu’un a enregistré une version plus récente">
            <p>
              {`Pendant que vous modifiiez la fiche (à partir de la version ${model.conflict.baseVersion}), la version ${model.conflict.currentVersion} a été enregistrée. Votre saisie n’est pas enregistrée\u00a0: elle est conservée dans le formulaire ci-dessous. Voici ce qui a changé entre la version ${model.conflict.baseVersion} et la version ${model.conflict.currentVersion}\u00a0; reportez ce qui doit l’être puis enregistrez de nouveau.`}
            </p>
          </Alert>
          <section aria-labelledby="changements-concurrents" className="fr-mb-6w">
            <h2 id="changements-concurrents">{`Changements de la version ${model.conflict.baseVersion} à la version ${model.conflict.currentVersion}`}</h2>
            <FramingDiffView sections={model.conflict.sections} />
          </section>
        </>
      ) : null}
      {model.current ? (
        model.conflict ? null : <CurrentVersion current={model.current} versionsPath={model.actions.versions} />
      ) : (
        <p>
          <Badge label="Pas encore rédigée" kind="info" small />
          <span className="fr-ml-1w">Aucune version de la fiche de cadrage n’a encore été enregistrée pour cette saison.</span>
        </p>
      )}
      {model.form ? <EditForm form={model.form} action={model.actions.save} csrfToken={context.csrfToken} conflict={model.conflict !== null} /> : null}
      {model.review && model.current ? <ReviewForm current={model.current} review={model.review} action={model.actions.review} csrfToken={context.csrfToken} /> : null}
    </WorkspaceLayout>
  );
}
