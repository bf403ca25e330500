/**
 * The Node flags the `axiom` command runs with (cli/main.ts's shebang and the `npm run axiom` script carry them;
 * a test keeps the three in step). A CLI run analyses once and exits, and spends a large share of its time in V8's
 * compilers and young-generation GC: capped at Maglev (`--max-opt=2`), V8 skips Turbofan compiles that a run this
 * short never pays back, and a 16 MB semi-space halves the scavenges of a full catalogue load. On the policy
 * benchmark (every AWS managed policy, one core) the two together cut the analysis's CPU time by about a fifth.
 * Node only takes these on its command line: set later, in the process, --max-opt made the same run slower.
 * Without Turbofan, a `for...of` over an array allocates an iterator result per step (5x slower than an index loop
 * in a micro-benchmark) and array destructuring goes through the iterator protocol, so the hot paths of the policy
 * analysis (core/policy: catalogue, extraction, checks) index their arrays.
 */
export const AXIOM_NODE_FLAGS: readonly string[] = ['--max-opt=2', '--max-semi-space-size=16'];
