export type SearchBarProps = {
  /** Unique on the page: the input is `${id}-input`. */
  id: string;
  label: string;
  name?: string;
  value?: string | undefined;
  error?: string | undefined;
  large?: boolean;
};

/** DSFR search bar: a labelled search input and its submit button; put it inside a GET form. */
export function SearchBar({ id, label, name = "q", value, error, large }: SearchBarProps) {
  const inputId = `${id}-input`;
  return (
    <div className={`fr-search-bar${large ? " fr-search-bar--lg" : ""}`} id={id} role="search">
      <label className="fr-label" htmlFor={inputId}>
        {label}
      </label>
      <input
        className={`fr-input${error ? " fr-input--error" : ""}`}
        placeholder="Rechercher"
        id={inputId}
        name={name}
        type="search"
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${inputId}-messages`}
      />
      <div className="fr-messages-group" id={`${inputId}-messages`} aria-live="polite">
        {error ? <p className="fr-message fr-message--error">{error}</p> : null}
      </div>
      <button className="fr-btn" title={label} type="submit">
        Rechercher
      </button>
    </div>
  );
}
