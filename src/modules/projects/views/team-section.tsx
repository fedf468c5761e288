import { CsrfField } from "../../../ui/fields.tsx";

/**
 * The team section of a project page, as plain data (the teams module builds it; projects does not
 * import teams): what the team seeks, the team once published, and the actions the viewer may take.
 */
export type TeamSectionModel = {
  seasonName: string;
  /** Before publication, where the team stands: « L'équipe sera formée après la phase des vœux (du … au …). » or « L'équipe est en cours de formation. » */
  formation: string | null;
  needs: { size: string; skills: { name: string; level: string; required: boolean }[]; rhythm: string; whyJoin: string } | null;
  /** Once the assignment is published: `members` is null for anonymous visitors (the counts and ministries only); `count` leaves the coaches out; `full` when it reaches the needs' maximum size. */
  team: (PastTeam & { full: boolean }) | null;
  /** « Je souhaite contribuer » during the wishes phase: a form for a member, « Dans vos vœux (rang n) » once wished, a sign-in link for a visitor; null for the project's lead. */
  wish: { kind: "form"; projectId: string; closesOn: string } | { kind: "wished"; rank: number; href: string } | { kind: "sign-in"; href: string } | null;
  /** « Demander à rejoindre l'équipe » after publication, for a member in no team this season, unless the team is full. */
  joinHref: string | null;
  /** The lead and the programme team: « Modifier l'équipe recherchée », « Gérer l'équipe »; a coach: « Gérer l'équipe » only (`needsHref` null). */
  manage: { needsHref: string | null; teamHref: string } | null;
  /** The project's teams of earlier seasons, most recent first (same visibility rules as `team`). */
  pastSeasons: (PastTeam & { seasonName: string })[];
};

type PastTeam = { count: number; coaches: number; ministries: string[]; members: { name: string; href: string | null; role: string; organisation: string | null }[] | null };

function plural(count: number, one: string, many: string): string {
  return `${count}\u00a0${count > 1 ? many : one}`;
}

function TeamMembers({ members }: { members: PastTeam["members"] }) {
  if (!members) return null;
  return (
    <ul>
      {members.map((member, index) => (
        <li key={`${member.name}-${index}`}>
          {member.href ? <a href={member.href}>{member.name}</a> : member.name} — {member.role}
          {member.organisation ? ` (${member.organisation})` : ""}
        </li>
      ))}
    </ul>
  );
}

export function TeamSection({ model, csrfToken }: { model: TeamSectionModel; csrfToken: string }) {
  const { needs, team } = model;
  if (!needs && !team && !model.formation && !model.wish && !model.joinHref && !model.manage && model.pastSeasons.length === 0) return null;
  return (
    <section aria-labelledby="equipe" className="fr-mb-4w">
      <h2 id="equipe">L’équipe</h2>
      <p className="fr-text--sm">{model.seasonName}</p>
      {model.formation ? <p>{model.formation}</p> : null}
      {needs ? (
        <>
          <h3 className="fr-h5" id="equipe-recherchee">
            Équipe recherchée
          </h3>
          <dl>
            <dt className="fr-text--bold">Taille</dt>
            <dd className="fr-ml-0">{needs.size}</dd>
            <dt className="fr-text--bold">Rythme</dt>
            <dd className="fr-ml-0">{needs.rhythm}</dd>
          </dl>
          {needs.skills.length > 0 ? (
            <ul>
              {needs.skills.map((skill) => (
                <li key={skill.name}>
                  {skill.name}&nbsp;: {skill.level.toLowerCase()}, {skill.required ? "indispensable" : "bienvenue"}
                </li>
              ))}
            </ul>
          ) : null}
          {needs.whyJoin ? (
            <>
              <h4 className="fr-h6">Pourquoi nous rejoindre</h4>
              <p style={{ whiteSpace: "pre-line" }}>{needs.whyJoin}</p>
            </>
          ) : null}
        </>
      ) : null}
      {team ? (
        <>
          <h3 className="fr-h5">Membres de l’équipe</h3>
          <p>
            {team.count}&nbsp;{team.count > 1 ? "membres" : "membre"}
            {team.coaches > 0 ? ` et ${team.coaches}\u00a0${team.coaches > 1 ? "coachs" : "coach"}` : ""}
            {team.ministries.length > 0 ? `, de\u00a0: ${team.ministries.join(", ")}` : ""}.
          </p>
          <TeamMembers members={team.members} />
          {team.full ? <p className="fr-badge fr-badge--info fr-mb-2w">Équipe complète</p> : null}
        </>
      ) : null}
      {model.wish?.kind === "form" ? (
        <form method="post" action="/voeux/ajouter">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="projectId" value={model.wish.projectId} />
          <button className="fr-btn" type="submit">
            Je souhaite contribuer
          </button>
        </form>
      ) : null}
      {model.wish?.kind === "wished" ? (
        <p>
          <a href={model.wish.href}>Dans vos vœux (rang {model.wish.rank})</a>
        </p>
      ) : null}
      {model.wish?.kind === "sign-in" ? (
        <p>
          <a className="fr-btn fr-btn--secondary" href={model.wish.href}>
            Connectez-vous pour contribuer
          </a>
        </p>
      ) : null}
      {model.joinHref ? (
        <p>
          <a className="fr-btn" href={model.joinHref}>
            Demander à rejoindre l’équipe
          </a>
        </p>
      ) : null}
      {model.manage ? (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--tertiary">
          {model.manage.needsHref ? (
            <li>
              <a className="fr-btn fr-btn--tertiary" href={model.manage.needsHref}>
                Modifier l’équipe recherchée
              </a>
            </li>
          ) : null}
          <li>
            <a className="fr-btn fr-btn--tertiary" href={model.manage.teamHref}>
              Gérer l’équipe
            </a>
          </li>
        </ul>
      ) : null}
      {model.pastSeasons.length > 0 ? (
        <>
          <h3 className="fr-h5">Les équipes des saisons précédentes</h3>
          {model.pastSeasons.map((past) => (
            <div key={past.seasonName}>
              <p className={past.members ? "fr-mb-1w" : undefined}>
                {past.seasonName}&nbsp;: {plural(past.count, "membre", "membres")}
                {past.coaches > 0 ? ` et ${plural(past.coaches, "coach", "coachs")}` : ""}
                {past.ministries.length > 0 ? ` de ${plural(past.ministries.length, "ministère", "ministères")}` : ""}
              </p>
              <TeamMembers members={past.members} />
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}
