import { Alert } from "../../../../ui/alert.tsx";
import { Badge } from "../../../../ui/badge.tsx";
import { Button } from "../../../../ui/button.tsx";
import { CheckboxField, CsrfField, ErrorSummary, InputField } from "../../../../ui/fields.tsx";
import { Layout } from "../../../../ui/layout.tsx";
import type { PageContext } from "../../../../ui/page-context.ts";
import { Table } from "../../../../ui/table.tsx";
import { countOf } from "../../../../shared/french-plural.ts";
import type { AssignmentRules } from "../instance.ts";
import type { StoredDraft, TeamCheck } from "../draft.ts";

export type ReviewPerson = { id: string; name: string; ministryName: string | null; profileSlug: string | null };
export type ReviewProject = { id: string; slug: string; title: string; minSize: number; maxSize: number; needsSet: boolean; requiredSkills: string[] };

export type AssignmentPageModel = {
  season: { slug: string; name: string };
  wishesPhase: string | null;
  /** False while the season's « Vœux » phase runs or is to come: members may still send or change wishes. */
  wishesPhaseOver: boolean;
  projects: ReviewProject[];
  wishListCount: number;
  draftWishListCount: number;
  rules: AssignmentRules;
  version: number;
  draft: StoredDraft | null;
  computedAt: string | null;
  publishedAt: string | null;
  checks: TeamCheck[];
  people: ReadonlyMap<string, ReviewPerson>;
  locked: ReadonlySet<string>;
  /** Explanations already in French, by member id. */
  explanations: ReadonlyMap<string, string>;
  relaxedTexts: string[];
  skillNames: ReadonlyMap<string, string>;
  notice?: string | undefined;
  error?: string | undefined;
  /** Errors shown at their field: the rules' numbers, the publication's confirmation. */
  fieldErrors?: Record<string, string> | undefined;
  /** The rules as typed, kept when they were refused. */
  ruleValues?: { sizes: boolean; requiredSkills: boolean; mix: boolean; minMinistries: string; maxSharePercent: string } | undefined;
};

const base = (slug: string) => `/admin/equipes/${slug}`;
const breadcrumb = [
  { label: "Accueil", href: "/" },
  { label: "Administration", href: "/admin" },
  { label: "Équipes", href: "/admin/equipes" },
];

function VersionFields({ context, version }: { context: PageContext; version: number }) {
  return (
    <>
      <CsrfField token={context.csrfToken} />
      <input type="hidden" name="version" value={String(version)} />
    </>
  );
}

function projectTitle(model: AssignmentPageModel, projectId: string | null): string {
  return projectId ? (model.projects.find((project) => project.id === projectId)?.title ?? "un projet") : "sans équipe";
}

function countFixed(draft: StoredDraft, kind: "lead" | "priority"): number {
  return draft.placements.filter((placement) => !placement.moved && placement.reason.kind === "fixed" && placement.reason.fixedKind === kind).length;
}

function ordinal(rank: number): string {
  return rank === 1 ? "1er" : `${rank}e`;
}

function problemsText(check: TeamCheck, project: ReviewProject, skillNames: ReadonlyMap<string, string>): string[] {
  const texts: string[] = [];
  if (check.problems.includes("too_small")) texts.push(`moins de ${project.minSize}\u00a0membres`);
  if (check.problems.includes("too_large")) texts.push(`plus de ${project.maxSize}\u00a0membres`);
  if (check.problems.includes("few_ministries")) texts.push("trop peu de ministères");
  if (check.problems.includes("ministry_above_share")) texts.push("un ministère dépasse la part permise");
  for (const skill of check.missingSkills) texts.push(`compétence ${skillNames.get(skill.skillId) ?? "indispensable"} non couverte`);
  return texts;
}

function MoveForm({ context, model, memberId, currentProjectId }: { context: PageContext; model: AssignmentPageModel; memberId: string; currentProjectId: string | null }) {
  const id = `deplacer-${memberId}`;
  const person = model.people.get(memberId);
  return (
    <form method="post" action={`${base(model.season.slug)}/deplacer`} className="p10-inline-form">
      <VersionFields context={context} version={model.version} />
      <input type="hidden" name="memberId" value={memberId} />
      <label className="fr-label fr-sr-only" htmlFor={id}>
        Déplacer {person?.name ?? "ce membre"} vers
      </label>
      <select className="fr-select" id={id} name="projectId" defaultValue={currentProjectId ?? "aucun"}>
        {model.projects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.title}
          </option>
        ))}
        <option value="aucun">Aucune équipe</option>
      </select>
      <Button type="submit" variant="secondary" size="sm">
        Déplacer
      </Button>
    </form>
  );
}

function LockForm({ context, model, memberId }: { context: PageContext; model: AssignmentPageModel; memberId: string }) {
  const locked = model.locked.has(memberId);
  const name = model.people.get(memberId)?.name ?? "ce membre";
  return (
    <form method="post" action={`${base(model.season.slug)}/${locked ? "deverrouiller" : "verrouiller"}`}>
      <VersionFields context={context} version={model.version} />
      <input type="hidden" name="memberId" value={memberId} />
      <button type="submit" className={`fr-btn fr-btn--tertiary fr-btn--sm fr-btn--icon-left ${locked ? "fr-icon-lock-unlock-line" : "fr-icon-lock-line"}`}>
        {locked ? "Déverrouiller" : "Verrouiller"}
        <span className="fr-sr-only"> {name}</span>
      </button>
    </form>
  );
}

function PersonCell({ person }: { person: ReviewPerson | undefined }) {
  if (!person) return <>Ancien membre</>;
  return person.profileSlug ? <a href={`/annuaire/${person.profileSlug}`}>{person.name}</a> : <>{person.name}</>;
}

/** `/admin/equipes/<season>`: the rules, the run, the draft with its explanations, moves and locks, and the publication. */
export function AssignmentPage({ context, model }: { context: PageContext; model: AssignmentPageModel }) {
  const title = `Équipes de la ${model.season.name.toLowerCase()}`;
  const { draft, rules } = model;
  const fieldErrors = model.fieldErrors ?? {};
  const typed = model.ruleValues ?? {
    sizes: rules.sizes,
    requiredSkills: rules.requiredSkills,
    mix: rules.minMinistries !== null || rules.maxMinistryShare !== null,
    minMinistries: String(rules.minMinistries ?? 2),
    maxSharePercent: String(Math.round((rules.maxMinistryShare ?? 0.5) * 100)),
  };
  const published = model.publishedAt !== null;
  const placedCount = draft ? draft.placements.length : 0;
  return (
    <Layout context={context} title={title} breadcrumb={breadcrumb} hasErrors={Boolean(model.error) || Object.keys(fieldErrors).length > 0}>
      <h1>{title}</h1>
      <ErrorSummary errors={fieldErrors} />
      {model.error ? (
        <Alert kind="error" title="Modification refusée">
          <p>{model.error}</p>
        </Alert>
      ) : null}
      {model.notice ? <Alert kind="success" title={model.notice} /> : null}
      <p>
        {model.wishesPhase ? `Phase des vœux\u00a0: ${model.wishesPhase}. ` : "Cette saison n’a pas de phase des vœux datée. "}
        {countOf(model.projects.length, "projet", "projets")} dans la saison, {countOf(model.wishListCount, "liste de vœux envoyée", "listes de vœux envoyées")}
        {model.draftWishListCount > 0 ? ` (et ${countOf(model.draftWishListCount, "brouillon non envoyé", "brouillons non envoyés")}, non pris en compte)` : ""}.
      </p>
      {published ? (
        <Alert kind="info" title="Équipes publiées">
          <p>Les équipes ont été publiées le {model.publishedAt}. Les membres peuvent encore demander à rejoindre un projet depuis sa page&nbsp;; ses porteurs et porteuses acceptent ou refusent.</p>
        </Alert>
      ) : null}

      {!published ? (
        <>
          <h2 id="regles">Règles de la saison</h2>
          <form method="post" action={`${base(model.season.slug)}/regles`}>
            <VersionFields context={context} version={model.version} />
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">Ce que le calcul respecte (une règle qui ne peut pas tenir est relâchée et signalée)</legend>
              <div className="fr-fieldset__element">
                <CheckboxField name="sizes" label="La taille de chaque équipe (minimum et maximum de chaque projet)" checked={typed.sizes} />
              </div>
              <div className="fr-fieldset__element">
                <CheckboxField name="requiredSkills" label="Chaque compétence indispensable couverte au niveau demandé" checked={typed.requiredSkills} />
              </div>
              <div className="fr-fieldset__element">
                <CheckboxField name="mix" label="Le mix interministériel" checked={typed.mix} />
              </div>
              <div className="fr-fieldset__element">
                <InputField name="minMinistries" type="number" inputMode="numeric" label="Nombre minimal de ministères par équipe" hint="2 par défaut." value={typed.minMinistries} error={fieldErrors.minMinistries} />
              </div>
              <div className="fr-fieldset__element">
                <InputField name="maxSharePercent" type="number" inputMode="numeric" label="Part maximale d’un même ministère dans une équipe, en %" hint="50 par défaut (pas plus de la moitié)." value={typed.maxSharePercent} error={fieldErrors.maxSharePercent} />
              </div>
            </fieldset>
            <Button type="submit" variant="secondary">
              Enregistrer les règles
            </Button>
          </form>

          <h2 id="calcul" className="fr-mt-6w">
            Calcul
          </h2>
          <p>Le calcul cherche la meilleure répartition possible pour l’ensemble des membres (un meilleur rang de vœu compte davantage), en respectant les règles ci-dessus, les porteurs et porteuses dans leur projet, les personnes verrouillées et la priorité de celles qui poursuivent leur projet de la saison précédente.</p>
          {!model.wishesPhaseOver ? (
            <Alert kind="info" title="La phase des vœux n’est pas terminée" small>
              <p>Le calcul porte sur les vœux envoyés à ce jour&nbsp;: des membres peuvent encore envoyer ou changer les leurs jusqu’à la fin de la phase.</p>
            </Alert>
          ) : null}
          <form method="post" action={`${base(model.season.slug)}/calculer`} className="fr-mb-4w">
            <VersionFields context={context} version={model.version} />
            <Button type="submit" icon="refresh-line">
              {draft ? "Recalculer les équipes (les verrouillages sont conservés)" : "Calculer les équipes"}
            </Button>
          </form>
        </>
      ) : null}

      {draft ? (
        <>
          <h2 id="resultat">{published ? "Équipes publiées" : "Proposition d’équipes"}</h2>
          <p>
            {draft.provenOptimal ? <Badge label="Optimum prouvé" kind="success" small /> : <Badge label="Optimalité non prouvée" kind="warning" small />}
          </p>
          <p>
            Calculée le {model.computedAt} en {Math.max(1, Math.round(draft.solveMilliseconds))}&nbsp;ms. Satisfaction totale&nbsp;: {draft.objective}&nbsp;points (35 pour un 1er vœu obtenu, 32 pour un 2e, 27, 20 et 11 pour les suivants, 5 pour «&nbsp;n’importe quel projet&nbsp;»).{" "}
            {draft.provenOptimal ? "Aucune autre répartition respectant les règles ne fait mieux." : "Le solveur n’a pas pu prouver qu’aucune répartition ne fait mieux dans le temps imparti."}
          </p>
          <Table
            caption="Vœux obtenus"
            columns={["Placement", "Membres"]}
            rowHeaders
            rows={[
              ...draft.rankCounts.map((count, index) => [`${ordinal(index + 1)} vœu`, String(count)]),
              ["N’importe quel projet", String(draft.anyProjectCount)],
              ["Porteurs et porteuses (dans leur projet)", String(countFixed(draft, "lead"))],
              ["Priorité : poursuite du projet de la saison précédente", String(countFixed(draft, "priority"))],
              ["Placés à la main (déplacés ou verrouillés)", String(draft.placements.filter((placement) => placement.moved || (placement.reason.kind === "fixed" && placement.reason.fixedKind === "lock")).length)],
              ["Sans équipe", String(draft.unplaced.length)],
            ]}
          />
          {draft.changes && draft.changes.length > 0 && !published ? (
            <Alert kind="info" title={`Par rapport au calcul précédent, ${countOf(draft.changes.length, "personne change", "personnes changent")} d’équipe`}>
              <ul>
                {draft.changes.map((change) => (
                  <li key={change.memberId}>
                    {model.people.get(change.memberId)?.name ?? "Ancien membre"}&nbsp;: {projectTitle(model, change.from)} → {projectTitle(model, change.to)}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {model.relaxedTexts.length > 0 ? (
            <Alert kind="warning" title="Règles relâchées">
              <p>Toutes les règles ne pouvaient pas tenir ensemble&nbsp;; le calcul a relâché celles-ci et respecté les autres&nbsp;:</p>
              <ul>
                {model.relaxedTexts.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </Alert>
          ) : (
            <p>Toutes les règles de la saison sont respectées.</p>
          )}

          {model.projects.map((project) => {
            const check = model.checks.find((candidate) => candidate.projectId === project.id);
            const team = draft.placements.filter((placement) => placement.projectId === project.id);
            const problems = check ? problemsText(check, project, model.skillNames) : [];
            return (
              <section key={project.id} className="fr-mt-4w" aria-labelledby={`projet-${project.id}`}>
                <h3 id={`projet-${project.id}`}>
                  <a href={`/projets/${project.slug}`}>{project.title}</a>
                </h3>
                <p>
                  {countOf(team.length, "membre", "membres")} (de {project.minSize} à {project.maxSize}
                  {project.needsSet ? "" : ", taille par défaut\u00a0: l’équipe recherchée n’est pas renseignée"}), {countOf(check?.ministries ?? 0, "ministère", "ministères")}
                  {project.requiredSkills.length > 0 ? `, compétences indispensables\u00a0: ${project.requiredSkills.join(", ")}` : ""}.
                </p>
                {problems.length > 0 ? <Badge label={`À revoir\u00a0: ${problems.join(", ")}`} kind="warning" small /> : <Badge label="Règles respectées" kind="success" small />}
                {team.length > 0 ? (
                  <Table
                    caption={`${published ? "Équipe publiée" : "Équipe proposée"} pour ${project.title}`}
                    noCaption
                    columns={published ? ["Membre", "Ministère", "Pourquoi ici"] : ["Membre", "Ministère", "Pourquoi ici", "Déplacer", "Verrouiller"]}
                    rowHeaders
                    rows={team.map((placement) => {
                      const person = model.people.get(placement.memberId);
                      const why = model.explanations.get(placement.memberId) ?? "";
                      const cells = [<PersonCell person={person} />, person?.ministryName ?? "Ministère inconnu", why];
                      if (published) return cells;
                      // A lead stays in their project: whom a project is led by changes on its « Équipe recherchée » page.
                      if (placement.reason.kind === "fixed" && placement.reason.fixedKind === "lead")
                        return [...cells, <a href={`/projets/${project.slug}/equipe-recherchee?saison=${model.season.slug}`}>Changer les porteurs</a>, "—"];
                      return [...cells, <MoveForm context={context} model={model} memberId={placement.memberId} currentProjectId={project.id} />, <LockForm context={context} model={model} memberId={placement.memberId} />];
                    })}
                  />
                ) : (
                  <p>Personne n’est placé dans ce projet.</p>
                )}
              </section>
            );
          })}

          <h3 id="sans-equipe" className="fr-mt-4w">
            Sans équipe ({draft.unplaced.length})
          </h3>
          {draft.unplaced.length === 0 ? (
            <p>Chaque membre qui a envoyé ses vœux a une équipe.</p>
          ) : (
            <Table
              caption="Membres sans équipe"
              noCaption
              columns={published ? ["Membre", "Ministère", "Pourquoi"] : ["Membre", "Ministère", "Pourquoi", "Placer"]}
              rowHeaders
              rows={draft.unplaced.map((entry) => {
                const person = model.people.get(entry.memberId);
                const cells = [<PersonCell person={person} />, person?.ministryName ?? "Ministère inconnu", model.explanations.get(entry.memberId) ?? ""];
                return published ? cells : [...cells, <MoveForm context={context} model={model} memberId={entry.memberId} currentProjectId={null} />];
              })}
            />
          )}

          {!published ? (
            <>
              <h2 id="publication" className="fr-mt-4w">
                Publication
              </h2>
              <p>
                Publier enregistre les {countOf(placedCount, "placement", "placements")} dans les équipes des projets et sur les profils, puis écrit à chaque membre qui a envoyé ses vœux (son équipe et pourquoi, ou pourquoi aucune) et à chaque porteur ou porteuse (son équipe). Les équipes ne se recalculent plus ensuite.
              </p>
              {!model.wishesPhaseOver ? (
                <Alert kind="warning" title="La phase des vœux n’est pas terminée" small>
                  <p>Après la publication, les vœux envoyés ou changés ne comptent plus&nbsp;: publiez plutôt une fois la phase close.</p>
                </Alert>
              ) : null}
              <form method="post" action={`${base(model.season.slug)}/publier`}>
                <VersionFields context={context} version={model.version} />
                <CheckboxField name="confirm" label={`Je confirme la publication des équipes et l’envoi des courriels (${countOf(placedCount + draft.unplaced.length, "membre", "membres")} et les porteurs et porteuses)`} error={fieldErrors.confirm} />
                <Button type="submit" icon="send-plane-line">
                  Publier les équipes
                </Button>
              </form>
            </>
          ) : null}
        </>
      ) : (
        <p className="fr-mt-4w">Aucun calcul pour le moment.</p>
      )}
    </Layout>
  );
}

export type AssignmentSeasonRow = { slug: string; name: string; projects: number; wishLists: number; state: string };

/** `/admin/equipes`: the seasons and where their teams stand. */
export function AssignmentSeasonsPage({ context, rows }: { context: PageContext; rows: AssignmentSeasonRow[] }) {
  return (
    <Layout context={context} title="Équipes" breadcrumb={breadcrumb.slice(0, 2)}>
      <h1>Équipes</h1>
      <p>Pour chaque saison, former les équipes à partir des vœux des membres et de ce que chaque projet recherche, les relire, puis les publier.</p>
      <Table
        caption="Les équipes par saison"
        columns={["Saison", "Projets", "Listes de vœux envoyées", "Où en sont les équipes\u00a0?"]}
        rowHeaders
        rows={rows.map((row) => [<a href={base(row.slug)}>{row.name}</a>, String(row.projects), String(row.wishLists), row.state])}
      />
    </Layout>
  );
}
