import type { FormValues } from "../../../http/forms.ts";
import { CheckboxField, type FieldErrors, InputField, RadioGroup, SelectField, TextareaField } from "../../../ui/fields.tsx";
import type { OrganisationGroup } from "../domain/organisation-tree.ts";
import { availabilities, jobFamilies, profileVisibilityLabels, skillLevelLabels } from "../domain/profile-choices.ts";
import { skillCategories } from "../domain/skill-vocabulary.ts";
import type { Skill } from "../repository.ts";
import { levelFieldName, skillsGroupField } from "../schemas.ts";

/**
 * The three sections of a profile, shared by the joining wizard (one per step) and the edit page
 * (all three): one form markup, one schema per section (schemas.ts).
 */

/**
 * Where the error summary's links lead: a field's own input, and for a group (radio buttons, the
 * skills) its first input, so that following the link moves the focus into it (a fieldset takes no
 * focus). `firstSkillId` is the first skill shown (its category is always open).
 */
export function errorSummaryTargets(errors: FieldErrors, firstSkillId?: string): Record<string, string> {
  const firstOf: Record<string, string> = { jobFamily: Object.keys(jobFamilies)[0]!, visibility: "members", proposedLevel: "1" };
  const ids: Record<string, string> = {};
  for (const field of Object.keys(errors)) {
    if (field in firstOf) ids[field] = `${field}-${firstOf[field]}`;
    else if (field.startsWith("niveau-")) ids[field] = `${field}-0`;
    else if (field === skillsGroupField && firstSkillId) ids[field] = `${levelFieldName(firstSkillId)}-0`;
  }
  return ids;
}

/** The skill shown first in the skills section: the first of the first category that has any. */
export function firstSkillShown(skills: Skill[]): string | undefined {
  for (const category of skillCategories) {
    const first = skills.find((skill) => skill.category === category.key);
    if (first) return first.id;
  }
  return undefined;
}

function text(values: FormValues, name: string): string {
  const value = values[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

export function OrganisationAndJobFields({ values, errors, organisations }: { values: FormValues; errors: FieldErrors; organisations: OrganisationGroup[] }) {
  return (
    <>
      <InputField name="givenName" label="Prénom" autoComplete="given-name" maxLength={100} required value={text(values, "givenName")} error={errors.givenName} />
      <InputField name="usualName" label="Nom" autoComplete="family-name" maxLength={100} required value={text(values, "usualName")} error={errors.usualName} />
      <OrganisationSelect groups={organisations} value={text(values, "organisationId")} error={errors.organisationId} />
      <InputField
        name="unlistedOrganisation"
        label="Nom de votre organisation, si elle n’est pas dans la liste"
        hint="L’équipe du programme l’ajoutera à la liste. Si seul votre service manque, choisissez ci-dessus l’organisme qui le contient."
        autoComplete="organization"
        maxLength={200}
        value={text(values, "unlistedOrganisation")}
        error={errors.unlistedOrganisation}
      />
      <RadioGroup
        name="jobFamily"
        legend="Votre métier"
        required
        options={Object.entries(jobFamilies).map(([value, label]) => ({ value, label }))}
        value={text(values, "jobFamily")}
        error={errors.jobFamily}
      />
    </>
  );
}

/** A plain <select>: one group per ministry, bodies and services indented under their parent; works without JavaScript. */
function OrganisationSelect({ groups, value, error }: { groups: OrganisationGroup[]; value: string; error: string | undefined }) {
  const id = "organisationId";
  return (
    <div className={`fr-select-group${error ? " fr-select-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        Votre organisation
        <span className="fr-hint-text">
          Ministère, puis organisme et service. Proposée d’après votre adresse électronique ou ProConnect&nbsp;; changez-la si elle est inexacte. Si elle n’est pas
          dans la liste, choisissez «&nbsp;Mon organisation n’est pas dans la liste&nbsp;» et écrivez son nom ci-dessous.
        </span>
      </label>
      <select className={`fr-select${error ? " fr-select--error" : ""}`} id={id} name={id} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={`${id}-messages`}>
        <option value="">Mon organisation n’est pas dans la liste</option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <div className="fr-messages-group" id={`${id}-messages`} aria-live="polite">
        {error ? <p className="fr-message fr-message--error">{error}</p> : null}
      </div>
    </div>
  );
}

const levelChoices = [{ value: "0", label: "—" }, ...([1, 2, 3] as const).map((level) => ({ value: String(level), label: skillLevelLabels[level] }))];

/** The levels a member chose among `skills` (« — » and unknown values are none). */
function chosenCount(skills: Skill[], values: FormValues): number {
  return skills.filter((skill) => ["1", "2", "3"].includes(text(values, levelFieldName(skill.id)))).length;
}

export type SkillsFieldsProps = {
  skills: Skill[];
  values: FormValues;
  errors: FieldErrors;
  /** A skill to show open (its category expanded): the one a refused proposal duplicates. */
  openSkillId?: string | undefined;
};

/**
 * One native <details> per category, styled as a DSFR accordion (it opens without JavaScript, with
 * Enter or Space): the first category, those holding a chosen level, an error or `openSkillId` are open,
 * the others closed, so that the page stays short on a phone.
 */
export function SkillsFields({ skills, values, errors, openSkillId }: SkillsFieldsProps) {
  const groupError = errors[skillsGroupField];
  const groupId = `${skillsGroupField}-fieldset`;
  const categories = skillCategories.map((category) => ({ ...category, skills: skills.filter((skill) => skill.category === category.key) })).filter((category) => category.skills.length > 0);
  return (
    <>
      <fieldset className={`fr-fieldset skills-group${groupError ? " fr-fieldset--error" : ""}`} id={groupId} aria-labelledby={`${groupId}-legend ${groupId}-messages`}>
        <legend className="fr-fieldset__legend" id={`${groupId}-legend`}>
          Vos compétences
          <span className="fr-hint-text">
            Choisissez votre niveau pour au moins une compétence&nbsp;: Curieux·se (vous aimeriez la découvrir), Je connais (vous la pratiquez), Expert·e
            (d’autres peuvent compter sur vous). Laissez «&nbsp;—&nbsp;» pour les autres. Ouvrez une catégorie pour voir ses compétences.
          </span>
        </legend>
        <div className="fr-messages-group" id={`${groupId}-messages`} aria-live="polite">
          {groupError ? <p className="fr-message fr-message--error">{groupError}</p> : null}
        </div>
        <div className="fr-fieldset__element">
          <div className="fr-accordions-group">
            {categories.map((category, index) => {
              const chosen = chosenCount(category.skills, values);
              const open =
                index === 0 || chosen > 0 || category.skills.some((skill) => skill.id === openSkillId || errors[levelFieldName(skill.id)] !== undefined);
              return (
                <details className="fr-accordion skills-category" key={category.key} id={`categorie-${category.key}`} open={open}>
                  <summary className="fr-accordion__btn">
                    {category.label}
                    {chosen > 0 ? ` (${chosen === 1 ? "1 choisie" : `${chosen} choisies`})` : ""}
                  </summary>
                  {/* Two skills a row on wide screens, one on narrow ones (static/app.css). */}
                  <div className="skills-category__rows">
                    {category.skills.map((skill) => (
                      <div key={skill.id}>
                        <SkillLevelRow skill={skill} value={text(values, levelFieldName(skill.id)) || "0"} error={errors[levelFieldName(skill.id)]} />
                      </div>
                    ))}
                  </div>
                </details>
              );
            })}
          </div>
        </div>
      </fieldset>
      <TextareaField
        name="learningWishes"
        label="Ce que j’aimerais apprendre (facultatif)"
        hint={"Par exemple\u00a0: les grands modèles de langage, la cartographie avec R…"}
        rows={3}
        maxLength={1000}
        value={text(values, "learningWishes")}
        error={errors.learningWishes}
      />
      <fieldset className="fr-fieldset" id="proposition" aria-labelledby="proposition-legend">
        <legend className="fr-fieldset__legend" id="proposition-legend">
          Proposer une compétence absente (facultatif)
          <span className="fr-hint-text">
            Avec sa catégorie et votre niveau. L’équipe du programme l’ajoutera à la liste&nbsp;; elle figure dès maintenant sur votre profil, marquée
            «&nbsp;proposée&nbsp;».
          </span>
        </legend>
        <div className="fr-fieldset__element">
          <InputField name="proposedName" label="Nom de la compétence" maxLength={80} value={text(values, "proposedName")} error={errors.proposedName} />
        </div>
        <div className="fr-fieldset__element">
          <SelectField
            name="proposedCategory"
            label="Catégorie"
            options={skillCategories.map((category) => ({ value: category.key, label: category.label }))}
            value={text(values, "proposedCategory")}
            error={errors.proposedCategory}
            placeholder="Choisir une catégorie"
          />
        </div>
        <div className="fr-fieldset__element">
          <RadioGroup
            name="proposedLevel"
            legend="Votre niveau"
            inline
            options={([1, 2, 3] as const).map((level) => ({ value: String(level), label: skillLevelLabels[level] }))}
            value={text(values, "proposedLevel")}
            error={errors.proposedLevel}
          />
        </div>
      </fieldset>
    </>
  );
}

/** One compact row per skill: its name as the legend, four small radio buttons inline (arrow keys move between them). */
function SkillLevelRow({ skill, value, error }: { skill: Skill; value: string; error: string | undefined }) {
  const name = levelFieldName(skill.id);
  const id = `${name}-fieldset`;
  return (
    <fieldset className={`fr-fieldset skill-level${error ? " fr-fieldset--error" : ""}`} id={id} role="radiogroup" aria-labelledby={`${id}-legend ${id}-messages`}>
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular skill-level__legend" id={`${id}-legend`}>
        {skill.name}
        {skill.status === "proposed" ? " (proposée)" : ""}
      </legend>
      {levelChoices.map((choice) => {
        const inputId = `${name}-${choice.value}`;
        return (
          <div className="fr-fieldset__element fr-fieldset__element--inline" key={choice.value}>
            <div className="fr-radio-group fr-radio-group--sm">
              <input type="radio" id={inputId} name={name} value={choice.value} defaultChecked={value === choice.value} />
              <label className="fr-label" htmlFor={inputId}>
                {choice.value === "0" ? (
                  <>
                    <span aria-hidden="true">—</span>
                    <span className="fr-sr-only">Aucun niveau</span>
                  </>
                ) : (
                  choice.label
                )}
              </label>
            </div>
          </div>
        );
      })}
      <div className="fr-messages-group" id={`${id}-messages`} aria-live="polite">
        {error ? <p className="fr-message fr-message--error">{error}</p> : null}
      </div>
    </fieldset>
  );
}

const charterLinkText = "Lire la charte du programme 10\u00a0%";

export function PresentationFields({ values, errors, charterHref }: { values: FormValues; errors: FieldErrors; charterHref: string | null }) {
  return (
    <>
      <SelectField
        name="availability"
        label="Votre disponibilité"
        hint="Le temps que vous pensez pouvoir donner aux projets du programme."
        required
        options={Object.entries(availabilities).map(([value, label]) => ({ value, label }))}
        value={text(values, "availability")}
        error={errors.availability}
        placeholder="Choisir une disponibilité"
      />
      <TextareaField
        name="bio"
        label="Présentation courte (facultatif)"
        hint={"600 caractères au plus\u00a0: votre parcours, vos sujets, ce que vous aimez faire."}
        rows={4}
        maxLength={600}
        value={text(values, "bio")}
        error={errors.bio}
      />
      <InputField
        name="forgeUrl"
        label="Votre page sur une forge de code (facultatif)"
        hint={"Par exemple\u00a0: github.com/votre-identifiant ou https://gitlab.com/votre-identifiant."}
        type="url"
        inputMode="url"
        autoComplete="url"
        maxLength={300}
        spellCheck={false}
        value={text(values, "forgeUrl")}
        error={errors.forgeUrl}
      />
      <InputField
        name="tchapId"
        label="Votre identifiant Tchap (facultatif)"
        hint={"Sous la forme @nom:serveur, par exemple\u00a0: @prenom.nom-insee.fr:agent.finances.tchap.gouv.fr."}
        maxLength={255}
        spellCheck={false}
        value={text(values, "tchapId")}
        error={errors.tchapId}
      />
      <fieldset className="fr-fieldset" id="manager" aria-labelledby="manager-legend">
        <legend className="fr-fieldset__legend" id="manager-legend">
          Votre manager (facultatif)
          <span className="fr-hint-text">
            Utilisés seulement quand vous préparerez votre convention 10&nbsp;% avec votre manager (bientôt sur la plateforme)&nbsp;: rien ne lui est envoyé d’ici là. Seuls vous et
            l’équipe du programme les voyez.
          </span>
        </legend>
        <div className="fr-fieldset__element">
          <InputField name="managerName" label="Prénom et nom de votre manager (facultatif)" maxLength={200} value={text(values, "managerName")} error={errors.managerName} />
        </div>
        <div className="fr-fieldset__element">
          <InputField
            name="managerEmail"
            label="Adresse électronique de votre manager (facultatif)"
            hint={"Son adresse professionnelle dans un organisme public, par exemple\u00a0: prenom.nom@ministere.gouv.fr"}
            type="email"
            inputMode="email"
            maxLength={254}
            spellCheck={false}
            value={text(values, "managerEmail")}
            error={errors.managerEmail}
          />
        </div>
      </fieldset>
      <RadioGroup
        name="visibility"
        legend={"Qui peut voir votre profil\u00a0?"}
        required
        options={[
          { value: "members", label: profileVisibilityLabels.members, hint: "Les membres connectés vous trouvent dans l’annuaire « Trouver un expert »." },
          { value: "programme_team", label: profileVisibilityLabels.programme_team, hint: "Vous n’apparaissez pas dans l’annuaire des membres." },
        ]}
        value={text(values, "visibility")}
        error={errors.visibility}
      />
      {charterHref ? (
        <>
          <p className="fr-mb-1w">
            {/* A new tab: what is typed in this step is saved only when the form is sent. */}
            <a className="fr-link" href={charterHref} target="_blank" rel="noopener" title={`${charterLinkText} – nouvelle fenêtre`}>
              {charterLinkText}
            </a>
          </p>
          <CheckboxField name="charter" value="oui" label="J’ai lu la charte du programme et je l’accepte" checked={text(values, "charter") === "oui"} error={errors.charter} />
        </>
      ) : null}
    </>
  );
}
