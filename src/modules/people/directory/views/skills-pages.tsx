import { Badge } from "../../../../ui/badge.tsx";
import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { jobFamilies, type SkillLevel } from "../../domain/profile-choices.ts";
import { skillCategories } from "../../domain/skill-vocabulary.ts";
import { directoryHref } from "../directory-query.ts";
import type { SkillExperts, SkillSummary } from "../directory-repository.ts";
import { formatCount, hiddenProfileLabel, organisationLabel, personName, profileHref } from "./directory-page.tsx";

export function skillHref(slug: string): string {
  return `/annuaire/competences/${encodeURIComponent(slug)}`;
}

const membersPhrase = (count: number) => (count === 0 ? "aucun membre" : `${formatCount(count)} ${count === 1 ? "membre" : "membres"}`);

/** `/annuaire/competences`: « Qui peut m’aider sur… ? », the vocabulary by category with the members of each skill. */
export function SkillsPage({ context, skills }: { context: PageContext; skills: SkillSummary[] }) {
  const categories = [...skillCategories.map((category) => ({ key: category.key as string, label: category.label as string }))];
  for (const skill of skills) if (!categories.some((category) => category.key === skill.category)) categories.push({ key: skill.category, label: "Autres compétences" });
  return (
    <Layout
      context={context}
      title={"Qui peut m’aider\u00a0?"}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Trouver un expert", href: "/annuaire" },
      ]}
    >
      <h1>Qui peut m’aider&nbsp;?</h1>
      <p className="fr-text--lead">Choisissez une compétence pour voir les membres qui la pratiquent, des expert·es aux curieux·ses.</p>
      <p>
        Toutes les compétences d’un coup d’œil, des curieux·ses aux expert·es&nbsp;: <a href="/bulloterie">la bulloterie</a>. Et pour les sujets qui vous
        intriguent, <a href="/bulloterie/qui-rencontrer">des expert·es d’autres ministères à rencontrer</a>.
      </p>
      {categories.map((category) => {
        const inCategory = skills.filter((skill) => skill.category === category.key);
        if (inCategory.length === 0) return null;
        return (
          <section key={category.key} className="fr-mb-4w" aria-labelledby={`categorie-${category.key}`}>
            <h2 className="fr-h4" id={`categorie-${category.key}`}>
              {category.label}
            </h2>
            <ul>
              {inCategory.map((skill) => (
                <li key={skill.slug}>
                  <a href={skillHref(skill.slug)}>{skill.name}</a> ({membersPhrase(skill.members)})
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {skills.length === 0 ? <p>Le vocabulaire des compétences est vide pour l’instant.</p> : null}
    </Layout>
  );
}

const levelsShown: { level: SkillLevel; title: string }[] = [
  { level: 3, title: "Expert·es" },
  { level: 2, title: "Je connais" },
  { level: 1, title: "Curieux·ses" },
];

/** `/annuaire/competences/:slug`: who can help on a skill, by level, with the skill's other names. */
export function SkillPage({ context, experts, perLevel }: { context: PageContext; experts: SkillExperts; perLevel: number }) {
  const { skill, levels } = experts;
  const category = skillCategories.find((candidate) => candidate.key === skill.category)?.label;
  const total = levels[1].total + levels[2].total + levels[3].total;
  return (
    <Layout
      context={context}
      title={`Qui peut m’aider sur ${skill.name}\u00a0?`}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Trouver un expert", href: "/annuaire" },
        { label: "Qui peut m’aider\u00a0?", href: "/annuaire/competences" },
      ]}
    >
      <h1>Qui peut m’aider sur {skill.name}&nbsp;?</h1>
      {category ? <p className="fr-mb-1w">Catégorie&nbsp;: {category}</p> : null}
      {skill.synonyms.length > 0 ? <p>Aussi appelée&nbsp;: {skill.synonyms.join(", ")}</p> : null}
      <p>
        {total === 0 ? "Aucun membre n’a encore indiqué cette compétence." : `${membersPhrase(total).replace(/^./, (letter) => letter.toUpperCase())} ${total === 1 ? "l’a indiquée" : "l’ont indiquée"}.`}{" "}
        <a href={directoryHref({ q: "", competence: skill.slug })}>Chercher dans l’annuaire avec cette compétence</a>
      </p>
      {levelsShown.map(({ level, title }) => {
        const { total: count, people } = levels[level];
        return (
          <section key={level} className="fr-mb-4w" aria-labelledby={`niveau-${level}`}>
            <h2 className="fr-h4" id={`niveau-${level}`}>
              {title} ({formatCount(count)})
            </h2>
            {people.length === 0 ? (
              <p>Personne à ce niveau pour l’instant.</p>
            ) : (
              <ul>
                {people.map((person) => (
                  <li key={person.slug}>
                    <a href={profileHref(person.slug)}>{personName(person)}</a>
                    {[person.jobFamily ? jobFamilies[person.jobFamily] : null, organisationLabel(person)]
                      .filter(Boolean)
                      .map((part) => ` · ${part}`)
                      .join("")}
                    {person.visibility === "programme_team" ? (
                      <>
                        {" "}
                        <Badge label={hiddenProfileLabel} kind="info" small as="span" />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {count > people.length ? (
              <p>
                {perLevel} premiers sur {formatCount(count)}&nbsp;:{" "}
                <a href={directoryHref({ q: "", competence: skill.slug, niveau: level })}>voir tous les profils {level === 3 ? "expert·es" : "de ce niveau ou plus"} dans l’annuaire</a>
              </p>
            ) : null}
          </section>
        );
      })}
    </Layout>
  );
}
