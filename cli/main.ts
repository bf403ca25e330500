#!/usr/bin/env -S node --max-opt=2 --max-semi-space-size=16
// The `axiom` command: wires the process to runCli and sets the exit code. Nothing else lives here.
import { enableCompileCache } from 'node:module';

// V8's code cache on disk (Node's default folder under the system temp dir, or NODE_COMPILE_CACHE; off with
// NODE_DISABLE_COMPILE_CACHE=1): every run after the first skips stripping types from and compiling the ~300
// modules it loads, which is most of a short command's start-up. It holds compiled code only, never data.
// Enabled before anything else is loaded, hence the dynamic import below.
enableCompileCache();
const { runCli } = await import('./run.ts');

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
