import path from 'node:path';
import { promises as fs } from 'node:fs';
import { Option } from 'commander';
import { EXIT, inWorkspace, type CliIo, type RegisterCommand } from './shared.js';

export interface GraphFlags {
  root?: string;
  out?: string;
  format: 'dot' | 'svg' | 'mermaid';
}

/** The report's dependency graph (each spec coloured and labelled with its state) as DOT, SVG or Mermaid. */
export async function runGraph(io: CliIo, flags: GraphFlags): Promise<number> {
  return inWorkspace(io, flags.root, async (root) => {
    const { gatherReport } = await import('./report.js');
    const { renderGraph } = await import('../report/graph.js');
    const text = renderGraph(await gatherReport(io, root), flags.format);
    if (!flags.out) {
      io.stdout(text);
      return EXIT.ok;
    }
    const file = path.resolve(io.cwd, flags.out);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
    return EXIT.ok;
  });
}

export const registerGraph: RegisterCommand = (program, io, done) => {
  program
    .command('graph')
    .description("The specs' dependency graph, each spec with its state (the report's graph): DOT for Graphviz, standalone SVG, or Mermaid for a GitHub comment.")
    .option('--root <dir>', 'workspace root (default: current directory)')
    .option('--out <file>', 'write it to this file (default: stdout)')
    .addOption(new Option('--format <format>', 'output format').choices(['dot', 'svg', 'mermaid']).default('dot'))
    .action((flags: GraphFlags) => done(runGraph(io, flags)));
};
