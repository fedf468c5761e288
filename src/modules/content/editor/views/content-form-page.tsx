import { formatDate, formatDateTime } from "../../../../shared/french-date.ts";
import { Alert } from "../../../../ui/alert.tsx";
import { Badge } from "../../../../ui/badge.tsx";
import { CheckboxField, CsrfField, ErrorSummary, InputField, RadioGroup, TextareaField, UploadField } from "../../../../ui/fields.tsx";
import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { type ContentItem, type ContentKind, contentPath, isPubliclyVisible, kindLabels } from "../../domain/content-item.ts";
import type { EditorValues } from "../content-form.ts";
import { editorBreadcrumb } from "./editor-breadcrumb.ts";
import { kindLabel, newItemLabels, statusLabel } from "./editor-labels.ts";

/** What the « Prévisualiser » button shows: the item as the site would, from the form's unsaved values. */
export type EditorPreview = { title: string; summary: string | null; date: Date | null; coverImage: string | null; coverImageAlt: string | null; tags: string[]; html: string };

export type ContentFormPageProps = {
  context: PageContext;
  kind: ContentKind;
  /** Null while creating. */
  item: ContentItem | null;
  values: EditorValues;
  errors: Record<string, string>;
  /** The cover the form keeps: the item's, or one just sent with a refused or previewed form. */
  coverImage: string | null;
  redirects: string[];
  preview: EditorPreview | null;
  savedVersion: number | null;
  insertedImage: { path: string; alt: string } | null;
  now: Date;
};

const fieldIds: Record<string, string> = { status: "status-draft", details: "title", removeCover: "removeCover", allDay: "allDay" };
const acceptedImages = ".png,.jpg,.jpeg,.gif,.webp,.svg,image/png,image/jpeg,image/gif,image/webp,image/svg+xml";
const acceptHint = "Formats acceptés\u00a0: PNG, JPEG, GIF, WebP ou SVG, 10\u00a0Mo au plus.";

/** Escapes what would end the Markdown alternative text early. */
function markdownImage(path: string, alt: string): string {
  return `![${alt.replace(/[[\]\\]/g, "\\$&").replace(/\s+/g, " ")}](${path})`;
}

function PublicationPanel({ item, context, now }: { item: ContentItem; context: PageContext; now: Date }) {
  const status = statusLabel(item, now);
  const visible = isPubliclyVisible(item, now);
  return (
    <div className="fr-callout fr-mb-4w">
      <h2 className="fr-callout__title fr-h6">État de publication</h2>
      <Badge label={status.label} kind={status.kind} />
      <p className="fr-mt-2w fr-mb-2w">
        Version {item.version}, modifiée le {formatDateTime(item.updatedAt)}. Adresse sur le site&nbsp;: <code>{item.path}</code>
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        {!visible ? (
          <li>
            <form method="post" action={`/admin/contenus/${item.id}/publier`}>
              <CsrfField token={context.csrfToken} />
              <input type="hidden" name="version" value={item.version} />
              <button type="submit" className="fr-btn fr-btn--sm">
                Publier maintenant
              </button>
            </form>
          </li>
        ) : null}
        {item.status === "published" ? (
          <li>
            <form method="post" action={`/admin/contenus/${item.id}/depublier`}>
              <CsrfField token={context.csrfToken} />
              <input type="hidden" name="version" value={item.version} />
              <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
                Dépublier
              </button>
            </form>
          </li>
        ) : null}
        {visible ? (
          <li>
            <a className="fr-btn fr-btn--sm fr-btn--tertiary" href={item.path}>
              Voir sur le site
            </a>
          </li>
        ) : null}
        <li>
          <a className="fr-btn fr-btn--sm fr-btn--tertiary" href={`/admin/contenus/${item.id}/historique`}>
            Historique des versions
          </a>
        </li>
      </ul>
    </div>
  );
}

function PreviewPanel({ preview }: { preview: EditorPreview }) {
  return (
    <section className="fr-mb-6w" aria-labelledby="apercu-titre" id="apercu">
      <h2 id="apercu-titre">Aperçu (non enregistré)</h2>
      <p className="fr-text--sm">Voici le contenu tel qu’il apparaîtra sur le site. Rien n’est enregistré tant que vous n’avez pas cliqué sur «&nbsp;Enregistrer&nbsp;».</p>
      <article className="fr-p-4w" style={{ border: "1px solid var(--border-default-grey)" }}>
        <h3 className="fr-h2">{preview.title || "(Sans titre)"}</h3>
        {preview.date ? <p className="fr-text--sm">Publié le {formatDate(preview.date)}</p> : null}
        {preview.summary ? <p className="fr-text--lead">{preview.summary}</p> : null}
        {preview.coverImage ? (
          <figure className="fr-content-media">
            <img className="fr-responsive-img" src={preview.coverImage} alt={preview.coverImageAlt ?? ""} />
          </figure>
        ) : null}
        <div className="markdown" dangerouslySetInnerHTML={{ __html: preview.html }} />
        {preview.tags.length > 0 ? (
          <ul className="fr-tags-group">
            {preview.tags.map((tag) => (
              <li key={tag}>
                <p className="fr-tag">{tag}</p>
              </li>
            ))}
          </ul>
        ) : null}
      </article>
    </section>
  );
}

function DetailFields({ kind, values, errors }: { kind: ContentKind; values: EditorValues; errors: Record<string, string> }) {
  const input = (name: string, label: string, options: { hint?: string; type?: "text" | "url" | "datetime-local"; inputMode?: "numeric" } = {}) => (
    <InputField name={name} label={label} hint={options.hint} type={options.type ?? "text"} inputMode={options.inputMode} value={values[name]} error={errors[name]} />
  );
  const urlHint = "Adresse complète, commençant par https://";
  if (kind === "project") {
    return (
      <fieldset className="fr-fieldset" aria-labelledby="details-legend">
        <legend className="fr-fieldset__legend" id="details-legend">
          Informations du projet
        </legend>
        <div className="fr-fieldset__element">{input("githubUrl", "Dépôt GitHub", { type: "url", hint: urlHint })}</div>
        <div className="fr-fieldset__element">{input("tchapUrl", "Salon Tchap", { type: "url", hint: urlHint })}</div>
        <div className="fr-fieldset__element">
          <TextareaField name="administrations" label="Administrations participantes" hint="Une par ligne." rows={4} value={values.administrations} error={errors.administrations} />
        </div>
        <div className="fr-fieldset__element">{input("season", "Saison", { hint: "Année sur 4 chiffres, par exemple 2024.", inputMode: "numeric" })}</div>
        <div className="fr-fieldset__element">{input("responsible", "Responsable du projet")}</div>
      </fieldset>
    );
  }
  if (kind === "event") {
    return (
      <fieldset className="fr-fieldset" aria-labelledby="details-legend">
        <legend className="fr-fieldset__legend" id="details-legend">
          Informations de l’événement
        </legend>
        <div className="fr-fieldset__element">{input("startsAt", "Début", { type: "datetime-local", hint: "Heure de Paris." })}</div>
        <div className="fr-fieldset__element">{input("endsAt", "Fin", { type: "datetime-local", hint: "Heure de Paris." })}</div>
        <div className="fr-fieldset__element">
          <CheckboxField name="allDay" label="Toute la journée" hint="Les heures ne sont alors pas affichées." checked={values.allDay === "on"} />
        </div>
        <div className="fr-fieldset__element">{input("location", "Lieu", { hint: "Adresse, ou «\u00a0En ligne\u00a0»." })}</div>
        <div className="fr-fieldset__element">{input("registrationUrl", "Lien d’inscription", { type: "url", hint: urlHint })}</div>
        <div className="fr-fieldset__element">{input("organiser", "Organisateur")}</div>
      </fieldset>
    );
  }
  if (kind === "training") {
    return (
      <fieldset className="fr-fieldset" aria-labelledby="details-legend">
        <legend className="fr-fieldset__legend" id="details-legend">
          Informations de la formation
        </legend>
        <div className="fr-fieldset__element">{input("season", "Saison", { hint: "Année sur 4 chiffres, par exemple 2024.", inputMode: "numeric" })}</div>
        <div className="fr-fieldset__element">{input("trainers", "Formateurs et formatrices")}</div>
        <div className="fr-fieldset__element">{input("replayUrl", "Lien du replay", { type: "url", hint: urlHint })}</div>
        <div className="fr-fieldset__element">{input("slidesUrl", "Lien des supports", { type: "url", hint: urlHint })}</div>
      </fieldset>
    );
  }
  return null;
}

/** Creating or editing an item: one form, previewed and saved without JavaScript. */
export function ContentFormPage(props: ContentFormPageProps) {
  const { context, kind, item, values, errors, coverImage, redirects, preview, savedVersion, insertedImage, now } = props;
  const title = item ? `Modifier «\u00a0${item.title}\u00a0»` : newItemLabels[kind];
  const action = item ? `/admin/contenus/${item.id}` : "/admin/contenus";
  const sectionPath = contentPath(kind, "identifiant");
  const bodyHint = item?.bodyFormat === "html" ? "Texte importé en HTML (nettoyé à l’affichage)." : "CommonMark et tableaux GFM\u00a0: **gras**, [lien](https://…), ## Intertitre, | tableau |.";
  return (
    <Layout context={context} title={title} breadcrumb={editorBreadcrumb}>
      <h1>{title}</h1>
      {savedVersion !== null && item ? (
        <Alert kind="success" title={`Enregistré. Version ${savedVersion}.`}>
          {isPubliclyVisible(item, now) ? (
            <p>
              <a href={item.path}>Voir «&nbsp;{item.title}&nbsp;» sur le site</a>
            </p>
          ) : (
            <p>{item.status === "draft" ? "Ce contenu est un brouillon\u00a0: il n’est pas visible sur le site." : `${statusLabel(item, now).label}\u00a0: il n’est pas encore visible sur le site.`}</p>
          )}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      {item ? <PublicationPanel item={item} context={context} now={now} /> : null}
      {preview ? <PreviewPanel preview={preview} /> : null}

      <form method="post" action={action} encType="multipart/form-data" noValidate>
        <CsrfField token={context.csrfToken} />
        <input type="hidden" name="kind" value={kind} />
        {item ? <input type="hidden" name="version" value={values.version ?? String(item.version)} /> : null}
        <input type="hidden" name="coverImagePath" value={coverImage ?? ""} />

        <fieldset className="fr-fieldset" aria-labelledby="contenu-legend">
          <legend className="fr-fieldset__legend" id="contenu-legend">
            {kindLabel(kind)}
          </legend>
          <div className="fr-fieldset__element">
            <InputField name="title" label="Titre" required value={values.title} error={errors.title} maxLength={300} />
          </div>
          <div className="fr-fieldset__element">
            <InputField
              name="slug"
              label="Identifiant d’adresse"
              hint={
                item
                  ? `Lettres minuscules sans accent, chiffres et tirets\u00a0; l’adresse est ${sectionPath.replace("identifiant", "<identifiant>")}. L’ancienne adresse redirigera vers la nouvelle.`
                  : `Lettres minuscules sans accent, chiffres et tirets\u00a0; l’adresse sera ${sectionPath.replace("identifiant", "<identifiant>")}. Laissé vide, il est tiré du titre.`
              }
              value={values.slug}
              error={errors.slug}
              spellCheck={false}
            />
            {redirects.length > 0 ? (
              <div className="fr-mb-3w">
                <p className="fr-text--sm fr-mb-1v">Anciennes adresses, redirigées vers celle-ci&nbsp;:</p>
                <ul className="fr-text--sm">
                  {redirects.map((path) => (
                    <li key={path}>
                      <code>{path}</code>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
          <div className="fr-fieldset__element">
            <TextareaField name="summary" label="Résumé" hint="Deux ou trois phrases, affichées dans les listes et les partages." rows={3} value={values.summary} error={errors.summary} />
          </div>
          <div className="fr-fieldset__element">
            <TextareaField name="body" label="Texte" hint={bodyHint} rows={18} value={values.body} error={errors.body} />
          </div>
          <div className="fr-fieldset__element">
            <InputField name="tags" label="Étiquettes" hint="Séparées par des virgules, par exemple : données, formation." value={values.tags} error={errors.tags} />
          </div>
          <div className="fr-fieldset__element">
            <InputField name="date" label="Date affichée" hint={`La date de ${kindLabels[kind].one === "page" ? "la page" : kind === "news" ? "l’actualité" : "ce contenu"}.`} type="date" value={values.date} error={errors.date} />
          </div>
        </fieldset>

        <DetailFields kind={kind} values={values} errors={errors} />

        <fieldset className="fr-fieldset" aria-labelledby="image-legend">
          <legend className="fr-fieldset__legend" id="image-legend">
            Image de couverture
          </legend>
          {coverImage ? (
            <div className="fr-fieldset__element">
              <p className="fr-mb-1v">Image actuelle&nbsp;:</p>
              <img style={{ maxWidth: "20rem", height: "auto", display: "block" }} src={coverImage} alt={values.coverImageAlt ? `Image actuelle\u00a0: ${values.coverImageAlt}` : "Image actuelle, sans texte alternatif"} />
              <CheckboxField name="removeCover" label="Retirer l’image de couverture" checked={values.removeCover === "on"} />
            </div>
          ) : null}
          <div className="fr-fieldset__element">
            <UploadField name="coverImage" label={coverImage ? "Remplacer l’image" : "Ajouter une image"} hint={acceptHint} accept={acceptedImages} error={errors.coverImage} />
          </div>
          <div className="fr-fieldset__element">
            <InputField name="coverImageAlt" label="Texte alternatif de l’image" hint="Obligatoire avec une image : décrivez ce qu’elle montre à une personne qui ne la voit pas." value={values.coverImageAlt} error={errors.coverImageAlt} maxLength={300} />
          </div>
        </fieldset>

        <RadioGroup
          name="status"
          legend="Publication"
          inline
          error={errors.status}
          value={values.status}
          options={[
            { value: "draft", label: "Brouillon", hint: "Invisible sur le site." },
            { value: "published", label: "Publié", hint: "Visible sur le site, dès la date choisie ci-dessous." },
          ]}
        />
        <InputField
          name="publishAt"
          label="Publier à partir du…"
          hint="Date et heure de Paris. Laissez vide pour publier dès l’enregistrement."
          type="datetime-local"
          value={values.publishAt}
          error={errors.publishAt}
        />

        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-4w">
          <li>
            <button type="submit" className="fr-btn fr-icon-save-line fr-btn--icon-left" name="action" value="save">
              Enregistrer
            </button>
          </li>
          <li>
            <button type="submit" className="fr-btn fr-btn--secondary fr-icon-eye-line fr-btn--icon-left" name="action" value="preview">
              Prévisualiser
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--tertiary-no-outline" href="/admin/contenus">
              Annuler
            </a>
          </li>
        </ul>

        <fieldset className="fr-fieldset fr-mt-6w editor-insert-image" aria-labelledby="inserer-legend">
          <legend className="fr-fieldset__legend" id="inserer-legend">
            Insérer une image dans le texte
            <span className="fr-hint-text">L’image est enregistrée, puis le code à copier dans le texte s’affiche ici. Vos modifications du formulaire sont conservées.</span>
          </legend>
          {insertedImage ? (
            <div className="fr-fieldset__element">
              <Alert kind="success" title="Image enregistrée">
                <p>Copiez ce code à l’endroit voulu du texte&nbsp;:</p>
              </Alert>
              <InputField name="insertedSnippet" id="insertedSnippet" label="Code Markdown de l’image" value={markdownImage(insertedImage.path, insertedImage.alt)} spellCheck={false} />
            </div>
          ) : null}
          <div className="fr-fieldset__element">
            <UploadField name="insertImage" label="Image à insérer" hint={acceptHint} accept={acceptedImages} error={errors.insertImage} />
          </div>
          <div className="fr-fieldset__element">
            <InputField name="insertImageAlt" label="Texte alternatif de l’image à insérer" hint="Obligatoire : ce que montre l’image." value={values.insertImageAlt} error={errors.insertImageAlt} maxLength={300} />
          </div>
          <div className="fr-fieldset__element">
            <button type="submit" className="fr-btn fr-btn--secondary fr-icon-image-add-line fr-btn--icon-left" name="action" value="insert-image">
              Insérer une image
            </button>
          </div>
        </fieldset>
      </form>
    </Layout>
  );
}
