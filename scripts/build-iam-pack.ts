/**
 * `npm ci` runs this (the `prepare` script): packs the installed IAM data into node_modules/.cache/axiom, where
 * the catalogue looks first (core/policy/catalog/iam-pack.ts). Without it everything still works, from the
 * package's own files, only the full catalogue load is slower.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultIamPackFile, writeIamPack } from '../core/policy/catalog/iam-pack.ts';

const file = defaultIamPackFile();
mkdirSync(dirname(file), { recursive: true });
writeIamPack(file);
process.stdout.write(`IAM data packed into ${file}\n`);
