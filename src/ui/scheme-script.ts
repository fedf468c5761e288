import { createHash } from "node:crypto";

/**
 * Applies the saved display setting before the first paint (no flash of the wrong theme).
 * DSFR keeps the choice in localStorage under "scheme".
 */
export const schemeScript =
  "(function(){try{var s=localStorage.getItem('scheme');var d=s==='dark'||((!s||s==='system')&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.setAttribute('data-fr-theme',d?'dark':'light');}catch(e){}})();";

/** CSP source for that script, so a page revalidated from the browser cache (304) still runs it. */
export const schemeScriptHash = `'sha256-${createHash("sha256").update(schemeScript).digest("base64")}'`;
