import type { BreadcrumbItem } from "../../../ui/breadcrumb.tsx";

export const seasonsAdminBreadcrumb: BreadcrumbItem[] = [
  { label: "Accueil", href: "/" },
  { label: "Administration", href: "/admin" },
  { label: "Saisons", href: "/admin/saisons" },
];

export const seasonsBreadcrumb: BreadcrumbItem[] = [
  { label: "Accueil", href: "/" },
  { label: "Saisons", href: "/saisons" },
];
