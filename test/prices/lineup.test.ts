/**
 * Models that are going away: the Models API (the twin's, which lists the SDK's `Model` union)
 * and speccc's dated price table agree on what exists, and a build warns about a model that is
 * deprecated or past its retirement date, with the date and the successor, on stderr, in the
 * build's JSON and in the trace; a retired model is a located error before any request.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { priceOf } from '../../src/prices/pricing.js';
import { PRICE_ROWS } from '../../src/prices/prices.js';
import { NEWEST_OF_LINE, successorOf } from '../../src/prices/lineup.js';
import { DEFAULT_LIFECYCLES, DEFAULT_MODELS, writeFilesReply } from '../../src/api-twin/index.js';
import { runCli } from '../helpers/cli.js';
import { moneyUnproven } from '../helpers/provider.js';
import { useTempWorkspace, useTwin } from '../helpers/fixtures.js';

const twins = useTwin();
const workspaces = useTempWorkspace();

const DAY = '2026-11-25';
const matches = (pattern: string, id: string) => (pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern);

describe('the price table and the Models API list agree', () => {
  it('every model the Models API lists (and has not retired) has a price', () => {
    const unpriced = DEFAULT_MODELS.filter((id) => DEFAULT_LIFECYCLES[id]?.lifecycle !== 'retired' && !priceOf(id, {}, DAY));
    expect(unpriced).toEqual([]);
  });

  it('every priced model that is not marked retired is in the list', () => {
    const missing = PRICE_ROWS.filter((r) => !r.retired && !DEFAULT_MODELS.some((id) => matches(r.model, id))).map((r) => r.model);
    expect(missing).toEqual([]);
  });

  it('every successor speccc or the twin suggests is listed, active and priced', () => {
    const suggested = [...Object.values(NEWEST_OF_LINE), ...Object.values(DEFAULT_LIFECYCLES).map((l) => l.successor!)];
    for (const id of suggested) {
      expect(DEFAULT_MODELS, id).toContain(id);
      expect(DEFAULT_LIFECYCLES[id], id).toBeUndefined();
      expect(priceOf(id, {}, DAY), id).toBeDefined();
    }
    expect(successorOf('claude-sonnet-4-5-20250929')).toBe('claude-sonnet-5-5');
    expect(successorOf('claude-sonnet-5-5')).toBeNull();
  });
});

function withModel(model: string): string {
  const root = workspaces.moneyOnly();
  writeFileSync(path.join(root, 'speccc.config.json'), JSON.stringify({ model: { default: model } }));
  return root;
}

describe('a build on a model that is going away', () => {
  it('deprecated: warns with the dates and the successor (stderr, JSON, trace) and builds', async () => {
    const root = withModel('claude-sonnet-4-5');
    // Dates far from any clock the test runs under; the default lifecycles' successor (none given here: speccc's own).
    const twin = await twins.start({
      lifecycles: { 'claude-sonnet-4-5': { lifecycle: 'deprecated', deprecated_at: '2026-09-01T00:00:00Z', retires_at: '2099-03-01T00:00:00Z', successor: null } },
      script: [{ match: { specId: 'money' }, reply: writeFilesReply(moneyUnproven) }],
    });
    const run = await runCli(['build', '--format', 'json'], { cwd: root, env: twin.env() });
    expect(run.code).toBe(0);
    const line = 'model claude-sonnet-4-5 (used by spec money) is deprecated since 2026-09-01 and retires on 2099-03-01; suggested successor: claude-sonnet-5-5';
    expect(run.stderr).toBe(`speccc: warning: ${line}\n`);
    expect((JSON.parse(run.stdout) as { warnings: string[] }).warnings).toEqual([line]);
    const runs = path.join(root, '.speccc/runs');
    const trace = readFileSync(path.join(runs, readdirSync(runs)[0]!), 'utf8');
    expect(trace).toContain(JSON.stringify(line));
  }, 60_000);

  it('past its retirement date: says so; a retired model is a located error before any request', async () => {
    const root = withModel('claude-sonnet-5-5');
    let twin = await twins.start({
      lifecycles: { 'claude-sonnet-5-5': { lifecycle: 'deprecated', deprecated_at: '2001-01-05T00:00:00Z', retires_at: '2001-06-30T00:00:00Z', successor: 'claude-sonnet-6' } },
      script: [{ match: { specId: 'money' }, reply: writeFilesReply(moneyUnproven) }],
    });
    const run = await runCli(['build'], { cwd: root, env: twin.env() });
    expect(run.stderr).toContain('speccc: warning: model claude-sonnet-5-5 (used by spec money) is deprecated since 2001-01-05 and was due to retire on 2001-06-30: requests naming it may fail at any time; suggested successor: claude-sonnet-6\n');
    await twin.close();
    const retired = withModel('claude-sonnet-5-5');
    twin = await twins.start({ lifecycles: { 'claude-sonnet-5-5': { lifecycle: 'retired', deprecated_at: '2026-01-05T00:00:00Z', retires_at: '2026-06-30T00:00:00Z', successor: null } }, script: [] });
    const blocked = await runCli(['build'], { cwd: retired, env: twin.env() });
    expect(blocked.code).toBe(1);
    // No successor from the API: speccc names none for the newest of its line.
    expect(blocked.stdout).toMatch(/speccc\.config\.json:1:1: error model-unknown Model `claude-sonnet-5-5` \(used by spec `money`\) was retired on 2026-06-30 \(the Models API lists it as retired; requests naming it fail\)/);
    expect(twin.messageRequests()).toHaveLength(0);
  }, 60_000);
});
