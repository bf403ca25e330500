import packageJson from '../package.json' with { type: 'json' };

/** The Axiom version, from package.json. */
export const VERSION: string = packageJson.version;
