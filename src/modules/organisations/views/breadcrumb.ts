import type { BreadcrumbItem } from "../../../ui/breadcrumb.tsx";

export const adminBreadcrumb: BreadcrumbItem[] = [
  { label: "Accueil", href: "/" },
  { label: "Administration", href: "/admin" },
];

export const organisationsBreadcrumb: BreadcrumbItem[] = [...adminBreadcrumb, { label: "Organisations", href: "/admin/organisations" }];
