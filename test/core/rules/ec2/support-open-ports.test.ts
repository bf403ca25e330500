import { describe, expect, it } from 'vitest';
import { internetOpenPorts, internetSource } from '../../../../core/rules/ec2/support-open-ports.ts';
import { securityGroup, tcp } from './fixtures.ts';

describe('internetOpenPorts', () => {
  it('classes every-port entries as all only, and ranges by the sensitive ports inside them', () => {
    const group = securityGroup('sg-0a', 'mixed', [
      { protocol: '-1', cidrIpv6: '::/0' },
      tcp(20, 25, '0.0.0.0/0'),
      tcp(3306, 3306, '0.0.0.0/0'),
      { protocol: 'udp', fromPort: 1, toPort: 65535, cidrIpv4: '0.0.0.0/0' },
    ]);
    expect(
      internetOpenPorts(group).map(({ portClass, ports, cidrs }) => ({ portClass, ports, cidrs })),
    ).toEqual([
      { portClass: 'all', ports: ['all traffic', 'all UDP ports'], cidrs: ['::/0', '0.0.0.0/0'] },
      { portClass: 'admin', ports: ['22/tcp (SSH)', '23/tcp (Telnet)'], cidrs: ['0.0.0.0/0'] },
      { portClass: 'database', ports: ['3306/tcp (MySQL/MariaDB)'], cidrs: ['0.0.0.0/0'] },
    ]);
  });

  it('ignores ::/0 for IPv4-only reachability', () => {
    const group = securityGroup('sg-0b', 'v6', [tcp(22, 22, '::/0')]);
    expect(internetOpenPorts(group)).toHaveLength(1);
    expect(internetOpenPorts(group, { ipv4Only: true })).toEqual([]);
  });

  it('treats only /0 sources as the internet', () => {
    expect(internetSource(tcp(22, 22, '0.0.0.0/0'))).toBe('0.0.0.0/0');
    expect(internetSource(tcp(22, 22, '0.0.0.0/1'))).toBeUndefined();
    expect(internetSource(tcp(22, 22, '::/0'))).toBe('::/0');
    expect(internetSource(tcp(22, 22, '2001:db8::/32'))).toBeUndefined();
  });
});
