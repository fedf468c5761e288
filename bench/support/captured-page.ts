/** Headers the HTTP layer writes itself (every server sends its own): not copied to the bare server. */
const transportHeaders = new Set(["content-length", "date", "connection", "keep-alive", "transfer-encoding"]);

/** One answer of our server, as the bare Fastify server replays it. */
export type CapturedPage = { path: string; statusCode: number; headers: Record<string, string | string[]>; bodyBase64: string; headerBytes: number };

/** GETs `url` once as the load generator does (`accept: text/html`) and keeps its status, headers and body bytes. */
export async function capturePage(baseUrl: string, path: string): Promise<CapturedPage> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { accept: "text/html" }, redirect: "manual" });
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (!transportHeaders.has(name) && name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  return { path, statusCode: response.status, headers, bodyBase64: body.toString("base64"), headerBytes: headerBytes(response.headers) };
}

/** The size of a response's header lines (« name: value\r\n »), transport headers included. */
export function headerBytes(headers: Headers): number {
  let bytes = 0;
  headers.forEach((value, name) => {
    if (name !== "set-cookie") bytes += Buffer.byteLength(`${name}: ${value}\r\n`);
  });
  for (const cookie of headers.getSetCookie()) bytes += Buffer.byteLength(`set-cookie: ${cookie}\r\n`);
  return bytes;
}
