/**
 * The privilege-escalation paths of support/permission-escalation-paths.ts with their actions looked up in one
 * catalogue, once per catalogue: the permission analysis uses the actions to pick out, while it reads a document's
 * grants, the few grants an escalation path can go through, and the escalation check evaluates the paths.
 */
import type { ActionInfo } from '../../catalog/action-info.ts';
import type { IamCatalog } from '../../catalog/iam-catalog.ts';
import { ESCALATION_PATHS, type EscalationPath } from './permission-escalation-paths.ts';

/** A path with its actions looked up in one catalogue. */
export interface ResolvedPath {
  path: EscalationPath;
  key: ActionInfo;
  /** Each companion group's actions, as 'service:Name' and as catalogue actions. */
  with: { key: string; action: ActionInfo }[][];
}

/** The paths of one catalogue, and every action they name (for one pass over a document's grants). */
export interface ResolvedPaths {
  paths: ResolvedPath[];
  actions: readonly ActionInfo[];
}

const resolvedPaths = new WeakMap<IamCatalog, ResolvedPaths>();

/** The paths whose actions all exist in `catalog` (a test checks that all do), looked up once per catalogue. */
export function escalationPathsOf(catalog: IamCatalog): ResolvedPaths {
  let resolved = resolvedPaths.get(catalog);
  if (!resolved) {
    const paths: ResolvedPath[] = [];
    for (let i = 0; i < ESCALATION_PATHS.length; i++) {
      const path = ESCALATION_PATHS[i]!;
      const key = catalog.action(path.key);
      const groups = path.with.map((group) =>
        group.flatMap((name) => {
          const action = catalog.action(name);
          return action ? [{ key: name, action }] : [];
        }),
      );
      if (key && groups.every((group) => group.length > 0)) paths.push({ path, key, with: groups });
    }
    const actions = [
      ...new Set(paths.flatMap((path) => [path.key, ...path.with.flat().map((c) => c.action)])),
    ];
    resolved = { paths, actions };
    resolvedPaths.set(catalog, resolved);
  }
  return resolved;
}
