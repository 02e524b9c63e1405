/**
 * fast-check arbitraries for markdown documents on the edges of the fast parser's subset
 * (src/phases/1-parse/fast-markdown.ts). A tame document uses the constructs specs use, in the
 * places where positions and pairing are easy to get wrong; a wild one mixes in the constructs
 * next to them that the parser must refuse (indentation off by one, lazy lines, other list
 * markers, emphasis that does not pair, escapes, HTML, setext underlines, ...).
 */
import fc from 'fast-check';

const words = ['alpha', 'Given', 'when', 'x1', 'the total', 'OK_2', 'snake_case', 'é', '😀', '2024', 'a.b', 'C#'];
const punctuation = [' ', ' ', ' ', '.', ',', ':', ';', '(', ')', '!', '?', "'", '"', '-', '/', '#', '|', '~', '=', '+', '%'];
/** Inline constructs the fast parser takes. */
const tameInline = ['**Given**', '*it*', '**bold text**', '`code`', '`a b`', '` spaced `', '``a ` b``', '[[minor units]]', '[link](other.md)', '[link](../dir/other.md#part)', '[', ']', '[a][b]', ' `x` ', ' **y** ', '(**z**)', '**open', 'close**', '`open', 'close`', '*one', 'end*'];
/** Inline constructs around them that it must refuse or get exactly right. */
const wildInline = [
  '*',
  '**',
  '***',
  '_',
  '__',
  '_it_',
  '`',
  '[](x.md)',
  '[a](<x y.md>)',
  '[a](x.md "title")',
  '[link](https://example.com/x?y=1)',
  '[a]: x.md',
  '](',
  '\\*',
  '&amp;',
  '<b>',
  '<https://x.y>',
  '![img](x.png)',
  '**a*',
  '*a**',
  '\t',
  '\u00a0**x**',
  '\f',
];

function documents(wild: boolean): fc.Arbitrary<string> {
  // Wild documents are tame ones with a few strays: each one tried against what is around it.
  const token = fc.oneof(
    { weight: 60, arbitrary: fc.constantFrom(...words) },
    { weight: 40, arbitrary: fc.constantFrom(...punctuation) },
    { weight: 30, arbitrary: fc.constantFrom(...tameInline) },
    { weight: wild ? 3 : 0, arbitrary: fc.constantFrom(...wildInline) },
  );
  const pick = <T,>(tame: T[], extra: T[]) =>
    wild && extra.length > 0 ? fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...tame) }, { weight: 1, arbitrary: fc.constantFrom(...extra) }) : fc.constantFrom(...tame);
  const line = fc
    .tuple(fc.array(fc.tuple(token, pick([' ', ' ', ''], [''])), { minLength: 1, maxLength: 8 }), pick([''], ['', '', ' ', '  ']))
    .map(([parts, tail]) => parts.map(([t, gap]) => t + gap).join('').trim() + tail)
    .filter((l) => l.trim() !== '');

  const paragraph = fc
    .tuple(line, fc.array(fc.tuple(pick([''], [' ', '  ', '    ']), line), { maxLength: 3 }))
    .map(([first, rest]) => [first, ...rest.map(([pad, l]) => pad + l)].join('\n'));

  const heading = fc
    .tuple(pick(['#', '##', '###', '######'], ['#######', ' ##']), pick([' ', '  '], ['']), line, pick([''], [' #', '#']))
    .map(([hashes, gap, text, close]) => hashes + gap + text + close);

  /** One item after `marker`: its first line, then lines indented to its content (or not quite), maybe a nested list. */
  const item = (marker: string) =>
    fc
      .tuple(
        pick([' '], ['  ', '']),
        line,
        fc.array(fc.tuple(pick([0], [-2, -1, 1, 2]), fc.oneof(line, line.map((l) => `- ${l}`), line.map((l) => `1. ${l}`))), { maxLength: 2 }),
      )
      .map(([gap, text, rest]) => [marker + gap + text, ...rest.map(([delta, l]) => ' '.repeat(Math.max(0, marker.length + 1 + delta)) + l)].join('\n'));

  /** A list: one kind of marker (ordered ones numbered on from the first), items apart by one or more line feeds. */
  const list = fc
    .tuple(pick(['-', '*', '+', '1.', '1)', '8.'], ['07.', '-\t', '2)']), fc.integer({ min: 1, max: 4 }), pick([-1], [1]), fc.constantFrom('', '', '  '))
    .chain(([first, size, odd, nest]) => {
      const number = /^\d+/.exec(first);
      const markerOf = (i: number) => (number ? `${Number(number[0]) + i}${first.slice(number[0].length)}` : i === odd ? '*' : first);
      return fc
        .tuple(...Array.from({ length: size }, (_, i) => fc.tuple(item(markerOf(i)), pick(['\n', '\n', '\n\n'], ['\n  \n', '\n\n\n']))))
        .map((items) =>
          items
            .map(([it, gap], i) => (i === 1 && nest ? it.split('\n').map((l) => nest + l).join('\n') : it) + (i < items.length - 1 ? gap : ''))
            .join(''),
        );
    });

  const fence = fc
    .tuple(
      pick(['```', '````', '~~~'], ['``']),
      pick(['', 'ts', 'json title="x"'], ['a`b', ' yaml']),
      fc.array(fc.constantFrom('const x = 1;', '  indented', '', '<b>&amp;</b> \\*', '---', '```', '# not a heading', 'trailing  '), { maxLength: 4 }),
      pick(['```', '````', '~~~'], [' ```', '``` x', '']),
    )
    .map(([open, info, body, close]) => [open + info, ...body, close].join('\n'));

  const comment = pick(
    ['<!-- speccc-disable-next-line vague-wording -- defined in the SLA -->', '<!-- a\nb -->', '<!-- a --> tail', '<!-- speccc-enable -->'],
    ['<!-->', '<!--->', '<!-- unclosed', '  <!-- indented -->', '<!---->', '<!-- a -- b -->', '<div>x</div>'],
  );

  const other = fc.constantFrom('---', '***', '- - -', '===', '> quoted', '<!-- note -->', '<div>', '    indented code', '   ', '[a]: x.md', '-', '1.', '\tTab');

  const block = fc.oneof(
    { weight: 8, arbitrary: paragraph },
    { weight: 6, arbitrary: heading },
    { weight: 8, arbitrary: list },
    { weight: 2, arbitrary: fence },
    { weight: 2, arbitrary: comment },
    { weight: wild ? 1 : 0, arbitrary: other },
  );

  const frontmatter = pick(['', '---\nid: a\nkind: feature\n---\n', '---\n---\n', '---\nlist:\n  - a\n---\n\n'], ['---\nid: a\n', '---\ntitle: "x"  \n--- \n']);

  // Line endings as Windows editors write them too, and (wild) mixed, or a carriage return alone.
  const endings = pick(['lf', 'lf', 'lf', 'crlf'], ['mixed', 'cr']);
  const withEndings = (text: string, kind: string) =>
    kind === 'crlf' ? text.replace(/\n/g, '\r\n')
    : kind === 'mixed' ? text.replace(/\n/g, (_, at: number) => (at % 3 === 0 ? '\r\n' : '\n'))
    : kind === 'cr' ? text.replace('\n', '\r')
    : text;

  return fc
    .tuple(frontmatter, fc.array(fc.tuple(block, pick(['\n\n', '\n\n', '\n\n', '\n'], ['\n\n\n'])), { minLength: 1, maxLength: 8 }), fc.constantFrom('', '\n', '\n\n'), endings)
    .map(([head, blocks, tail, ending]) => withEndings(head + blocks.map(([b, sep], i) => b + (i < blocks.length - 1 ? sep : '')).join('') + tail, ending));
}

/** Documents that mostly stay inside the subset. */
export const tameMarkdown = documents(false);
/** Documents that mostly stray outside it. */
export const wildMarkdown = documents(true);
