export type BadgeKind = "success" | "error" | "info" | "warning" | "new";

export type BadgeProps = {
  label: string;
  kind?: BadgeKind;
  small?: boolean;
  /** Hides the kind's icon (the colour alone must then not carry the meaning). */
  noIcon?: boolean;
  /** `span` where a paragraph is not allowed (inside a heading or a paragraph). */
  as?: "p" | "span";
};

function badgeClassName({ kind, small, noIcon }: Omit<BadgeProps, "label" | "as">) {
  return ["fr-badge", small ? "fr-badge--sm" : "", kind ? `fr-badge--${kind}` : "", kind && noIcon ? "fr-badge--no-icon" : ""].filter(Boolean).join(" ");
}

export function Badge({ label, as: Tag = "p", ...style }: BadgeProps) {
  return <Tag className={badgeClassName(style)}>{label}</Tag>;
}

export function BadgesGroup({ badges, small }: { badges: Omit<BadgeProps, "as" | "small">[]; small?: boolean }) {
  return (
    <ul className={`fr-badges-group${small ? " fr-badges-group--sm" : ""}`}>
      {badges.map((badge, index) => (
        <li key={index}>
          <Badge {...badge} as="span" />
        </li>
      ))}
    </ul>
  );
}
