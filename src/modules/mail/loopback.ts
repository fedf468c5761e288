import { BlockList, isIP } from "node:net";
import type { FastifyRequest } from "fastify";

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** 127.0.0.0/8 or ::1 (also written as an IPv4-mapped IPv6 address, `::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const family = isIP(plain);
  return family === 4 ? loopback.check(plain, "ipv4") : family === 6 ? loopback.check(plain, "ipv6") : false;
}

/** The client addresses a proxy put in the request: X-Forwarded-For, X-Real-IP and the `for=` of Forwarded (RFC 7239). */
function forwardedAddresses(request: FastifyRequest): string[] {
  const values = (name: string) => [request.headers[name] ?? []].flat();
  const addresses = [...values("x-forwarded-for").flatMap((value) => value.split(",")), ...values("x-real-ip")];
  for (const value of values("forwarded")) {
    for (const match of value.matchAll(/for=("?)([^;,"]*)\1/gi)) {
      const node = match[2] ?? "";
      // `"[::1]:8080"`, `127.0.0.1:8080`, `unknown` or an obfuscated name: only a bare address can pass.
      addresses.push(node.startsWith("[") ? node.slice(1, node.indexOf("]")) : node.replace(/:\d+$/, ""));
    }
  }
  return addresses.map((address) => address.trim()).filter((address) => address !== "");
}

/**
 * Whether a request comes from this machine: the connection is from the loopback interface and every
 * address a proxy forwarded is loopback too. Forwarded addresses count even without TRUST_PROXY, so
 * a proxy on the same machine never makes a distant visitor look local; with TRUST_PROXY they are the
 * client's address (request.ip) anyway.
 */
export function isLoopbackRequest(request: FastifyRequest): boolean {
  return [request.socket.remoteAddress, ...forwardedAddresses(request)].every(isLoopbackAddress);
}
