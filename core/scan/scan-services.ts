import { SCAN_SERVICES, type ScanService } from './inventory.ts';

/** Result of `parseScanServices`. */
export type ScanServicesResult =
  | {
      /** Parsed. */
      ok: true;
      /** The services, each once, in input order. */
      services: ScanService[];
    }
  | {
      /** At least one name is not a service. */
      ok: false;
      /** One line per unknown name, with the accepted names. */
      errors: string[];
    };

/** Names people type for a service, to the service Axiom calls it. */
const ALIASES: Readonly<Record<string, ScanService>> = {
  elb: 'elbv2',
  alb: 'elbv2',
  nlb: 'elbv2',
  elasticloadbalancing: 'elbv2',
  cloudwatchlogs: 'logs',
  'cloudwatch-logs': 'logs',
  costexplorer: 'ce',
  'cost-explorer': 'ce',
  tag: 'tagging',
  tags: 'tagging',
};

/**
 * Parses `--services`: names separated by commas (or given as a list), case-insensitive, with a few common
 * aliases (`elb`, `cloudwatch-logs`, `cost-explorer`). Every unknown name is reported at once.
 */
export function parseScanServices(input: string | readonly string[]): ScanServicesResult {
  const names = (typeof input === 'string' ? input.split(',') : input)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.length === 0)
    return { ok: false, errors: [`no services given; choose from ${SCAN_SERVICES.join(', ')}`] };
  const known = new Set<string>(SCAN_SERVICES);
  const services: ScanService[] = [];
  const errors: string[] = [];
  for (const name of names) {
    const service = known.has(name) ? (name as ScanService) : ALIASES[name];
    if (service === undefined)
      errors.push(`"${name}" is not a service Axiom scans; choose from ${SCAN_SERVICES.join(', ')}`);
    else if (!services.includes(service)) services.push(service);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, services };
}
