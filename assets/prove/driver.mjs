// speccc's coverage proof driver (src/phases/7-validate/coverage-proof.ts), run inside the
// sandbox: the spec's own tests once on the unmutated code (mutant 0) and once per mutant, in one
// vitest process; each run's switch is the file .speccc-prove/active, which the instrumented code
// reads when it loads. Writes every test's full name and whether it passed, per mutant.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [vitestDir, config] = process.argv.slice(2);
const plan = JSON.parse(readFileSync('.speccc-prove/plan.json', 'utf8'));
const { createVitest } = await import(pathToFileURL(path.join(vitestDir, 'dist', 'node.js')).href);
const vitest = await createVitest('test', { config, watch: false, reporters: ['dot'] });
await vitest.standalone(); // reporters and the like, without running anything yet
const result = {};
try {
  for (const k of [0, ...plan.mutants]) {
    writeFileSync('.speccc-prove/active', String(k));
    const run = await vitest.runTestFiles(plan.tests.map((t) => path.resolve(t)));
    result[k] = [];
    for (const module of run.testModules) for (const test of module.children.allTests()) result[k].push({ name: test.fullName, passed: test.result().state === 'passed' });
  }
} finally {
  await vitest.close();
}
writeFileSync('.speccc-prove/result.json', JSON.stringify(result));
