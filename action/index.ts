/** The Action's entry point (bundled into dist/index.js): it only runs the Action. */
import { run } from './main.ts';

void run();
