/**
 * Signs a demo account in over HTTP as a browser would, through the magic link that the local
 * outbox (/_dev/mails) holds, and returns the Cookie header of the session.
 */
export async function signInThroughOutbox(baseUrl: string, email: string, timeoutMs = 20_000): Promise<string> {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const request = async (pathname: string, form?: Record<string, string>) => {
    const response = await fetch(`${baseUrl}${pathname}`, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: cookieHeader(), origin: baseUrl, ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const separator = pair.indexOf("=");
      cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
    return { status: response.status, body: await response.text() };
  };
  const csrfIn = (html: string) => {
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error("No CSRF token in the form");
    return token;
  };

  const form = await request("/connexion");
  const sent = await request("/connexion", { email, _csrf: csrfIn(form.body) });
  if (sent.status !== 200) throw new Error(`POST /connexion answered ${sent.status}`);

  const mailLink = new RegExp(`<td>${email.replace(/[.]/g, "\\.")}</td><td><a href="(/_dev/mails/[0-9a-f-]+)"`);
  const deadline = Date.now() + timeoutMs;
  let mailPath: string | undefined;
  while (!mailPath && Date.now() < deadline) {
    mailPath = mailLink.exec((await request("/_dev/mails")).body)?.[1];
    if (!mailPath) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!mailPath) throw new Error(`No sign-in mail for ${email} in /_dev/mails after ${timeoutMs} ms`);
  const token = /\/connexion\/lien\?jeton=([\w-]+)/.exec((await request(mailPath)).body)?.[1];
  if (!token) throw new Error(`No sign-in link in ${mailPath}`);

  const confirm = await request(`/connexion/lien?jeton=${token}`);
  const signedIn = await request("/connexion/lien", { jeton: token, _csrf: csrfIn(confirm.body) });
  if (signedIn.status !== 303 || !cookies.has("p10_session")) throw new Error(`POST /connexion/lien answered ${signedIn.status} without a session`);
  return `p10_session=${cookies.get("p10_session")}`;
}
