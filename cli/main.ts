#!/usr/bin/env node
// The `axiom` command: wires the process to runCli and sets the exit code. Nothing else lives here.
import { runCli } from './run.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
