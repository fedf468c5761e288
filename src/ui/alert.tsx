import type { ReactNode } from "react";

export type AlertKind = "info" | "success" | "warning" | "error";

export function Alert({ kind, title, children, small }: { kind: AlertKind; title?: string; children?: ReactNode; small?: boolean }) {
  return (
    <div className={`fr-alert fr-alert--${kind}${small ? " fr-alert--sm" : ""} fr-mb-3w`} role={kind === "error" ? "alert" : undefined}>
      {title ? <h2 className="fr-alert__title">{title}</h2> : null}
      {typeof children === "string" ? <p>{children}</p> : children}
    </div>
  );
}
