import type { FormValues } from "../../../http/forms.ts";
import { Alert } from "../../../ui/alert.tsx";
import { CheckboxField, CsrfField, ErrorSummary, type FieldErrors, InputField, TextareaField, UploadField } from "../../../ui/fields.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { acceptedWorkspaceFiles, workspaceFilesHint } from "../files/workspace-files.ts";
import { type WorkspaceFrame, WorkspaceLayout } from "../views/workspace-layout.tsx";
import { maxSummaryLength } from "./restitution-form.ts";

/** A restitution as shown: the summary and the addresses (slides as a link or a stored file's download). */
export type RestitutionView = { summary: string; slidesHref: string | null; slidesIsFile: boolean; slidesFileName: string | null; videoUrl: string | null; demoUrl: string | null };

export type RestitutionPageModel = {
  frame: WorkspaceFrame;
  restitution: RestitutionView | null;
  canEdit: boolean;
  action: string;
  values: FormValues;
  errors: FieldErrors;
  saved: boolean;
};

function value(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

/** The restitution's content, in the workspace and on the public project page. */
export function RestitutionContent({ restitution, projectTitle, headingLevel = 3 }: { restitution: RestitutionView; projectTitle: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const links = [
    restitution.slidesHref ? { href: restitution.slidesHref, label: restitution.slidesIsFile ? "Télécharger le support de présentation" : "Support de présentation", file: restitution.slidesIsFile } : null,
    restitution.videoUrl ? { href: restitution.videoUrl, label: "Vidéo de la restitution", file: false } : null,
    restitution.demoUrl ? { href: restitution.demoUrl, label: "Démonstration", file: false } : null,
  ].filter((link) => link !== null);
  return (
    <>
      {restitution.summary ? <p style={{ whiteSpace: "pre-line" }}>{restitution.summary}</p> : null}
      {links.length > 0 ? (
        <>
          <Heading className="fr-sr-only">Ressources de la restitution</Heading>
          <ul>
            {links.map((link) => (
              <li key={link.label}>
                <a href={link.href} {...(link.file ? { download: "" } : { target: "_blank", rel: "noopener noreferrer", title: `${link.label} du projet ${projectTitle} — nouvelle fenêtre` })}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function RestitutionPage({ context, model }: { context: PageContext; model: RestitutionPageModel }) {
  const { values, errors } = model;
  return (
    <WorkspaceLayout context={context} frame={model.frame} section="restitution" title="Restitution" hasErrors={Object.keys(errors).length > 0}>
      {model.saved ? <Alert kind="success">La restitution est enregistrée. Elle est affichée sur la page publique du projet.</Alert> : null}
      <p>La présentation finale de l’équipe, à la clôture de la saison. Elle est publique : elle est affichée sur la page du projet.</p>
      {!model.canEdit ? (
        model.restitution ? (
          <RestitutionContent restitution={model.restitution} projectTitle={model.frame.projectTitle} headingLevel={2} />
        ) : (
          <p>La restitution n’est pas encore renseignée.</p>
        )
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" action={model.action} encType="multipart/form-data" noValidate>
            <CsrfField token={context.csrfToken} />
            <TextareaField name="summary" label="Résumé" hint="Ce que le projet a produit, pour qui, et la suite." rows={8} maxLength={maxSummaryLength} value={value(values, "summary")} error={errors.summary} />
            <fieldset className="fr-fieldset" aria-labelledby="support-legend">
              <legend className="fr-fieldset__legend" id="support-legend">
                Support de présentation
                <span className="fr-hint-text">Une adresse, ou un fichier déposé ici.</span>
              </legend>
              <div className="fr-fieldset__element">
                <InputField name="slidesUrl" label="Adresse du support" type="url" hint="Commence par https:// ou http://" value={value(values, "slidesUrl")} error={errors.slidesUrl} />
              </div>
              <div className="fr-fieldset__element">
                <UploadField name="slidesFile" label="Ou fichier du support" hint={workspaceFilesHint} accept={acceptedWorkspaceFiles} error={errors.slidesFile} />
              </div>
              {model.restitution?.slidesIsFile ? (
                <div className="fr-fieldset__element">
                  <p className="fr-mb-1w">
                    Fichier actuel :{" "}
                    <a href={model.restitution.slidesHref!} download="">
                      {model.restitution.slidesFileName}
                    </a>
                  </p>
                  <CheckboxField name="removeSlidesFile" label="Retirer ce fichier" />
                </div>
              ) : null}
            </fieldset>
            <InputField name="videoUrl" label="Adresse de la vidéo" type="url" hint="Commence par https:// ou http://" value={value(values, "videoUrl")} error={errors.videoUrl} />
            <InputField name="demoUrl" label="Adresse de la démonstration" type="url" hint="Commence par https:// ou http://" value={value(values, "demoUrl")} error={errors.demoUrl} />
            <button type="submit" className="fr-btn">
              Enregistrer la restitution
            </button>
          </form>
        </>
      )}
    </WorkspaceLayout>
  );
}
