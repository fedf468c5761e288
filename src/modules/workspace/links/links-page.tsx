import type { FormValues } from "../../../http/forms.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Badge } from "../../../ui/badge.tsx";
import { CheckboxField, CsrfField, ErrorSummary, type FieldErrors, InputField, SelectField, UploadField } from "../../../ui/fields.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Table } from "../../../ui/table.tsx";
import { acceptedWorkspaceFiles, workspaceFilesHint } from "../files/workspace-files.ts";
import { type WorkspaceFrame, WorkspaceLayout } from "../views/workspace-layout.tsx";
import { maxLabelLength } from "./links-form.ts";
import { type LinkKind, linkKindLabels, linkKinds } from "./links-repository.ts";

export type LinkLine = { id: string; kind: LinkKind; label: string; href: string; isFile: boolean; public: boolean; removeAction: string };

export type LinksPageModel = {
  frame: WorkspaceFrame;
  links: LinkLine[];
  canEdit: boolean;
  /** Form addresses, the season kept. */
  addAction: string;
  addFileAction: string;
  values: FormValues;
  errors: FieldErrors;
  done: string | null;
};

function value(values: FormValues, name: string): string {
  const found = values[name];
  return typeof found === "string" ? found : "";
}

export function LinksPage({ context, model }: { context: PageContext; model: LinksPageModel }) {
  const { values, errors } = model;
  const kindOptions = linkKinds.filter((kind) => kind !== "file").map((kind) => ({ value: kind, label: linkKindLabels[kind] }));
  return (
    <WorkspaceLayout context={context} frame={model.frame} section="links" title="Liens et fichiers" hasErrors={Object.keys(errors).length > 0}>
      {model.done ? <Alert kind="success">{model.done}</Alert> : null}
      <ErrorSummary errors={errors} />
      <p>Les liens et fichiers marqués « public » sont affichés sur la page publique du projet ; les autres ne sont visibles que dans l’espace projet.</p>
      {model.links.length === 0 ? (
        <p>Aucun lien ni fichier pour cette saison.</p>
      ) : (
        <Table
          caption="Liens et fichiers de la saison"
          columns={model.canEdit ? ["Intitulé", "Type", "Visibilité", "Action"] : ["Intitulé", "Type", "Visibilité"]}
          rows={model.links.map((link) => [
            <a key="a" href={link.href} {...(link.isFile ? { download: "" } : { target: "_blank", rel: "noopener noreferrer", title: `${link.label} — nouvelle fenêtre` })}>
              {link.label}
            </a>,
            linkKindLabels[link.kind],
            <Badge key="b" small as="span" label={link.public ? "Public" : "Équipe seulement"} {...(link.public ? { kind: "info" as const } : {})} />,
            ...(model.canEdit
              ? [
                  <form key="f" method="post" action={link.removeAction}>
                    <CsrfField token={context.csrfToken} />
                    <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                      Retirer<span className="fr-sr-only"> « {link.label} »</span>
                    </button>
                  </form>,
                ]
              : []),
          ])}
        />
      )}
      {model.canEdit ? (
        <>
          <h2 className="fr-mt-6w">Ajouter un lien</h2>
          <form method="post" action={model.addAction} noValidate>
            <CsrfField token={context.csrfToken} />
            <SelectField name="kind" label="Type de lien" required options={kindOptions} value={value(values, "kind")} error={errors.kind} hint="Forge de code : GitHub, GitLab ou une forge ministérielle." />
            <InputField name="label" label="Intitulé" required maxLength={maxLabelLength} value={value(values, "label")} error={errors.label} />
            <InputField name="url" label="Adresse" type="url" required hint="Commence par https:// ou http://" value={value(values, "url")} error={errors.url} />
            <CheckboxField name="public" label="Public" hint="Affiché sur la page publique du projet." checked={value(values, "public") === "on"} />
            <button type="submit" className="fr-btn">
              Ajouter le lien
            </button>
          </form>
          <h2 className="fr-mt-6w">Déposer un fichier</h2>
          <form method="post" action={model.addFileAction} encType="multipart/form-data" noValidate>
            <CsrfField token={context.csrfToken} />
            <InputField name="fileLabel" label="Intitulé" required maxLength={maxLabelLength} value={value(values, "fileLabel")} error={errors.fileLabel} />
            <UploadField name="file" label="Fichier" hint={workspaceFilesHint} accept={acceptedWorkspaceFiles} error={errors.file} />
            <CheckboxField name="filePublic" label="Public" hint="Téléchargeable depuis la page publique du projet." checked={value(values, "filePublic") === "on"} />
            <button type="submit" className="fr-btn fr-mt-2w">
              Déposer le fichier
            </button>
          </form>
        </>
      ) : null}
    </WorkspaceLayout>
  );
}
