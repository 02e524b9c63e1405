/** Prints bench/house.bench.ts's figures: `node --import tsx bench/house-run.mts` (tsx resolves packages from here). */
import { run } from './house.bench.js';

for (const r of await run()) console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
