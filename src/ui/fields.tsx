import type { ReactNode } from "react";

/** Field errors keyed by field name, as produced by src/http/forms.ts. */
export type FieldErrors = Partial<Record<string, string>>;

type BaseFieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  /** Defaults to the name; must be unique on the page. */
  id?: string;
};

function messageId(id: string) {
  return `${id}-messages`;
}

function FieldMessages({ id, error, errorHelp }: { id: string; error?: string | undefined; errorHelp?: ReactNode }) {
  return (
    <div className="fr-messages-group" id={messageId(id)} aria-live="polite">
      {error ? <p className="fr-message fr-message--error">{error}</p> : null}
      {error && errorHelp ? <p className="fr-message">{errorHelp}</p> : null}
    </div>
  );
}

function Label({ id, label, hint, required }: { id: string; label: string; hint?: string | undefined; required?: boolean | undefined }) {
  return (
    <label className="fr-label" htmlFor={id}>
      {label}
      {required ? <span className="fr-sr-only"> (obligatoire)</span> : null}
      {hint ? <span className="fr-hint-text">{hint}</span> : null}
    </label>
  );
}

export type InputFieldProps = BaseFieldProps & {
  type?: "text" | "email" | "url" | "number" | "date" | "datetime-local" | "tel" | "search";
  value?: string | undefined;
  autoComplete?: string;
  maxLength?: number;
  inputMode?: "text" | "email" | "numeric" | "url" | "tel" | "search";
  spellCheck?: boolean;
  /** Shown under the error, in the field's messages (so read with it): what to do next, e.g. a link. */
  errorHelp?: ReactNode;
  /** Shown and sent, not editable (a signed-in person's own address). */
  readOnly?: boolean;
};

export function InputField({ name, label, hint, error, errorHelp, required, id = name, type = "text", value, autoComplete, maxLength, inputMode, spellCheck, readOnly }: InputFieldProps) {
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      <Label id={id} label={label} hint={hint} required={required} />
      <input
        className={`fr-input${error ? " fr-input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        defaultValue={value ?? ""}
        autoComplete={autoComplete}
        maxLength={maxLength}
        inputMode={inputMode}
        spellCheck={spellCheck}
        required={required}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={messageId(id)}
      />
      <FieldMessages id={id} error={error} errorHelp={errorHelp} />
    </div>
  );
}

export type TextareaFieldProps = BaseFieldProps & { value?: string | undefined; rows?: number; maxLength?: number };

export function TextareaField({ name, label, hint, error, required, id = name, value, rows = 6, maxLength }: TextareaFieldProps) {
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      <Label id={id} label={label} hint={hint} required={required} />
      <textarea
        className={`fr-input${error ? " fr-input--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={messageId(id)}
      />
      <FieldMessages id={id} error={error} />
    </div>
  );
}

export type Option = { value: string; label: string };

export type SelectFieldProps = BaseFieldProps & { options: Option[]; value?: string | undefined; placeholder?: string };

export function SelectField({ name, label, hint, error, required, id = name, options, value, placeholder = "Sélectionner une option" }: SelectFieldProps) {
  return (
    <div className={`fr-select-group${error ? " fr-select-group--error" : ""}`}>
      <Label id={id} label={label} hint={hint} required={required} />
      <select
        className={`fr-select${error ? " fr-select--error" : ""}`}
        id={id}
        name={name}
        required={required}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={messageId(id)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} error={error} />
    </div>
  );
}

type ChoiceGroupProps = {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  options: (Option & { hint?: string })[];
  inline?: boolean;
};

function Fieldset({ name, legend, hint, error, required, children }: Omit<ChoiceGroupProps, "options" | "inline"> & { children: ReactNode }) {
  const id = `${name}-fieldset`;
  return (
    <fieldset
      className={`fr-fieldset${error ? " fr-fieldset--error" : ""}`}
      id={id}
      aria-labelledby={`${id}-legend ${id}-messages`}
      role="group"
    >
      <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id={`${id}-legend`}>
        {legend}
        {required ? <span className="fr-sr-only"> (obligatoire)</span> : null}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </legend>
      {children}
      <div className="fr-messages-group" id={`${id}-messages`} aria-live="polite">
        {error ? <p className="fr-message fr-message--error">{error}</p> : null}
      </div>
    </fieldset>
  );
}

export function RadioGroup(props: ChoiceGroupProps & { value?: string | undefined }) {
  const { name, options, value } = props;
  return (
    <Fieldset {...props}>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div className={`fr-fieldset__element${props.inline ? " fr-fieldset__element--inline" : ""}`} key={option.value}>
            <div className="fr-radio-group">
              <input type="radio" id={id} name={name} value={option.value} defaultChecked={value === option.value} />
              <label className="fr-label" htmlFor={id}>
                {option.label}
                {option.hint ? <span className="fr-hint-text">{option.hint}</span> : null}
              </label>
            </div>
          </div>
        );
      })}
    </Fieldset>
  );
}

export function CheckboxGroup(props: ChoiceGroupProps & { values?: string[] | undefined }) {
  const { name, options, values = [] } = props;
  return (
    <Fieldset {...props}>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div className={`fr-fieldset__element${props.inline ? " fr-fieldset__element--inline" : ""}`} key={option.value}>
            <div className="fr-checkbox-group">
              <input type="checkbox" id={id} name={name} value={option.value} defaultChecked={values.includes(option.value)} />
              <label className="fr-label" htmlFor={id}>
                {option.label}
                {option.hint ? <span className="fr-hint-text">{option.hint}</span> : null}
              </label>
            </div>
          </div>
        );
      })}
    </Fieldset>
  );
}

/** A single checkbox (consent, opt-in) with its own error message. */
export function CheckboxField({ name, label, hint, error, checked, id = name, value = "on" }: BaseFieldProps & { checked?: boolean; value?: string }) {
  return (
    <div className={`fr-checkbox-group fr-mb-3w${error ? " fr-checkbox-group--error" : ""}`}>
      <input
        type="checkbox"
        id={id}
        name={name}
        value={value}
        defaultChecked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={messageId(id)}
      />
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
      <FieldMessages id={id} error={error} />
    </div>
  );
}

export function ToggleField({ name, label, hint, checked, id = name }: BaseFieldProps & { checked?: boolean }) {
  return (
    <div className="fr-toggle fr-mb-3w">
      <input type="checkbox" className="fr-toggle__input" id={id} name={name} defaultChecked={checked} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label className="fr-toggle__label" htmlFor={id} data-fr-checked-label="Activé" data-fr-unchecked-label="Désactivé">
        {label}
      </label>
      {hint ? (
        <p className="fr-hint-text" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function UploadField({ name, label, hint, error, id = name, accept, multiple }: BaseFieldProps & { accept?: string; multiple?: boolean }) {
  return (
    <div className={`fr-upload-group${error ? " fr-upload-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
      <input className="fr-upload" type="file" id={id} name={name} accept={accept} multiple={multiple} aria-describedby={messageId(id)} />
      <FieldMessages id={id} error={error} />
    </div>
  );
}

/** Hidden synchronizer token; every form posts it. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** Lists a form's errors at the top, each linking to its field (RGAA 11.10). */
export function ErrorSummary({ errors, fieldIds = {} }: { errors: FieldErrors; fieldIds?: Record<string, string> }) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    // Focused when the page loads (autofocus, no script needed): a refused form comes back scrolled to its
    // errors, which are read out, rather than at the top of a long page (the GOV.UK error summary pattern).
    <div className="fr-alert fr-alert--error fr-mb-4w" role="alert" tabIndex={-1} autoFocus>
      <h2 className="fr-alert__title">
        {entries.length === 1 ? "Le formulaire contient une erreur" : `Le formulaire contient ${entries.length} erreurs`}
      </h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {field === "_form" ? message : <a href={`#${fieldIds[field] ?? field}`}>{message}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}
