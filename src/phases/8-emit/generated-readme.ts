/** The README speccc writes into generated/, so nobody mistakes the tree for hand-written code. */
export function generatedReadme(providers: string[]): string {
  const by = providers.length > 0 ? providers.join(', ') : 'no provider yet';
  return `# generated/

Everything in this folder is written by \`speccc build\` from the specs in \`specs/\`.
Do not edit these files: change the spec and rebuild. \`speccc check\` reports any file that
was edited by hand, and the next build overwrites it.

- \`.speccc/manifest.json\` records, for each spec, the job key, model, provider, token usage,
  cost and the sha256 of every file it owns.
- Files were produced by: ${by}.
`;
}
