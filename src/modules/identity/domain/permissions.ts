/** The roles of the programme (see product.md, "Who uses it"). */
export const Roles = {
  member: "member",
  programmeTeam: "programme_team",
  coach: "coach",
  ministryDataAdmin: "ministry_data_admin",
  manager: "manager",
} as const;
export type Role = (typeof Roles)[keyof typeof Roles];

export const roleLabels: Record<Role, string> = {
  member: "Membre",
  programme_team: "Équipe du programme",
  coach: "Coach",
  ministry_data_admin: "Administrateur ou administratrice ministériel·le des données",
  manager: "Manager",
};

export function isRole(value: string): value is Role {
  return Object.values(Roles).includes(value as Role);
}

/** A role held by a person; the AMD role is scoped to one organisation. */
export type RoleGrant = { role: Role; organisationId: string | null };

type Scope = "own" | "any";
/** `action:entity[:own|any]`, as in the house style. */
export type Permission = `${string}:${string}` | `${string}:${string}:${Scope}`;

const memberPermissions = [
  "read:account:own",
  "update:account:own",
  "delete:session:own",
  "delete:account:own",
  // People (issue 4): the directory is for members; each member keeps their own profile and data.
  "read:directory",
  "update:profile:own",
  "propose:skill",
  "read:personal-data:own",
  // Seasons and the call for projects (issue 5): members propose and support projects.
  "create:proposal",
  "update:proposal:own",
  "support:proposal",
  "read:proposal",
  // Events and trainings (issue 6): members register for events and keep their calendar feed.
  "register:event",
  "read:event-attendees",
  "manage:calendar-feed:own",
  // Teams (issue 14): members state their wishes, ask to join a team, meet others over a « café 10 % ».
  "manage:wish:own",
  "request:team-join",
  "join:cafe",
  // The project workspace (issue 15): an administration declares « nous l'utilisons »; the workspace itself
  // is checked on the resource (team, coach, AMD of a ministry involved) by the workspace module.
  "declare:reuse",
  // « Mon 10 % » (issue 16): each member keeps their agreement with their manager, their time ledger and
  // attestations; a manager's view of an agent is checked on the agreement (the address it names).
  "manage:agreement:own",
  "manage:time:own",
] as const satisfies Permission[];

/** What each role may do. A person holds the union of their roles' permissions. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  member: memberPermissions,
  coach: [...memberPermissions, "read:project:any", "read:portfolio:any"],
  manager: [...memberPermissions],
  // Scoped to one organisation: only what the role adds, or `:own` would reach every account of that
  // organisation. The person's own permissions come with the member role every account holds.
  ministry_data_admin: ["read:organisation:own", "review:proposal:own", "read:portfolio:own"],
  programme_team: [
    ...memberPermissions,
    "read:admin:any",
    "manage:email-domain:any",
    "read:organisation:any",
    "manage:organisation:any",
    "read:account:any",
    "manage:content:any",
    "update:profile:any",
    "read:hidden-profile:any",
    "export:directory:any",
    "manage:skill:any",
    "review:proposal:any",
    "decide:proposal:any",
    "manage:season:any",
    "manage:project:any",
    "manage:event:any",
    "check-in:event:any",
    // Contact (issue 12): the inbox of messages written from /contact.
    "manage:contact-message:any",
    // Teams (issue 14): project needs of any project, the assignment and its publication, café rounds.
    "manage:team:any",
    // The project workspace (issue 15): every workspace, read and kept, and the season's portfolio.
    "manage:workspace:any",
    "read:portfolio:any",
    // « Mon 10 % » (issue 16): every agreement (read, end early), third signatories, totals by ministry and project.
    "manage:agreement:any",
  ],
};

export type Subject = { id: string; roles: RoleGrant[] };
/** The entity a permission is checked against: its owner, or the organisation it belongs to. */
export type Resource = { ownerId?: string | null; organisationId?: string | null };

function parse(permission: Permission) {
  const [action, entity, scope] = permission.split(":");
  return { action, entity, scope: scope as Scope | undefined };
}

/**
 * Whether `subject` may do `permission`. Without a resource, holding the permission at any scope
 * is enough (route level); with one, `:own` applies only to the subject's own resources
 * or, for a scoped role (AMD), to resources of its organisation.
 */
export function hasPermission(subject: Subject | null, permission: Permission, resource?: Resource): boolean {
  if (!subject) return false;
  const wanted = parse(permission);
  for (const grant of subject.roles) {
    for (const held of rolePermissions[grant.role]) {
      const candidate = parse(held);
      if (candidate.action !== wanted.action || candidate.entity !== wanted.entity) continue;
      if (candidate.scope === "any" || candidate.scope === undefined) return true;
      if (wanted.scope === "own" && !resource) return true;
      // An :own grant does not answer for :any; another role of the person may still grant it.
      if (!resource) {
        if (wanted.scope === undefined) return true;
        continue;
      }
      if (resource.ownerId && resource.ownerId === subject.id) return true;
      if (grant.organisationId && resource.organisationId === grant.organisationId) return true;
    }
  }
  return false;
}
