// Preloaded into a measured child (`node --import bench/usage.mjs …`): at exit, writes the whole
// process's CPU time (every thread) and peak resident set to $SPECCC_BENCH_USAGE as JSON.
import { writeFileSync } from 'node:fs';

const out = process.env.SPECCC_BENCH_USAGE;
if (out) {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, maxRssMb: maxRSS / 1024 }));
  });
}
