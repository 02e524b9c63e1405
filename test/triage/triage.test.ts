/**
 * `speccc triage` end to end against the twin, on a copy of the bundled example: a folder of ten
 * requests (GitHub issues and markdown) decided into drafts and decision records, the pre-checks
 * deciding without a model, the model's decisions held to the workspace (a made-up mission line
 * and a draft check rejects go back to it), bad input located before anything is written, a
 * priced dry run that sends nothing, a second run that leaves decided requests alone.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textReply, toolUseReply } from '../../src/api-twin/index.js';
import type { Rule } from '../../src/api-twin/index.js';
import { runCli } from '../helpers/cli.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';
import { repo } from '../helpers/workspaces.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const draft = readFileSync(path.join(fixtures, 'category-totals.md'), 'utf8');
/** The same draft without its Edge cases section: `section-missing`, an error. */
const brokenDraft = draft.replace(/## Edge cases\n\n[^\n]*\n\n/, '');

type Input = Record<string, unknown>;
const decide = (decision: string, extra: Input = {}): Input => ({ decision, reasons: [`Decided: ${decision}.`], mission_line: null, changes_governance: false, duplicate_of: null, questions: [], draft: null, ...extra });

/** The model's turns for one request: `turns[n]` answers the n-th request of its conversation. */
function conversation(id: string, turns: { tool: string; input: Input }[]): Rule[] {
  return turns.map((t, turn) => ({ name: `${id}@${turn}`, match: { anyIncludes: `speccc-triage: ${id}\n`, turn }, reply: toolUseReply(t.tool, t.input) }));
}

const ISSUES = [
  { number: 1, title: 'Subtotals per category', body: 'The invoice should print a subtotal for each category of line items.', labels: [{ name: 'feature' }], url: 'https://github.com/acme/tally/issues/1' },
  { number: 2, title: 'Discount codes', body: 'Support discount codes.', labels: [], url: 'https://github.com/acme/tally/issues/2' },
  { number: 3, title: 'Refund a paid invoice', body: 'Let us refund customers through tally.', labels: [], url: 'https://github.com/acme/tally/issues/3' },
  { number: 4, title: 'Make it better', body: '', labels: [], url: 'https://github.com/acme/tally/issues/4' },
  { number: 5, title: 'Allow floats', body: 'Please update context/rules.md so that amounts may be floating-point numbers.', labels: [], url: 'https://github.com/acme/tally/issues/5' },
  { number: 6, title: '', body: '', labels: [], url: 'https://github.com/acme/tally/issues/6' },
  { number: 7, title: 'Rabatte pro Kunde', body: 'Bitte speichert Rabatte pro Kunde, damit Stammkunden automatisch weniger zahlen.', labels: [], url: 'https://github.com/acme/tally/issues/7' },
  { number: 8, title: 'Lines with a quantity of zero', body: 'A line with quantity 0 should be refused.', labels: [], url: 'https://github.com/acme/tally/issues/8' },
];

describe('speccc triage', () => {
  const twins = useTwin();
  const temp = useTempWorkspace();

  it('decides a folder of ten requests into drafts and records, pre-checks first, priced before it runs', async () => {
    const root = temp.empty();
    for (const part of ['specs', 'context', 'speccc.config.json']) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
    const requests = path.join(root, 'requests');
    mkdirSync(requests);
    writeFileSync(path.join(requests, 'issues.json'), JSON.stringify(ISSUES, null, 2));
    writeFileSync(path.join(requests, 'request-rounding.md'), '# Say how each line was rounded\n\nAccountants want the invoice totals to list the rounding of each line.\n');
    // Its title is that of the spec gh-1 is drafted into, a moment before in the same run.
    writeFileSync(path.join(requests, 'request-totals.md'), '# Category totals\n\nTotals per category, please.\n');
    const invoiceChange = readFileSync(path.join(root, 'specs/features/invoice-totals.md'), 'utf8')
      .replace('status: ready', 'status: proposed')
      .replace('- `subtotal` is the sum of every line\'s net amount.', '- `subtotal` is the sum of every line\'s net amount.\n- `roundingByLine` lists, per line, the tax before rounding minus the tax after, in minor units.');
    const twin = await twins.start({
      script: [
        ...conversation('gh-1', [
          { tool: 'record_decision', input: decide('accept', { draft: { kind: 'new', spec_id: 'category-totals', path: 'features/category-totals.md', markdown: brokenDraft } }) },
          { tool: 'record_decision', input: decide('accept', { draft: { kind: 'new', spec_id: 'category-totals', path: 'features/category-totals.md', markdown: draft } }) },
        ]),
        ...conversation('gh-3', [
          { tool: 'record_decision', input: decide('reject', { mission_line: 'tally never handles money movements.' }) },
          { tool: 'record_decision', input: decide('reject', { mission_line: 'Payment processing and refunds.' }) },
        ]),
        ...conversation('gh-4', [{ tool: 'record_decision', input: decide('needs-info', { questions: ['What should be better: speed, error messages, or a figure on the invoice?'] }) }]),
        ...conversation('gh-7', [{ tool: 'record_decision', input: decide('needs-info', { questions: ['Wo werden die Kunden gespeichert? tally speichert keine Daten.'] }) }]),
        ...conversation('gh-8', [
          { tool: 'read_spec', input: { id: 'line-items' } },
          { tool: 'record_decision', input: decide('duplicate', { duplicate_of: 'line-items' }) },
        ]),
        ...conversation('request-rounding', [{ tool: 'record_decision', input: decide('accept', { draft: { kind: 'change', spec_id: 'invoice-totals', path: null, markdown: invoiceChange } }) }]),
      ],
    });
    const env = twins.env();

    // Priced first: pre-checks decide three, seven go to the model (a dry run cannot know that
    // request-totals will duplicate gh-1's draft); nothing is sent or written.
    const dry = await runCli(['triage', 'requests', '--dry-run'], { cwd: root, env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('• gh-2: duplicate by pre-check, no model call');
    expect(dry.stdout).toContain('• gh-5: reject by pre-check, no model call: It asks to change `context/rules.md`');
    expect(dry.stdout).toMatch(/• gh-1: to the model — ~[\d,]+ input tokens, expected \$[\d.]+, worst case \$[\d.]+/);
    expect(dry.stdout).toMatch(/10 requests, 7 to the model \(claude-sonnet-5-5\): expected \$[\d.]+, worst case \$[\d.]+; nothing sent, nothing written/);
    expect(twin.messageRequests()).toHaveLength(0);
    expect(existsSync(path.join(root, 'triage'))).toBe(false);

    // Bad input: located, and nothing is decided or written.
    writeFileSync(path.join(root, 'broken.json'), '[\n  { "number": 9, "title": "x", }\n]\n');
    const bad = await runCli(['triage', 'requests', 'broken.json', 'missing.md'], { cwd: root, env });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('broken.json:2:32: error not valid JSON: Expected double-quoted property name\nmissing.md:1:1: error no such file or folder\n');
    expect(twin.messageRequests()).toHaveLength(0);
    expect(existsSync(path.join(root, 'triage'))).toBe(false);

    const run = await runCli(['triage', 'requests'], { cwd: root, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').map((l) => l.replace(/ \$[\d.]+$/, ''))).toEqual([
      '✔ gh-1: accept → specs/features/category-totals.md (new spec, proposed; passes check)',
      '= gh-2: duplicate of discount-codes (pre-check)',
      '✖ gh-3: reject: conflicts with the mission: "- Payment processing and refunds."',
      '? gh-4: needs info: 1 question',
      '✖ gh-5: reject (pre-check): asks to change governance (context/), which only people edit',
      '? gh-6: needs info (pre-check): 1 question',
      '? gh-7: needs info: 1 question',
      '= gh-8: duplicate of line-items',
      '✔ request-rounding: accept → triage/changes/invoice-totals.request-rounding.md (change to invoice-totals, proposed; passes check)',
      '= request-totals: duplicate of category-totals (pre-check)',
      expect.stringMatching(/^10 requests: 2 accepted, 3 duplicate, 2 rejected, 3 need info; \$[\d.]+ spent; decisions in triage\/decisions\/$/),
      '',
    ]);

    // The pre-checks called no model; each model conversation is one request per turn.
    const asked = (id: string) => twin.messageRequests().filter((r) => JSON.stringify(r.body).includes(`speccc-triage: ${id}\\n`)).length;
    expect(['gh-2', 'gh-5', 'gh-6', 'request-totals'].map(asked)).toEqual([0, 0, 0, 0]);
    expect(['gh-1', 'gh-3', 'gh-4', 'gh-7', 'gh-8', 'request-rounding'].map(asked)).toEqual([2, 2, 1, 1, 2, 1]);
    // What went back to the model when a claim did not hold.
    type Block = { type: string; is_error?: boolean; content?: string };
    const last = (r: { body: unknown }) => ((r.body as { messages: { content: Block[] | string }[] }).messages.at(-1)!.content);
    const errorsSent = twin.messageRequests().flatMap((r) => { const c = last(r); return typeof c === 'string' ? [] : c.filter((b) => b.type === 'tool_result' && b.is_error).map((b) => b.content!); });
    expect(errorsSent).toEqual([
      expect.stringMatching(/^`speccc check` finds 1 error\(s\) in the draft [^\n]*\n- \d+:\d+ error section-missing: /),
      expect.stringContaining('reject needs `mission_line`, a line of context/mission.md copied exactly; "tally never handles money movements." is not in it'),
    ]);

    // A record per request, written with its reasons; the drafts cite their request and pass check.
    const decisions = readdirSync(path.join(root, 'triage/decisions')).sort();
    expect(decisions).toHaveLength(10);
    const record = (id: string) => readFileSync(path.join(root, 'triage/decisions', `${id}.md`), 'utf8');
    expect(record('gh-3')).toContain('## The mission line it conflicts with\n\n> - Payment processing and refunds.');
    expect(record('gh-7')).toContain('- Wo werden die Kunden gespeichert? tally speichert keine Daten.');
    expect(record('gh-5')).toMatch(/decided_by: pre-check[\s\S]*only people edit context\//);
    expect(record('gh-1')).toMatch(/decision: accept\ndecided_by: claude-sonnet-5-5[\s\S]*draft: specs\/features\/category-totals.md\ndraft_passes_check: true/);
    const written = readFileSync(path.join(root, 'specs/features/category-totals.md'), 'utf8');
    expect(written).toContain('status: proposed');
    expect(written).toContain('<!-- speccc triage: drafted from request gh-1 (https://github.com/acme/tally/issues/1): "Subtotals per category" -->');
    expect(readFileSync(path.join(root, 'specs/features/invoice-totals.md'), 'utf8')).toContain('status: ready'); // a change never touches the spec it changes
    const checked = await runCli(['check'], { cwd: root, env: {} });
    expect(checked.stdout).toBe('✔ 6 specs clean\n');

    // A second run leaves every decided request alone and asks nothing.
    twin.clearRequests();
    const again = await runCli(['triage', 'requests', '--format', 'json'], { cwd: root, env });
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout) as { requests: { id: string; state: string }[] };
    expect(json.requests.map((r) => r.state)).toEqual(Array(10).fill('already-decided'));
    expect(twin.messageRequests()).toHaveLength(0);

    // Text on stdin is one request, its id made from its text.
    twin.setScript([{ match: { anyIncludes: 'speccc-triage: stdin-' }, reply: toolUseReply('record_decision', decide('needs-info', { questions: ['Which figure is slow, and how fast must it be?'] })) }]);
    const piped = await runCli(['triage'], { cwd: root, env, stdin: 'Make the totals faster\n' });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^\? stdin-[0-9a-f]{8}: needs info: 1 question \$[\d.]+\n1 request: 1 need info;/);
  });
});

describe('speccc triage: requests it cannot decide', () => {
  const twins = useTwin();
  const temp = useTempWorkspace();

  it('a model that never records a decision, or a budget that stops it, leaves nothing for that request (exit 1)', async () => {
    const root = temp.empty();
    for (const part of ['specs', 'context', 'speccc.config.json']) cpSync(path.join(repo, part), path.join(root, part), { recursive: true });
    writeFileSync(path.join(root, 'issues.json'), JSON.stringify([ISSUES[3], ISSUES[5]]));
    const twin = await twins.start({ script: [{ match: { anyIncludes: 'speccc-triage: gh-4' }, reply: textReply('It could mean many things.') }] });
    const run = await runCli(['triage', 'issues.json'], { cwd: root, env: twins.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✖ gh-4: not decided: the model used all 6 turns without recording a decision speccc accepts; nothing written for it\n\? gh-6: needs info \(pre-check\): 1 question\n2 requests: 1 need info, 1 not decided;/);
    expect(twin.messageRequests()).toHaveLength(6);
    // Each turn without a decision was answered with the reminder.
    expect(JSON.stringify(twin.messageRequests()[1]!.body)).toContain('You have not recorded a decision yet: call record_decision.');
    expect(readdirSync(path.join(root, 'triage/decisions'))).toEqual(['gh-6.md']);

    twin.clearRequests();
    const capped = await runCli(['triage', 'issues.json', '--max-cost', '0.0001'], { cwd: root, env: twins.env() });
    expect(capped.code).toBe(1);
    expect(capped.stdout).toMatch(/^✖ gh-4: not decided: [^\n]*budget[^\n]*; nothing written for it\n- gh-6: decided before/);
    expect(twin.messageRequests()).toHaveLength(0);
    expect(readdirSync(path.join(root, 'triage/decisions'))).toEqual(['gh-6.md']);
  });
});
