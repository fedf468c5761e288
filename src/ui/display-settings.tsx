const themes = [
  { value: "light", label: "Thème clair", pictogram: "environment/sun.svg" },
  { value: "dark", label: "Thème sombre", pictogram: "environment/moon.svg" },
  { value: "system", label: "Système", hint: "Utilise les paramètres système", pictogram: "system/system.svg" },
] as const;

/** DSFR "Paramètres d’affichage" modal; the DSFR script saves the choice and applies it. */
export function DisplaySettingsModal() {
  return (
    <dialog id="fr-theme-modal" className="fr-modal" aria-labelledby="fr-theme-modal-title">
      <div className="fr-container fr-container--fluid fr-container-md">
        <div className="fr-grid-row fr-grid-row--center">
          <div className="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <div className="fr-modal__body">
              <div className="fr-modal__header">
                <button className="fr-btn--close fr-btn" aria-controls="fr-theme-modal" title="Fermer" type="button">
                  Fermer
                </button>
              </div>
              <div className="fr-modal__content">
                <h2 id="fr-theme-modal-title" className="fr-modal__title">
                  Paramètres d’affichage
                </h2>
                <div id="fr-display" className="fr-display">
                  <fieldset className="fr-fieldset" id="display-fieldset">
                    <legend className="fr-fieldset__legend--regular fr-fieldset__legend" id="display-fieldset-legend">
                      Choisissez un thème pour personnaliser l’apparence du site.
                    </legend>
                    {themes.map((theme) => (
                      <div className="fr-fieldset__element" key={theme.value}>
                        <div className="fr-radio-group fr-radio-rich">
                          <input value={theme.value} type="radio" id={`fr-radios-theme-${theme.value}`} name="fr-radios-theme" />
                          <label className="fr-label" htmlFor={`fr-radios-theme-${theme.value}`}>
                            {theme.label}
                            {"hint" in theme ? <span className="fr-hint-text">{theme.hint}</span> : null}
                          </label>
                          <div className="fr-radio-rich__pictogram">
                            <svg aria-hidden="true" className="fr-artwork" viewBox="0 0 80 80" width="80px" height="80px">
                              <use className="fr-artwork-decorative" href={`/dsfr/artwork/pictograms/${theme.pictogram}#artwork-decorative`} />
                              <use className="fr-artwork-minor" href={`/dsfr/artwork/pictograms/${theme.pictogram}#artwork-minor`} />
                              <use className="fr-artwork-major" href={`/dsfr/artwork/pictograms/${theme.pictogram}#artwork-major`} />
                            </svg>
                          </div>
                        </div>
                      </div>
                    ))}
                  </fieldset>
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
    </dialog>
  );
}
