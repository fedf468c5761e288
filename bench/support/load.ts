import autocannon from "autocannon";

export const connections = 16;
const warmUpSeconds = 2;

export type Load = { requestsPerSecond: number; p50: number; p99: number; requests: number };

/**
 * Loads `url` with `connections` connections: a short warm-up (not measured), then `durationSeconds`.
 * Refuses the measure when an answer has another status than the expected one (2xx by default) or
 * failed: a fast error page is not a fast page.
 */
export async function measureLoad(url: string, options: { durationSeconds: number; headers?: Record<string, string>; expectedStatus?: number }): Promise<Load> {
  const headers = { accept: "text/html", ...options.headers };
  await autocannon({ url, connections, duration: warmUpSeconds, headers });
  const result = await autocannon({ url, connections, duration: options.durationSeconds, headers });
  const unexpected = options.expectedStatus === undefined ? result.non2xx : Object.entries(result.statusCodeStats).filter(([status]) => Number(status) !== options.expectedStatus).reduce((sum, [, { count }]) => sum + count, 0);
  if (unexpected > 0 || result.errors > 0 || result.timeouts > 0 || result.requests.total === 0) {
    throw new Error(`${url}: ${unexpected} unexpected answers, ${result.errors} errors, ${result.timeouts} timeouts (status codes: ${JSON.stringify(result.statusCodeStats)})`);
  }
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}
