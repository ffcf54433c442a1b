// Who the client is, behind reverse proxies (TRUST_PROXY). Without the setting the socket's address
// is the client: a forwarded header is anyone's to write. With it, X-Forwarded-For is read from the
// right, where our own proxies appended what they saw, and the first address not vouched for is the
// client: either a number of proxy hops ("1": one proxy in front) or the proxies' addresses.
import { isIP } from 'node:net';

export type TrustProxy = { hops: number } | { addresses: ReadonlySet<string> } | null;

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim();
  if (!v || v === '0') return null;
  if (/^\d+$/.test(v)) return { hops: Number(v) };
  const addresses = v.split(',').map((a) => a.trim());
  const bad = addresses.find((a) => !isIP(a));
  if (bad !== undefined) throw new Error(`TRUST_PROXY 设置不正确：${bad}（应为代理层数，或以逗号分隔的代理 IP 地址）`);
  return { addresses: new Set(addresses.flatMap((a) => [a, `::ffff:${a}`])) };
}

/** socket: the address the connection came from; forwardedFor: the X-Forwarded-For header. */
export function clientAddress(socket: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  if (!trust || forwardedFor === undefined) return socket;
  // Nearest first: the socket, then X-Forwarded-For from its right end.
  const chain = [
    socket,
    ...forwardedFor
      .split(',')
      .map((a) => a.trim())
      .reverse(),
  ].filter(Boolean);
  if ('hops' in trust) return chain[Math.min(trust.hops, chain.length - 1)]!;
  let i = 0;
  while (i < chain.length - 1 && trust.addresses.has(chain[i]!)) i++;
  return chain[i]!;
}
