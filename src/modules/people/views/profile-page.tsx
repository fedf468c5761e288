import type { ReactNode } from "react";
import { Alert } from "../../../ui/alert.tsx";
import { ButtonLink } from "../../../ui/button.tsx";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import { Tag } from "../../../ui/tag.tsx";
import { displayName } from "../../identity/api.ts";
import { availabilities, jobFamilies, type SkillLevel } from "../domain/profile-choices.ts";
import type { Participation, Profile, ProfileSkill } from "../repository.ts";
import { joiningStepPath } from "./joining-page.tsx";

export type ProfilePageProps = {
  context: PageContext;
  profile: Profile;
  organisationPath: string | null;
  skills: ProfileSkill[];
  participations: Participation[];
  isOwner: boolean;
  canEdit: boolean;
  /** The owner and the programme team see the manager. */
  showManager: boolean;
  notice?: "welcome" | "saved" | undefined;
};

/** A member's name as the whole platform shows it (identity's `displayName`: « Ancien membre » once erased). */
export function profileName(profile: Pick<Profile, "givenName" | "usualName" | "email">): string {
  return displayName(profile);
}

export function profilePath(slug: string): string {
  return `/annuaire/${encodeURIComponent(slug)}`;
}

export function skillPagePath(slug: string): string {
  return `/annuaire/competences/${encodeURIComponent(slug)}`;
}

/** The organisation in the list (its path), then the one the member wrote when the list lacked it. */
function organisationText(path: string | null, unlisted: string | null): string | null {
  return [path, unlisted].filter(Boolean).join(" › ") || null;
}

const levelsShown: SkillLevel[] = [3, 2, 1];
const levelHeadings: Record<SkillLevel, string> = { 3: "Expert·e", 2: "Je connais", 1: "Curieux·se" };

/** `/annuaire/:slug`: who the member is, what they know, what they took part in, how to reach them. */
export function ProfilePage({ context, profile, organisationPath, skills, participations, isOwner, canEdit, showManager, notice }: ProfilePageProps) {
  const name = profileName(profile);
  const job = profile.jobFamily ? (jobFamilies[profile.jobFamily as keyof typeof jobFamilies] ?? null) : null;
  const availability = profile.availability ? (availabilities[profile.availability as keyof typeof availabilities] ?? null) : null;
  return (
    <Layout
      context={context}
      title={name}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Trouver un expert", href: "/annuaire" },
      ]}
    >
      {notice === "welcome" ? (
        <Alert kind="success" title={"Bienvenue dans la communauté du Programme 10\u00a0%\u00a0!"}>
          <p>Votre profil est enregistré. Vous pouvez le compléter ou le modifier à tout moment.</p>
        </Alert>
      ) : null}
      {notice === "saved" ? <Alert kind="success">Le profil est enregistré.</Alert> : null}
      {isOwner && !profile.joinedAt ? (
        <Alert kind="info" title="Votre inscription n’est pas terminée">
          <p>
            Votre profil n’apparaît pas encore dans l’annuaire.{" "}
            <a href={joiningStepPath(Math.min(Math.max(profile.onboardingStep, 1), 3) as 1 | 2 | 3)}>Reprendre l’inscription</a>
          </p>
        </Alert>
      ) : null}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <h1 className="fr-mb-1w">{name}</h1>
          <p className="fr-text--lead fr-mb-1w">{[job, organisationText(organisationPath, profile.unlistedOrganisation)].filter(Boolean).join(" — ") || "Membre de la communauté"}</p>
          {profile.visibility === "programme_team" ? (
            <p className="fr-badge fr-badge--info fr-badge--no-icon fr-mb-2w">Profil visible de l’équipe du programme seulement</p>
          ) : null}

          <h2 className="fr-h4 fr-mt-4w">Compétences</h2>
          {skills.length === 0 ? <p>Aucune compétence indiquée.</p> : null}
          {levelsShown.map((level) => {
            const atLevel = skills.filter((skill) => skill.level === level);
            if (atLevel.length === 0) return null;
            return (
              <section key={level} aria-labelledby={`niveau-${level}`}>
                <h3 className="fr-h6 fr-mb-1w" id={`niveau-${level}`}>
                  {levelHeadings[level]}
                </h3>
                <ul className="fr-tags-group">
                  {atLevel.map((skill) => (
                    <li key={skill.id}>
                      {skill.status === "accepted" ? (
                        <Tag label={skill.name} href={skillPagePath(skill.slug)} />
                      ) : (
                        <Tag label={`${skill.name} (proposée)`} />
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}

          {profile.learningWishes ? (
            <>
              <h2 className="fr-h4 fr-mt-4w">Ce que j’aimerais apprendre</h2>
              <Paragraphs text={profile.learningWishes} />
            </>
          ) : null}

          {profile.bio ? (
            <>
              <h2 className="fr-h4 fr-mt-4w">Présentation</h2>
              <Paragraphs text={profile.bio} />
            </>
          ) : null}

          <h2 className="fr-h4 fr-mt-4w">Participations au programme</h2>
          {participations.length === 0 ? (
            <p>Aucune participation enregistrée pour l’instant.</p>
          ) : (
            <ul>
              {participations.map((participation) => (
                <li key={`${participation.season}-${participation.projectSlug ?? ""}`}>
                  Saison {participation.season}
                  {participation.projectSlug ? (
                    <>
                      {"\u00a0"}: <a href={`/projets/${encodeURIComponent(participation.projectSlug)}`}>{participation.projectTitle ?? participation.projectSlug}</a>
                    </>
                  ) : null}
                  {participation.role ? ` (${participation.role})` : null}
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className="fr-col-12 fr-col-md-4">
          {canEdit ? (
            <p>
              <ButtonLink variant="secondary" icon="edit-line" href={`${profilePath(profile.slug)}/modifier`}>
                {isOwner ? "Modifier mon profil" : "Modifier ce profil"}
              </ButtonLink>
            </p>
          ) : null}
          <h2 className="fr-h4">Contact</h2>
          <dl>
            <Detail label="Adresse électronique">
              <a href={`mailto:${profile.email}`}>{profile.email}</a>
            </Detail>
            {profile.tchapId ? <Detail label="Tchap">{profile.tchapId}</Detail> : null}
            {profile.forgeUrl ? (
              <Detail label="Forge de code">
                <a href={profile.forgeUrl} rel="noopener noreferrer external" target="_blank" title={`${profile.forgeUrl} — nouvelle fenêtre`}>
                  {profile.forgeUrl}
                </a>
              </Detail>
            ) : null}
            {availability ? <Detail label="Disponibilité">{availability}</Detail> : null}
          </dl>
          {showManager ? (
            <>
              <h2 className="fr-h4 fr-mt-4w">Manager</h2>
              <p className="fr-text--sm">Visible de vous et de l’équipe du programme seulement.</p>
              {profile.managerName || profile.managerEmail ? (
                <dl>
                  {profile.managerName ? <Detail label="Nom">{profile.managerName}</Detail> : null}
                  {profile.managerEmail ? (
                    <Detail label="Adresse électronique">
                      <a href={`mailto:${profile.managerEmail}`}>{profile.managerEmail}</a>
                    </Detail>
                  ) : null}
                </dl>
              ) : (
                <p>Non renseigné.</p>
              )}
            </>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="fr-text--bold">{label}</dt>
      <dd className="fr-mb-2w">{children}</dd>
    </>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
    </>
  );
}
