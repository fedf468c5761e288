/** The three levels of the administration the programme deals with. */
export const OrganisationKinds = { ministry: "ministry", body: "body", service: "service" } as const;
export type OrganisationKind = (typeof OrganisationKinds)[keyof typeof OrganisationKinds];

export const organisationKindValues = Object.values(OrganisationKinds) as [OrganisationKind, ...OrganisationKind[]];

export const kindLabels: Record<OrganisationKind, string> = { ministry: "Ministère", body: "Organisme", service: "Service" };

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (organisationKindValues as string[]).includes(value);
}

/** Label of a stored kind; an unknown value is shown as stored. */
export function kindLabel(kind: string): string {
  return isOrganisationKind(kind) ? kindLabels[kind] : kind;
}
