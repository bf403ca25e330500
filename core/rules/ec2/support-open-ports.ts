import type { SecurityGroup, SecurityGroupRule } from '../../scan/inventory.ts';

/** How bad an open port is: every port, a remote administration port, or a database port. */
export type PortClass = 'all' | 'admin' | 'database';

/** A port whose exposure to the internet is a known attack path. */
export interface SensitivePort {
  port: number;
  protocol: 'tcp' | 'udp';
  /** What usually listens there, for messages. */
  service: string;
  portClass: Exclude<PortClass, 'all'>;
}

/**
 * Remote administration and database ports. The admin list is the brief's (and CIS's) SSH, RDP, WinRM and
 * telnet, plus VNC; the database list covers the engines AWS runs or customers self-host on EC2 most often.
 */
export const SENSITIVE_PORTS: readonly SensitivePort[] = [
  { port: 22, protocol: 'tcp', service: 'SSH', portClass: 'admin' },
  { port: 23, protocol: 'tcp', service: 'Telnet', portClass: 'admin' },
  { port: 3389, protocol: 'tcp', service: 'RDP', portClass: 'admin' },
  { port: 3389, protocol: 'udp', service: 'RDP', portClass: 'admin' },
  { port: 5900, protocol: 'tcp', service: 'VNC', portClass: 'admin' },
  { port: 5985, protocol: 'tcp', service: 'WinRM', portClass: 'admin' },
  { port: 5986, protocol: 'tcp', service: 'WinRM over HTTPS', portClass: 'admin' },
  { port: 1433, protocol: 'tcp', service: 'SQL Server', portClass: 'database' },
  { port: 1521, protocol: 'tcp', service: 'Oracle', portClass: 'database' },
  { port: 2379, protocol: 'tcp', service: 'etcd', portClass: 'database' },
  { port: 2380, protocol: 'tcp', service: 'etcd peer', portClass: 'database' },
  { port: 3306, protocol: 'tcp', service: 'MySQL/MariaDB', portClass: 'database' },
  { port: 5432, protocol: 'tcp', service: 'PostgreSQL', portClass: 'database' },
  { port: 5439, protocol: 'tcp', service: 'Redshift', portClass: 'database' },
  { port: 5984, protocol: 'tcp', service: 'CouchDB', portClass: 'database' },
  { port: 6379, protocol: 'tcp', service: 'Redis', portClass: 'database' },
  { port: 7000, protocol: 'tcp', service: 'Cassandra', portClass: 'database' },
  { port: 7001, protocol: 'tcp', service: 'Cassandra over TLS', portClass: 'database' },
  { port: 9042, protocol: 'tcp', service: 'Cassandra CQL', portClass: 'database' },
  { port: 9200, protocol: 'tcp', service: 'Elasticsearch/OpenSearch', portClass: 'database' },
  { port: 9300, protocol: 'tcp', service: 'Elasticsearch transport', portClass: 'database' },
  { port: 11211, protocol: 'tcp', service: 'Memcached', portClass: 'database' },
  { port: 11211, protocol: 'udp', service: 'Memcached', portClass: 'database' },
  { port: 27017, protocol: 'tcp', service: 'MongoDB', portClass: 'database' },
  { port: 27018, protocol: 'tcp', service: 'MongoDB shard', portClass: 'database' },
  { port: 27019, protocol: 'tcp', service: 'MongoDB config server', portClass: 'database' },
];

/** Classes in report order, worst first. */
const CLASS_ORDER: readonly PortClass[] = ['all', 'admin', 'database'];

/** What one group lets the whole internet reach, in one port class. */
export interface OpenPortExposure {
  portClass: PortClass;
  /** The exposed ports, e.g. '22/tcp (SSH)', or 'all traffic' / 'all TCP ports' for the 'all' class. */
  ports: string[];
  /** The internet-wide sources that allow it: '0.0.0.0/0' and/or '::/0'. */
  cidrs: string[];
  /** The group's inbound rule entries that open it, as collected. */
  entries: SecurityGroupRule[];
}

/** The internet-wide source of an entry ('0.0.0.0/0' or '::/0'), or undefined for any narrower source. */
export function internetSource(
  entry: SecurityGroupRule,
  options: { ipv4Only?: boolean } = {},
): string | undefined {
  // EC2 normalises a /0 to the zero address, but any /0 covers every address whatever it is written as.
  if (entry.cidrIpv4?.endsWith('/0')) return '0.0.0.0/0';
  if (!options.ipv4Only && entry.cidrIpv6?.endsWith('/0')) return '::/0';
  return undefined;
}

/** The port range of a TCP/UDP entry; absent bounds mean every port. */
function portRange(entry: SecurityGroupRule): { from: number; to: number } {
  return { from: entry.fromPort ?? 0, to: entry.toPort ?? 65535 };
}

/** The label of an entry that opens every port, or undefined when it does not. */
function allPortsLabel(entry: SecurityGroupRule): string | undefined {
  if (entry.protocol === '-1') return 'all traffic';
  if (entry.protocol !== 'tcp' && entry.protocol !== 'udp') return undefined;
  const { from, to } = portRange(entry);
  // Port 0 is reserved, so 1-65535 opens every usable port just as 0-65535 does.
  return from <= 1 && to >= 65535 ? `all ${entry.protocol.toUpperCase()} ports` : undefined;
}

/** The sensitive ports a TCP/UDP entry's range covers. */
function coveredPorts(entry: SecurityGroupRule): SensitivePort[] {
  const { from, to } = portRange(entry);
  return SENSITIVE_PORTS.filter(
    (sensitive) => sensitive.protocol === entry.protocol && from <= sensitive.port && sensitive.port <= to,
  );
}

function add(
  map: Map<PortClass, OpenPortExposure>,
  portClass: PortClass,
  port: string,
  cidr: string,
  entry: SecurityGroupRule,
) {
  let exposure = map.get(portClass);
  if (!exposure) {
    exposure = { portClass, ports: [], cidrs: [], entries: [] };
    map.set(portClass, exposure);
  }
  if (!exposure.ports.includes(port)) exposure.ports.push(port);
  if (!exposure.cidrs.includes(cidr)) exposure.cidrs.push(cidr);
  if (!exposure.entries.includes(entry)) exposure.entries.push(entry);
}

/**
 * What `group` lets the whole internet (0.0.0.0/0 or ::/0) reach, one exposure per port class, worst first.
 * An entry that opens every port counts in the 'all' class only; a range counts for each sensitive port inside
 * it (22-3389 opens SSH, telnet, RDP and several databases). `ipv4Only` ignores ::/0 (for instances reachable
 * only through a public IPv4 address).
 */
export function internetOpenPorts(
  group: SecurityGroup,
  options: { ipv4Only?: boolean } = {},
): OpenPortExposure[] {
  const byClass = new Map<PortClass, OpenPortExposure>();
  for (const entry of group.ingress) {
    const cidr = internetSource(entry, options);
    if (!cidr) continue;
    const all = allPortsLabel(entry);
    if (all) {
      add(byClass, 'all', all, cidr, entry);
      continue;
    }
    for (const sensitive of coveredPorts(entry))
      add(
        byClass,
        sensitive.portClass,
        `${sensitive.port}/${sensitive.protocol} (${sensitive.service})`,
        cidr,
        entry,
      );
  }
  return CLASS_ORDER.flatMap((portClass) => {
    const exposure = byClass.get(portClass);
    return exposure ? [exposure] : [];
  });
}

/** How a port class reads in a message. */
export function describePortClass(portClass: PortClass): string {
  switch (portClass) {
    case 'all':
      return 'every port';
    case 'admin':
      return 'remote administration ports';
    case 'database':
      return 'database ports';
  }
}
