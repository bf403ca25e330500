#!/usr/bin/env -S node --max-opt=2 --max-semi-space-size=16
// The `axiom` command: wires the process to runCli and sets the exit code. Nothing else lives here.
import { runCli } from './run.ts';

// `axiom scan | head` closes stdout early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
