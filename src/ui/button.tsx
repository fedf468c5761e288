import { Children, type ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "tertiary" | "tertiary-no-outline";

export type ButtonStyle = {
  variant?: ButtonVariant;
  size?: "sm" | "md" | "lg";
  /** DSFR icon name without its prefix, e.g. "checkbox-circle-line". */
  icon?: string;
  /** "only" shows the icon alone: the label then becomes the title and stays readable by screen readers. */
  iconPosition?: "left" | "right" | "only";
};

export function buttonClassName({ variant = "primary", size = "md", icon, iconPosition = "left" }: ButtonStyle) {
  return [
    "fr-btn",
    size === "md" ? "" : `fr-btn--${size}`,
    icon ? `fr-icon-${icon}` : "",
    icon && iconPosition !== "only" ? `fr-btn--icon-${iconPosition}` : "",
    variant === "primary" ? "" : `fr-btn--${variant}`,
  ]
    .filter(Boolean)
    .join(" ");
}

export type ButtonProps = ButtonStyle & {
  children: string;
  type?: "button" | "submit" | "reset";
  disabled?: boolean;
  id?: string;
  name?: string;
  value?: string;
  /** The id of the element this button drives (modal, collapse), as DSFR expects. */
  controls?: string;
};

export function Button({ children, type = "button", disabled, id, name, value, controls, ...style }: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClassName(style)}
      disabled={disabled}
      id={id}
      name={name}
      value={value}
      aria-controls={controls}
      title={style.iconPosition === "only" ? children : undefined}
    >
      {children}
    </button>
  );
}

export type ButtonLinkProps = ButtonStyle & { children: string; href: string; id?: string; external?: boolean };

/** A link that looks like a button: for navigation, never for an action that changes data. */
export function ButtonLink({ children, href, id, external, ...style }: ButtonLinkProps) {
  const title = external ? `${children} — nouvelle fenêtre` : style.iconPosition === "only" ? children : undefined;
  return (
    <a className={buttonClassName(style)} href={href} id={id} title={title} target={external ? "_blank" : undefined} rel={external ? "noopener external" : undefined}>
      {children}
    </a>
  );
}

export type ButtonsGroupProps = {
  children: ReactNode;
  /** Side by side from this breakpoint on (true: always); stacked below it. */
  inline?: boolean | "sm" | "md" | "lg";
  align?: "left" | "center" | "right";
  equisized?: boolean;
  size?: "sm" | "md" | "lg";
  /** DSFR lets the group place its buttons' icons: without this, a button of the group that has an icon shows the icon alone. */
  iconPosition?: "left" | "right";
};

export function ButtonsGroup({ children, inline, align = "left", equisized, size = "md", iconPosition }: ButtonsGroupProps) {
  const className = [
    "fr-btns-group",
    inline === true ? "fr-btns-group--inline" : inline ? `fr-btns-group--inline-${inline}` : "",
    align === "left" ? "" : `fr-btns-group--${align}`,
    equisized ? "fr-btns-group--equisized" : "",
    size === "md" ? "" : `fr-btns-group--${size}`,
    iconPosition ? `fr-btns-group--icon-${iconPosition}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <ul className={className}>
      {Children.toArray(children).map((child, index) => (
        <li key={index}>{child}</li>
      ))}
    </ul>
  );
}
