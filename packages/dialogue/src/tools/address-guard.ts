import { BlockList, isIP } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';

/** Ranges a tool call may not reach unless the bot allows private networks. */
const BLOCKED_IPV4 = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, including cloud metadata 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments (includes Oracle/Azure-style metadata helpers)
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const;

const BLOCKED_IPV6 = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 32], // Teredo
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local, includes AWS metadata fd00:ec2::254
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
] as const;

const BLOCK_LIST = new BlockList();
for (const [network, prefix] of BLOCKED_IPV4) BLOCK_LIST.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of BLOCKED_IPV6) BLOCK_LIST.addSubnet(network, prefix, 'ipv6');

/** A tool call aimed at an address the bot may not reach. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  readonly code = 'ERR_BLOCKED_ADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `refused to connect to ${host} (${address}): private, loopback, link-local or reserved address`,
    );
  }
}

/**
 * True for loopback, private, link-local, CGNAT, metadata, multicast, reserved and IPv6
 * unique-local addresses, and for IPv6 addresses that embed such an IPv4 address
 * (mapped `::ffff:a.b.c.d`, compatible, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`).
 * Anything that is not an IP address is blocked.
 */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCK_LIST.check(address, 'ipv4');
  if (family !== 6) return true;
  if (BLOCK_LIST.check(address, 'ipv6')) return true;
  const embedded = embeddedIpv4(address);
  return embedded !== null && isBlockedAddress(embedded);
}

/** Parses an IPv6 address into 16 bytes (the caller has checked it is one). */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase().split('%')[0] as string;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail.push(...(dotted[1] as string).split('.').map(Number));
    text = text.slice(0, -(dotted[1] as string).length) + '0:0';
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const zeros = rest === undefined ? 0 : 8 - headGroups.length - restGroups.length;
  const groups = [...headGroups, ...Array<string>(zeros).fill('0'), ...restGroups].map((g) =>
    parseInt(g || '0', 16),
  );
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  const quad = (from: number) => b.slice(from, from + 4).join('.');
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return quad(12); // IPv4-mapped
  if (zero(0, 12)) return quad(12); // IPv4-compatible (deprecated)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12))
    return quad(12); // NAT64
  if (b[0] === 0x20 && b[1] === 0x02) return quad(2); // 6to4
  return null;
}

/** Resolves a host name to every address it has (injectable for tests). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true });

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for `net.connect` that resolves the host, refuses it when any of its addresses
 * is blocked, and otherwise hands back exactly the checked addresses — so the socket
 * connects to an address that was checked, and a second DNS answer (rebinding) is never used.
 */
export function createGuardedLookup(
  resolve: Resolver = systemResolver,
  isBlocked = isBlockedAddress,
) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: LookupCallback,
  ): void => {
    resolve(hostname).then(
      (addresses) => {
        const usable = addresses.filter((a) => !options.family || options.family === a.family);
        const blocked = addresses.find((a) => isBlocked(a.address));
        if (blocked) return callback(new BlockedAddressError(hostname, blocked.address), '');
        const first = usable[0];
        if (!first) {
          const error: NodeJS.ErrnoException = new Error(`no address for ${hostname}`);
          error.code = 'ENOTFOUND';
          return callback(error, '');
        }
        if (options.all) return callback(null, usable);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
