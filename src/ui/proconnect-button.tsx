/** DSFR ProConnect button: a form posting to our login route (works without JavaScript). */
export function ProConnectButton({ action, csrfToken, returnTo }: { action: string; csrfToken: string; returnTo?: string | undefined }) {
  return (
    <div className="fr-connect-group">
      <form method="post" action={action}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {returnTo ? <input type="hidden" name="retour" value={returnTo} /> : null}
        <button className="fr-connect fr-connect--pro" type="submit">
          <span className="fr-connect__login">S’identifier avec</span>
          <span className="fr-connect__brand">ProConnect</span>
        </button>
      </form>
      <p>
        <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener" title={"Qu’est-ce que ProConnect\u00a0? — nouvelle fenêtre"}>
          Qu’est-ce que ProConnect&nbsp;?
        </a>
      </p>
    </div>
  );
}
