import type { ReactNode } from "react";
import { Layout } from "../../../ui/layout.tsx";
import type { PageContext } from "../../../ui/page-context.ts";
import type { WorkspaceRole } from "../access.ts";

/** The sections of a workspace, in the side menu's order: path suffix and label. */
export const workspaceSections = [
  { key: "overview", suffix: "", label: "Vue d’ensemble" },
  { key: "framing", suffix: "/cadrage", label: "Fiche de cadrage" },
  { key: "milestones", suffix: "/jalons", label: "Jalons" },
  { key: "log", suffix: "/journal", label: "Journal de bord" },
  { key: "links", suffix: "/liens", label: "Liens et fichiers" },
  { key: "restitution", suffix: "/restitution", label: "Restitution" },
] as const;
export type WorkspaceSectionKey = (typeof workspaceSections)[number]["key"];

const roleNotes: Record<WorkspaceRole, string | null> = {
  programme_team: null,
  member: null,
  former_member: "La saison est terminée\u00a0: vous gardez l’accès en lecture à l’espace de votre équipe.",
  coach: "Vous êtes coach de ce projet\u00a0: vous lisez l’espace et relisez la fiche de cadrage.",
  amd: "Vous lisez cet espace comme AMD d’un ministère dont un membre de l’équipe fait partie.",
};

export type WorkspaceFrame = {
  projectTitle: string;
  /** `/projets/<slug>` */
  projectPath: string;
  seasonName: string;
  /** `/projets/<slug>/espace` */
  basePath: string;
  /** `?saison=<slug>` or "". */
  query: string;
  role: WorkspaceRole;
};

/**
 * Every workspace page: the project and season in the title, a DSFR side menu of the sections (the
 * current one marked with `aria-current="page"`), and what the viewer may do when they only read.
 */
export function WorkspaceLayout({ context, frame, section, title, hasErrors, children }: { context: PageContext; frame: WorkspaceFrame; section: WorkspaceSectionKey; title: string; hasErrors?: boolean; children: ReactNode }) {
  const note = roleNotes[frame.role];
  return (
    <Layout
      context={context}
      title={`${title} — ${frame.projectTitle}`}
      hasErrors={hasErrors ?? false}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Projets", href: "/projets" },
        { label: frame.projectTitle, href: frame.projectPath },
        ...(section === "overview" ? [] : [{ label: "Espace projet", href: `${frame.basePath}${frame.query}` }]),
      ]}
    >
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-3">
          <nav className="fr-sidemenu" aria-labelledby="espace-menu-titre">
            <div className="fr-sidemenu__inner">
              <button type="button" className="fr-sidemenu__btn" aria-controls="espace-menu" aria-expanded="false">
                Sections de l’espace
              </button>
              <div className="fr-collapse" id="espace-menu">
                <p className="fr-sidemenu__title" id="espace-menu-titre">
                  Espace projet
                </p>
                <ul className="fr-sidemenu__list">
                  {workspaceSections.map((candidate) => (
                    <li key={candidate.key} className={`fr-sidemenu__item${candidate.key === section ? " fr-sidemenu__item--active" : ""}`}>
                      <a className="fr-sidemenu__link" href={`${frame.basePath}${candidate.suffix}${frame.query}`} {...(candidate.key === section ? { "aria-current": "page" as const } : {})}>
                        {candidate.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          </nav>
        </div>
        <div className="fr-col-12 fr-col-md-9">
          <h1>{title}</h1>
          <p className="fr-text--lead">
            {frame.projectTitle}, {frame.seasonName.replace(/^Saison/, "saison")}
          </p>
          {note ? <p className="fr-text--sm fr-mb-4w">{note}</p> : null}
          {children}
        </div>
      </div>
    </Layout>
  );
}

export function frameOf(workspace: { project: { title: string; slug: string }; season: { name: string }; basePath: string; query: string; access: { role: WorkspaceRole } }): WorkspaceFrame {
  return {
    projectTitle: workspace.project.title,
    projectPath: `/projets/${workspace.project.slug}`,
    seasonName: workspace.season.name,
    basePath: workspace.basePath,
    query: workspace.query,
    role: workspace.access.role,
  };
}
