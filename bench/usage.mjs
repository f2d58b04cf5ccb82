// Preloaded (`node --import ./bench/usage.mjs …`) into each measured process: on exit it writes the process's
// own CPU time (and the kernel's part of it) and peak RSS to $BENCH_USAGE_FILE, so a whole CLI run (topgen,
// openapi-typescript, tsc) is measured the same way without changing the tool.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file !== undefined) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        sysMs: usage.systemCPUTime / 1000,
        rssMb: usage.maxRSS / 1024,
      }),
    );
  });
}
