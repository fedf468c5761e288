export type TagProps = {
  label: string;
  /** A link tag; without it, a static tag. */
  href?: string;
  small?: boolean;
  /** DSFR icon name without its prefix, e.g. "map-pin-2-line", shown left of the label. */
  icon?: string;
};

export function Tag({ label, href, small, icon }: TagProps) {
  const className = ["fr-tag", small ? "fr-tag--sm" : "", icon ? `fr-icon-${icon} fr-tag--icon-left` : ""].filter(Boolean).join(" ");
  return href ? (
    <a className={className} href={href}>
      {label}
    </a>
  ) : (
    <p className={className}>{label}</p>
  );
}

export function TagsGroup({ tags, small }: { tags: Omit<TagProps, "small">[]; small?: boolean }) {
  return (
    <ul className={`fr-tags-group${small ? " fr-tags-group--sm" : ""}`}>
      {tags.map((tag, index) => (
        <li key={index}>
          <Tag {...tag} />
        </li>
      ))}
    </ul>
  );
}
