import type { BreadcrumbItem } from "../../../../ui/breadcrumb.tsx";

export const editorBreadcrumb: BreadcrumbItem[] = [
  { label: "Accueil", href: "/" },
  { label: "Administration", href: "/admin" },
  { label: "Contenus du site", href: "/admin/contenus" },
];
