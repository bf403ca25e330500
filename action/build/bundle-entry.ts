/**
 * The bundle's entry, here rather than action/index.ts so that ncc reads this folder's tsconfig.json (see
 * package-dist.ts); it runs the Action.
 */
import '../index.ts';
