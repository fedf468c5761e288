import type { ReactNode } from "react";
import { buttonClassName, type ButtonStyle } from "./button.tsx";

const columns = { sm: "fr-col-12 fr-col-md-6 fr-col-lg-4", md: "fr-col-12 fr-col-md-8 fr-col-lg-6", lg: "fr-col-12 fr-col-md-10 fr-col-lg-8" } as const;

export type ModalProps = {
  /** Unique on the page; the opener points to it. The title's id is `${id}-title`. */
  id: string;
  title: string;
  children: ReactNode;
  /** The modal's actions, usually a ButtonsGroup. */
  footer?: ReactNode;
  size?: keyof typeof columns;
};

/**
 * DSFR modal dialog, opened by a ModalOpener. It needs DSFR's script: without JavaScript it never opens,
 * so keep in it only what the page also offers another way (a confirmation before a form's action…).
 */
export function Modal({ id, title, children, footer, size = "md" }: ModalProps) {
  return (
    <dialog id={id} className="fr-modal" aria-labelledby={`${id}-title`}>
      <div className="fr-container fr-container--fluid fr-container-md">
        <div className="fr-grid-row fr-grid-row--center">
          <div className={columns[size]}>
            <div className="fr-modal__body">
              <div className="fr-modal__header">
                <button className="fr-btn--close fr-btn" aria-controls={id} title="Fermer" type="button">
                  Fermer
                </button>
              </div>
              <div className="fr-modal__content">
                <h2 id={`${id}-title`} className="fr-modal__title">
                  {title}
                </h2>
                {children}
              </div>
              {footer ? <div className="fr-modal__footer">{footer}</div> : null}
            </div>
          </div>
        </div>
      </div>
    </dialog>
  );
}

/** The button that opens the modal `modalId`. */
export function ModalOpener({ modalId, children, ...style }: ButtonStyle & { modalId: string; children: string }) {
  return (
    <button type="button" className={buttonClassName(style)} data-fr-opened="false" aria-controls={modalId} title={style.iconPosition === "only" ? children : undefined}>
      {children}
    </button>
  );
}
