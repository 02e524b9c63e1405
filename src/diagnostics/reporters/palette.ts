/**
 * The colours of what speccc prints (findings, the build's plan and results), through Node's own
 * util.styleText; plain text when colour is off. Whether it is on is decided once, at the process
 * edge (src/cli.ts: a terminal, no NO_COLOR, TERM not dumb), and handed in: nothing here looks at
 * the streams, so loading it does not make process.stdout (a colour library that guesses from the
 * stream at load time did, on every warm `check`).
 */
import { styleText } from 'node:util';

const STYLES = ['bold', 'dim', 'red', 'green', 'yellow', 'cyan'] as const;

export type Palette = Record<(typeof STYLES)[number], (text: string) => string>;

const same = (text: string) => text;
const PLAIN = Object.fromEntries(STYLES.map((style) => [style, same])) as Palette;
// validateStream: false: Node 22.13 and later would otherwise check process.stdout again (and
// Node 20 takes no options at all).
const COLOURED = Object.fromEntries(STYLES.map((style) => [style, (text: string) => (styleText as (f: string, t: string, o?: object) => string)(style, text, { validateStream: false })])) as Palette;

export const palette = (color: boolean): Palette => (color ? COLOURED : PLAIN);
