import { createRequire as __specccRequire } from 'node:module'; const require = __specccRequire(import.meta.url);
import {
  draftedUnconfirmedRule
} from "./chunk-MIBJWLH2.js";
import {
  twinEntry
} from "./chunk-242NOEV2.js";
import {
  diagnostics
} from "./chunk-Y72MW4XH.js";
import {
  closest
} from "./chunk-N6LFTOTB.js";
import {
  SECTION_ALIASES,
  sectionHeadingKey
} from "./chunk-GA32XAUT.js";
import {
  priceOf
} from "./chunk-NSTTZTGX.js";
import {
  PRICE_ROWS
} from "./chunk-Z6XS3NX4.js";

// ../main/node_modules/mdast-util-to-string/lib/index.js
var emptyOptions = {};
function toString(value, options) {
  let settings = options || emptyOptions, includeImageAlt = typeof settings.includeImageAlt == "boolean" ? settings.includeImageAlt : !0, includeHtml = typeof settings.includeHtml == "boolean" ? settings.includeHtml : !0;
  return one(value, includeImageAlt, includeHtml);
}
function one(value, includeImageAlt, includeHtml) {
  if (node(value)) {
    if ("value" in value)
      return value.type === "html" && !includeHtml ? "" : value.value;
    if (includeImageAlt && "alt" in value && value.alt)
      return value.alt;
    if ("children" in value)
      return all(value.children, includeImageAlt, includeHtml);
  }
  return Array.isArray(value) ? all(value, includeImageAlt, includeHtml) : "";
}
function all(values, includeImageAlt, includeHtml) {
  let result = [], index = -1;
  for (; ++index < values.length; )
    result[index] = one(values[index], includeImageAlt, includeHtml);
  return result.join("");
}
function node(value) {
  return !!(value && typeof value == "object");
}

// src/phases/2-model/sections.ts
function sectionNameOf(heading) {
  return SECTION_ALIASES[sectionHeadingKey(heading)] ?? null;
}
var KNOWN_HEADINGS = Object.keys(SECTION_ALIASES).map((key) => key.charAt(0).toUpperCase() + key.slice(1));
function blockText(node2) {
  return (node2.type === "list" || node2.type === "listItem" || node2.type === "blockquote") && "children" in node2 ? node2.children.map(blockText).join(`
`) : toString(node2);
}
function outlineBody(tree, text, lines) {
  let titles = [], sections = [], current, close = (endOffset) => {
    if (!current) return;
    let { heading, nodes } = current, hs = heading.position.start.offset, he = heading.position.end.offset, bodyStart = nodes[0]?.position?.start.offset ?? he, bodyEnd = nodes.at(-1)?.position?.end.offset ?? he, headingText = toString(heading).trim();
    sections.push({
      section: {
        name: sectionNameOf(headingText),
        heading: headingText,
        headingSpan: lines.span(hs, he),
        span: lines.span(hs, Math.max(he, Math.min(endOffset, bodyEnd))),
        text: nodes.map(blockText).join(`
`).trim(),
        markdown: text.slice(bodyStart, bodyEnd),
        bodyRange: [bodyStart, bodyEnd]
      },
      nodes
    }), current = void 0;
  };
  for (let node2 of tree.children)
    if (node2.type !== "yaml") {
      if (node2.type === "heading" && node2.depth === 1) {
        titles.push({ value: toString(node2).trim(), span: lines.span(node2.position.start.offset, node2.position.end.offset) });
        continue;
      }
      if (node2.type === "heading" && node2.depth === 2) {
        close(node2.position.start.offset), current = { heading: node2, nodes: [] };
        continue;
      }
      current?.nodes.push(node2);
    }
  return close(text.length), { titles, sections };
}

// src/phases/3-check/rules/required-sections.ts
var REQUIRED_SECTIONS = {
  feature: ["what", "who", "inputs", "outputs", "rules", "edge-cases", "evaluation"],
  architecture: ["what", "outputs", "rules", "evaluation"],
  constraint: ["what", "rules"],
  twin: ["what", "interface", "state", "failure-modes", "outputs", "evaluation"]
}, SECTION_TITLES = {
  what: "What",
  who: "Who",
  inputs: "Inputs",
  outputs: "Outputs",
  rules: "Rules",
  "edge-cases": "Edge cases",
  evaluation: "Evaluation",
  constraints: "Constraints",
  interface: "Interface",
  state: "State",
  "failure-modes": "Failure modes"
};
function headingTextSpan(spec, section, lines) {
  let start = section.headingSpan.start.offset, raw = spec.source.slice(start, section.headingSpan.end.offset), lead = /^#+[ \t]*/.exec(raw)[0].length, text = raw.slice(lead).replace(/(?:[ \t]+#+)?[ \t]*$/, "");
  return lines.span(start + lead, start + lead + text.length);
}
function misspelledHeadings(spec, missing) {
  let out = [];
  for (let section of spec.sections) {
    if (section.name) continue;
    let guess = closest(section.heading, KNOWN_HEADINGS), name = guess ? sectionNameOf(guess) : null;
    if (!guess || !name || !missing.includes(name)) continue;
    let meant = guess.toLowerCase() === SECTION_TITLES[name].toLowerCase() ? SECTION_TITLES[name] : guess;
    out.push({ section, name, meant });
  }
  return out;
}
function missingSections(spec, seen, lines) {
  let kind = spec.frontmatter?.kind;
  if (!kind) return [];
  let missing = REQUIRED_SECTIONS[kind].filter((name) => !seen.has(name));
  if (missing.length === 0) return [];
  let out = [], misspelled = misspelledHeadings(spec, missing);
  for (let { section, name, meant } of misspelled)
    out.push(
      diagnostics.sectionMisspelled({
        file: spec.file,
        span: headingTextSpan(spec, section, lines),
        message: `Heading \`${section.heading}\` is not a known section; did you mean \`${meant}\`?`,
        hint: `Rename the heading to \`## ${meant}\`; until then speccc reads it as an extra section, and the ${kind} spec has no ${SECTION_TITLES[name]}.`,
        replacement: meant
      })
    );
  let located = new Set(misspelled.map((m) => m.name)), span = spec.title?.span ?? spec.frontmatterSpans?.block ?? spec.sections[0]?.headingSpan ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  for (let name of missing)
    located.has(name) || out.push(
      diagnostics.sectionMissing({
        file: spec.file,
        span,
        message: `Section \`${SECTION_TITLES[name]}\` is missing; a ${kind} spec requires ${REQUIRED_SECTIONS[kind].map((n) => SECTION_TITLES[n]).join(", ")}`,
        hint: `Add a \`## ${SECTION_TITLES[name]}\` section.`
      })
    );
  return out;
}
var requiredSectionsRule = {
  id: "required-sections",
  codes: ["section-missing", "section-empty", "section-duplicate", "section-misspelled"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files) {
      if (!spec) continue;
      let seen = /* @__PURE__ */ new Map();
      for (let section of spec.sections) {
        if (section.text.trim() === "" && out.push(
          diagnostics.sectionEmpty({
            file: spec.file,
            span: section.headingSpan,
            message: `Section \`${section.heading}\` is empty; expected content under the heading`
          })
        ), !section.name) continue;
        let first = seen.get(section.name);
        first ? out.push(
          diagnostics.sectionDuplicate({
            file: spec.file,
            span: section.headingSpan,
            message: `Section \`${section.heading}\` repeats \`${first.heading}\`; expected one ${SECTION_TITLES[section.name]} section`,
            related: [{ file: spec.file, span: first.headingSpan, message: "first section" }]
          })
        ) : seen.set(section.name, section);
      }
      out.push(...missingSections(spec, seen, lines(spec)));
    }
    return out;
  }
};

// src/phases/2-model/qualify.ts
var qualifyId = (member, id) => id.includes(":") ? id : `${member}:${id}`;
function splitId(id) {
  let at = id.indexOf(":");
  return at < 0 ? null : { member: id.slice(0, at), local: id.slice(at + 1) };
}
function qualifySpec(spec, member) {
  let fm = spec.frontmatter;
  if (spec.member !== void 0 || !fm) return spec.member !== void 0 ? spec : { ...spec, member };
  let id = qualifyId(member, fm.id);
  return {
    ...spec,
    member,
    frontmatter: {
      ...fm,
      id,
      depends_on: fm.depends_on.map((d) => qualifyId(member, d)),
      uses_twins: fm.uses_twins.map((t) => qualifyId(member, t)),
      outputs: fm.outputs.map((o) => `${member}/${o}`)
    },
    requirements: spec.requirements.map((r) => ({ ...r, id: `${id}#${r.local}` }))
  };
}
function qualifyFile(file, member) {
  return file.spec ? { ...file, spec: qualifySpec(file.spec, member) } : file;
}

// src/phases/3-check/prose.ts
function findInProse(spec, lines, pattern, within) {
  let bodyStart = spec.frontmatterSpans?.block.end.offset ?? 0, out = [];
  for (let match of spec.source.matchAll(pattern)) {
    let start = match.index, end = start + match[0].length;
    if (start < bodyStart || spec.codeRanges.some(([s, e]) => start < e && end > s)) continue;
    let section = spec.sections.find((s) => start >= s.span.start.offset && start < s.span.end.offset) ?? null;
    within && !within(section) || out.push({ text: match[0], span: lines.span(start, end), section });
  }
  return out;
}
var startOf = (span) => ({ start: span.start, end: span.start });
function findInBody(spec, lines, pattern, sections) {
  return findInProse(spec, lines, pattern, (section) => section !== null && (!sections || sections.includes(section.name))).filter(
    (m) => (!m.section || m.span.start.offset >= m.section.headingSpan.end.offset) && !insideQuotes(spec.source, m.span.start.offset)
  );
}
function insideQuotes(source, offset) {
  let lineStart = source.lastIndexOf(`
`, offset - 1) + 1, lineEnd = source.indexOf(`
`, offset);
  lineEnd < 0 && (lineEnd = source.length);
  let before = source.slice(lineStart, offset), after = source.slice(offset, lineEnd);
  return (before.match(/"/g) ?? []).length % 2 === 1 && after.includes('"') ? !0 : before.lastIndexOf("\u201C") > before.lastIndexOf("\u201D") && after.includes("\u201D");
}
var SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|no))[.!?](?=\s|$)|\n[ \t]*\n|\n[ \t]*(?:[-*+]|\d+[.)])[ \t]/g, REACH = 2e3;
function sentenceAround(spec, m) {
  let from = Math.max(m.section ? m.section.headingSpan.end.offset : 0, m.span.start.offset - REACH), to = Math.min(m.section ? m.section.span.end.offset : spec.source.length, m.span.end.offset + REACH), at = m.span.start.offset, last = m.span.end.offset, start = from, end = to;
  for (let b of spec.source.slice(from, to).matchAll(SENTENCE_END)) {
    let index = from + b.index, stop = index + b[0].length;
    if (stop <= at) start = stop;
    else if (index >= last - 1 && index >= at) {
      end = b[0].startsWith(`
`) ? index : stop;
      break;
    }
  }
  return { start, end, text: spec.source.slice(start, end) };
}
function proseBetween(spec, start, end) {
  let text = spec.source.slice(start, end);
  for (let [s, e] of spec.codeRanges) {
    if (e <= start || s >= end) continue;
    let a = Math.max(s, start) - start, b = Math.min(e, end) - start;
    text = text.slice(0, a) + " ".repeat(b - a) + text.slice(b);
  }
  return text;
}

// src/phases/3-check/rules/title.ts
var titleRule = {
  id: "title",
  codes: ["title-missing", "title-multiple"],
  scope: { kind: "spec-local" },
  check({ workspace }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec) {
        if (!spec.title) {
          let at = spec.frontmatterSpans ? startOf({ start: spec.frontmatterSpans.block.end, end: spec.frontmatterSpans.block.end }) : { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
          out.push(diagnostics.titleMissing({ file: spec.file, span: at, message: "Spec has no `# Title`; expected one H1 heading after the frontmatter" }));
        }
        for (let extra of spec.extraTitles)
          out.push(
            diagnostics.titleMultiple({
              file: spec.file,
              span: extra,
              message: "Spec has a second H1 heading; expected one title per spec",
              ...spec.title ? { related: [{ file: spec.file, span: spec.title.span, message: "first title" }] } : {}
            })
          );
      }
    return out;
  }
};

// src/phases/3-check/rules/scenarios.ts
var complete = (s) => s.kind === "property" ? (s.forAny?.length ?? 0) > 0 && s.then.length > 0 : s.given.length > 0 && s.when.length > 0 && s.then.length > 0, UNTESTABLE_THEN = /^(?:it|this|that|everything|all|the (?:system|feature|app|result))\s+(?:works?|is (?:fine|ok|okay|correct|good|handled|successful)|behaves (?:correctly|as expected)|succeeds)\b|^(?:the )?(?:result|output) is (?:correct|as expected|right)\b|^(?:it|this) (?:just )?works\b|^as expected\b/i, scenariosRule = {
  id: "scenarios",
  codes: ["scenario-none", "scenario-incomplete", "scenario-order", "scenario-duplicate-name", "then-untestable", "scenario-stray-text", "property-no-generator", "property-no-assertion"],
  scope: { kind: "spec-local" },
  check({ workspace }) {
    let out = [];
    for (let { spec } of workspace.files) {
      if (!spec) continue;
      let evaluation = spec.sections.find((s) => s.name === "evaluation");
      evaluation && evaluation.text.trim() !== "" && !spec.scenarios.some(complete) && out.push(
        diagnostics.scenarioNone({
          file: spec.file,
          span: evaluation.headingSpan,
          message: `Section \`${evaluation.heading}\` has no complete Given/When/Then scenario; expected at least one`
        })
      );
      for (let span of spec.strayEvaluationText) {
        let before = spec.scenarios.filter((s) => s.span.start.offset < span.start.offset).at(-1);
        out.push(
          diagnostics.scenarioStrayText({
            file: spec.file,
            span,
            message: `Text after scenario \`${before?.name ?? ""}\` is not a Given, When or Then step and belongs to no scenario; expected a step`
          })
        );
      }
      let names = /* @__PURE__ */ new Map();
      for (let scenario of spec.scenarios) {
        let missing = ["given", "when", "then"].filter((k) => scenario[k].length === 0);
        if (scenario.kind === "property") out.push(...propertyFindings(spec, scenario));
        else if (missing.length > 0)
          out.push(
            diagnostics.scenarioIncomplete({
              file: spec.file,
              span: scenario.span,
              message: `Scenario \`${scenario.name}\` has no ${missing.map(cap).join(" or ")} step; expected Given, When and Then`,
              hint: `Add ${missing.map((m) => `a ${cap(m)}`).join(" and ")} step.`
            })
          );
        else {
          let bad = outOfOrder(scenario);
          bad && out.push(
            diagnostics.scenarioOrder({
              file: spec.file,
              span: bad.span,
              message: `Scenario \`${scenario.name}\` has a ${cap(bad.keyword)} step out of order; expected Given, then When, then Then`
            })
          );
        }
        let key = scenario.name.toLowerCase(), first = names.get(key);
        first && scenario.form === "block" ? out.push(
          diagnostics.scenarioDuplicateName({
            file: spec.file,
            span: scenario.span,
            message: `Scenario name \`${scenario.name}\` is used twice; expected distinct names`,
            related: [{ file: spec.file, span: first.span, message: "first scenario with this name" }]
          })
        ) : first || names.set(key, scenario);
        for (let step of scenario.then)
          UNTESTABLE_THEN.test(step.text.trim()) && out.push(
            diagnostics.thenUntestable({
              file: spec.file,
              span: step.span,
              message: `Then step \`${step.text}\` states no observable outcome; expected a value, message or state to check`
            })
          );
      }
    }
    return out;
  }
};
function propertyFindings(spec, scenario) {
  let out = [];
  return (scenario.forAny?.length ?? 0) === 0 && out.push(
    diagnostics.propertyNoGenerator({
      file: spec.file,
      span: scenario.span,
      message: `Property \`${scenario.name}\` has no For any step; expected one naming the inputs it holds for`
    })
  ), scenario.then.length === 0 && out.push(
    diagnostics.propertyNoAssertion({
      file: spec.file,
      span: scenario.span,
      message: `Property \`${scenario.name}\` has no Then step; expected one stating what holds for every input`
    })
  ), out;
}
function cap(s) {
  return s[0].toUpperCase() + s.slice(1);
}
function outOfOrder(s) {
  let all2 = [...s.given, ...s.when, ...s.then].sort((a, b) => a.span.start.offset - b.span.start.offset), rank = { given: 0, when: 1, then: 2 }, highest = 0;
  for (let step of all2) {
    if (rank[step.keyword] < highest) return step;
    highest = Math.max(highest, rank[step.keyword]);
  }
}

// src/phases/3-check/rules/inputs-invalid-case.ts
var INVALID_WORDS = /\b(?:invalid|malformed|missing|empty|blank|absent|out of range|out-of-range|too (?:long|short|large|small|many|few)|exceed(?:s|ing)?|negative|unknown|unsupported|reject(?:s|ed|ion)?|refuse(?:s|d)?|error|errors|fail(?:s|ure)?|throws?|not (?:a|an) )/i, inputsInvalidCaseRule = {
  id: "inputs-invalid-case",
  codes: ["inputs-no-invalid-case"],
  scope: { kind: "spec-local" },
  check({ workspace }) {
    let out = [];
    for (let { spec } of workspace.files) {
      if (!spec || spec.frontmatter?.kind !== "feature") continue;
      let inputs = spec.sections.find((s) => s.name === "inputs");
      !inputs || inputs.text.trim() === "" || INVALID_WORDS.test(proseBetween(spec, inputs.bodyRange[0], inputs.bodyRange[1])) || out.push(
        diagnostics.inputsNoInvalidCase({
          file: spec.file,
          span: inputs.headingSpan,
          message: `Section \`${inputs.heading}\` never says what happens on invalid input; expected the behaviour for missing, malformed or out-of-range values`
        })
      );
    }
    return out;
  }
};

// src/phases/3-check/rules/placeholder-text.ts
var PLACEHOLDER = /\b(?:TBD|TBC|TBS|TODO|FIXME|XXX)\b|\?{3,}|\blorem ipsum\b|\bto be (?:determined|decided)\b(?! by\b)|\[NEEDS CLARIFICATION\b/gi, UPPER_ONLY = /^(?:tbd|tbc|tbs|todo|fixme|xxx|\[needs clarification)$/i, placeholderTextRule = {
  id: "placeholder-text",
  codes: ["placeholder-text"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInProse(spec, lines(spec), PLACEHOLDER))
          UPPER_ONLY.test(m.text) && m.text !== m.text.toUpperCase() || out.push(
            diagnostics.placeholderText({
              file: spec.file,
              span: m.span,
              message: `Placeholder \`${m.text}\` found; expected the decided behaviour`
            })
          );
    return out;
  }
};

// src/phases/3-check/rules/vague-wording.ts
var VAGUE_WORDS = [
  // speed and time (a bound in the sentence clears them: SPEED below)
  "fast",
  "quick(?:ly)?",
  "slow(?:ly)?",
  "rapid(?:ly)?",
  "promptly",
  "instant(?:ly|aneous(?:ly)?)?",
  "real[- ]time(?! clocks?\\b)",
  "soon",
  "snappy",
  "responsive",
  "periodically(?=\\s*(?:[.,;:!?)]|$))",
  "in a timely (?:manner|fashion)",
  "timely",
  // subjective qualities
  "efficient(?:ly)?",
  "performant",
  "scalable",
  "user[- ]friendly",
  "intuitive(?:ly)?",
  "easy",
  "easily",
  "easy to (?:use|learn|understand)",
  "simple to use",
  "seamless(?:ly)?",
  "robust(?:ly|ness)?",
  "flexib(?:le|ly|ility)",
  "reasonabl[ey]",
  "appropriate(?:ly)?",
  "suitabl[ey]",
  "adequate(?:ly)?",
  "sufficient(?:ly)?",
  "sensibl[ey]",
  "intelligent(?:ly)?",
  "nice",
  "properly",
  "state[- ]of[- ]the[- ]art",
  "optimal(?:ly)?",
  "professional",
  "acceptable",
  "attractive",
  "satisfied",
  "meaningful",
  "modern",
  "lightweight",
  "gracefully",
  "smoothly",
  "detailed",
  "familiar",
  "suspicious",
  "brief(?:ly)?",
  "work(?:s|ing)? well",
  "perform(?:s|ing)? well",
  // (Not "eventually consistent", "consistent hashing": terms. Checked in the rule, as "relevant" is.)
  "consistent(?:ly)?(?! (?:hashing|snapshots?|reads?)\\b)",
  // "relevant" alone is a judgement; "relevant to X" names what to, and "the relevant X" a set (incomplete-reference's)
  "relevant(?! to\\b)",
  // amounts, sizes and degrees with no number
  "various",
  "several",
  "a few",
  "a lot",
  "lots of",
  "a (?:large|small|high|low) number of",
  "approximately",
  "roughly",
  "significant(?:ly)?",
  "minimal(?:ly)?",
  "negligibl[ey]",
  "minimi[sz]e",
  "maximi[sz]e",
  "high availability",
  "without (?:any )?degradation",
  "well[- ]defined",
  "commonly used",
  "sparingly",
  "limited(?! to\\b)",
  "(?:high|low) volume",
  "very (?:large|small|big|long|short|high|low|fast|slow|quick|many|few|old|new)",
  "too (?:big|small|large|long|short|slow|many|few|much|little|high|low)(?! (?:for|to)\\b)",
  "(?:stay|stays|remain|remains|kept|keep|keeps) (?:low|high|small|short)",
  "(?:high|low|good|poor)(?: \\w+)? quality",
  "usual",
  "repeatedly",
  "repeated(?= (?:\\w+ )?(?:failures?|attempts?|errors?|requests?|calls?|tries|retries|logins?)\\b)",
  // frequency
  "typical(?:ly)?",
  "regularly",
  "on a regular basis",
  // frequency and degree adverbs bent onto a requirement ("must usually …"); elsewhere they describe ("labels are generally mutable"): ADVERB_AFTER_MODAL
  "usually",
  "often",
  "rarely",
  "seldom",
  "sometimes",
  "occasionally",
  "frequently",
  "generally",
  "normally",
  "mostly"
], ONLY_AFTER = [
  [/^(?:usually|often|rarely|seldom|sometimes|occasionally|frequently|generally|normally|mostly)$/i, /\b(?:must|shall|should|will|may|might|can|could|would)(?: not)? $/i]
], NOT_AFTER = [
  [/^consistent/i, /\b(?:eventually|strongly|causally|sequentially) $/i],
  [/^relevant$/i, /\b(?:the|each|every|all|any|a|its|their) $/i]
], SPEED = /^(?:fast|quick(?:ly)?|slow(?:ly)?|rapid(?:ly)?|promptly|instant\w*|real[- ]time|soon|snappy|responsive)$/i, BOUND = /\b(?:within|under|below|in under|in less than|less than|at most|no more than|not more than|faster than|no later than)\s+(?:about\s+)?[\d.,]+\s*(?:ms|milliseconds?|µs|us|ns|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?)\b/i, PATTERN = new RegExp(`\\b(?<![\\w-])(?<!\\b(?:as|where|if|when) )(?:${VAGUE_WORDS.join("|")})(?![\\w-])`, "gi"), vagueWordingRule = {
  id: "vague-wording",
  codes: ["vague-wording"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), PATTERN)) {
          let before = spec.source.slice(Math.max(0, m.span.start.offset - 3), m.span.start.offset), lead = spec.source.slice(Math.max(0, m.span.start.offset - 24), m.span.start.offset);
          if (ONLY_AFTER.some(([word, context]) => word.test(m.text) && !context.test(lead)) || NOT_AFTER.some(([word, context]) => word.test(m.text) && context.test(lead)) || /^[A-Z][a-z]/.test(m.text) && /\w[ \t]+$/.test(before)) continue;
          let sentence = sentenceAround(spec, m);
          insideParentheses(spec.source, m.span.start.offset, sentence.start) || /^acceptable$/i.test(m.text) && /^\s+(?:in|as)\b/.test(spec.source.slice(m.span.end.offset, m.span.end.offset + 4)) || SPEED.test(m.text) && BOUND.test(sentence.text) || /^significant/i.test(m.text) && (/statistically\s+$/i.test(spec.source.slice(sentence.start, m.span.start.offset)) || /^\s+at\s+(?:the\s+)?(?:p|α|alpha)\b/i.test(spec.source.slice(m.span.end.offset, m.span.end.offset + 12))) || out.push(
            diagnostics.vagueWording({
              file: spec.file,
              span: m.span,
              message: `Vague wording \`${m.text}\` cannot be tested; expected a measurable statement`
            })
          );
        }
    return out;
  }
};
function insideParentheses(source, offset, from) {
  let depth = 0;
  for (let c of source.slice(from, offset))
    c === "(" ? depth++ : c === ")" && (depth = Math.max(0, depth - 1));
  return depth > 0;
}

// src/phases/3-check/rules/weak-modal.ts
var WEAK = /\b(?:should(?: not)?|shouldn't|may|might|could|ideally|preferably)\b/gi, STRONG = /\b(?:must|shall|is required to|are required to)\b/i, FORBIDS = /^[\s*_>-]*(?:\d+[.)]\s+)?(?:no\b|none\b|nothing\b|nobody\b|no[- ]one\b|neither\b|nor\b|under no circumstances?\b|at no (?:time|point)\b|in no (?:case|event)\b|not (?:a|an|one|more than|even one)\b|at most\b|fewer than \S*\d|not more than\b)/i, TAKES_UP = /^\s*(?:when|if|once) (?:they|it|he|she|you|we|one|the \w+) (?:do|does|did)\b|^\s*(?:if so|in that case|then)\b/i;
function grantsOption(source, sentence) {
  if (STRONG.test(sentence.text)) return !0;
  let next = source.slice(sentence.end).replace(/^[\s.!?]+/, ""), nextEnd = /[.!?](?=\s|$)|\n\s*\n/.exec(next), following = next.slice(0, nextEnd ? nextEnd.index : void 0);
  return TAKES_UP.test(following) && STRONG.test(following);
}
var weakModalRule = {
  id: "weak-modal",
  codes: ["weak-modal"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), WEAK, ["rules", "constraints", "inputs", "outputs", "edge-cases"])) {
          let after = spec.source.slice(m.span.end.offset, m.span.end.offset + 5);
          if (/^may$/i.test(m.text) && /^ not\b/i.test(after)) continue;
          let sentence = sentenceAround(spec, m);
          if (/^may$/i.test(m.text) && grantsOption(spec.source, sentence)) continue;
          let subject = spec.source.slice(sentence.start, m.span.start.offset).split(/[;:(]/).at(-1);
          if (/^may$/i.test(m.text) && FORBIDS.test(subject) || /^may$/i.test(m.text) && /^\s+(?:\w+\s+){0,2}?(?:at most|no more than|not more than|a maximum of|fewer than|less than)\s+[\d,.]+/i.test(spec.source.slice(m.span.end.offset, sentence.end))) continue;
          let clause = spec.source.slice(sentence.start, m.span.start.offset).split(/[,;:()]| {2,}/).at(-1);
          /\b(?:if|when|whenever|where|unless|whether|so that|in case)\b|\bthat\s+(?:\w+\s+)?$/i.test(clause) || out.push(
            diagnostics.weakModal({
              file: spec.file,
              span: m.span,
              message: `Requirement says \`${m.text}\`, which leaves it optional; expected "must" or "must not"`
            })
          );
        }
    return out;
  }
};

// src/phases/3-check/rules/comparative-no-reference.ts
var COMPARATIVE = String.raw`faster|quicker|slower|better|worse|cheaper|easier|simpler|safer|more (?:secure|reliable|robust|efficient|usable|readable|stable|accurate|responsive|flexible|reasonable)|less (?:error-prone|expensive|complex)`, SUPERLATIVE = String.raw`(?:the )?best(?: practices?)?|the (?:fastest|quickest|simplest|easiest|cheapest|safest)|the most (?!recent(?:ly)?\b)[a-z]+(?:able|ible|ive|ful|ant|ent|ous|ic|al|ure)\b`, CHANGE = String.raw`(?:improve|increase|reduce|decrease|enhance|lessen)[sd]?|improving|increasing|reducing|decreasing|enhancing|outperform(?:s|ed)?`, PREDICATIVE = String.raw`(?:more|less|fewer)(?= [a-z])|(?:shorter|longer|smaller|larger|lower|higher|greater|lighter|stronger|smoother|clearer)(?![- ](?:case|bound|level|order)\b)`, PATTERN2 = new RegExp(String.raw`\b(?:${COMPARATIVE}|${SUPERLATIVE}|${CHANGE}|${PREDICATIVE})\b`, "gi"), ONLY_PREDICATIVE = /^(?:more|less|fewer|shorter|longer|smaller|larger|lower|higher|greater|lighter|stronger|smoother|clearer)$/i, MODAL = /\b(?:must|shall|should|will|may|can|could|might|needs? to|has to|have to)\b/i, NO_BASELINE = /^\W*(?:\w+\W+){0,6}?than\s+(?:before|now|today|previously|currently|usual|ever|the (?:old|current|previous|existing|last) (?:one|version|release))\b/i, REFERENCE_AFTER = /^\W*(?:\w+\W+){0,6}?(?:than|compared (?:to|with)|relative to)\b|^\s+(?:[\w-]+\s+){0,4}?(?:by|to|from)\s+(?:at (?:least|most) |under |below |over |above |less than |more than )?-?\d/i, REFERENCE_BEFORE = /(?:\d[\w%]*\s*(?:[\w-]+\s+){0,2}(?:or|and)|or higher|or (?:a|an)|as|no|any)\s*$/i, comparativeNoReferenceRule = {
  id: "comparative-no-reference",
  codes: ["comparative-no-reference"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), PATTERN2)) {
          let sentence = sentenceAround(spec, m), after = spec.source.slice(m.span.end.offset, sentence.end), before = spec.source.slice(sentence.start, m.span.start.offset);
          REFERENCE_AFTER.test(after) && !NO_BASELINE.test(after) || REFERENCE_BEFORE.test(before) || ONLY_PREDICATIVE.test(m.text) && !MODAL.test(before.split(/[,;:()]/).at(-1)) || /best/i.test(m.text) && /\b(?:described|defined|specified) in\b/i.test(after) || /best/i.test(m.text) && /\d+\s+being\s+$/i.test(before) || /^enhanced?$/i.test(m.text) && /^\s+to\s/i.test(after) || /ed$/i.test(m.text) && (/^\s+-?\d/.test(after) || /^\s*\)/.test(after) || /\(\s*$/.test(before)) || out.push(
            diagnostics.comparativeNoReference({
              file: spec.file,
              span: m.span,
              message: `\`${m.text}\` compares with nothing the spec names; expected the baseline and the margin, or an absolute target`
            })
          );
        }
    return out;
  }
};

// src/phases/3-check/rules/open-ended-list.ts
var ALWAYS = String.raw`\bincluding\b(?! all\b)(?:,? but not limited to\b)?|\bsuch as\b|\betc\b\.?|\band so (?:on|forth)\b|\bamong others\b|\(?\bbut not (?:be )?limited to\b\)?|\band other things\b|\band the like\b`, EXAMPLES = String.raw`\be\.g\.|\bfor (?:example|instance)\b`, PATTERN3 = new RegExp(`${ALWAYS}|${EXAMPLES}`, "gi"), openEndedListRule = {
  id: "open-ended-list",
  codes: ["open-ended-list"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), PATTERN3)) {
          if (/^(?:e\.g\.|for )/i.test(m.text)) {
            let sentence = sentenceAround(spec, m), after = spec.source.slice(m.span.end.offset, sentence.end).split(/[)]/)[0].replace(/^[\s,:]+/, "");
            if (/^(?:when|whenever|if|where|by|in|at|on|because|since|as|to)\b/i.test(after) || !/,|\bor\b|\band\b|\//.test(after)) continue;
          } else if (/^including$/i.test(m.text)) {
            let sentence = sentenceAround(spec, m), after = spec.source.slice(m.span.end.offset, sentence.end).split(/[;)]/)[0];
            if (/^\s+(?:a|an)\s/i.test(after) && !/,|\bor\b|\band\b/.test(after) || /^\s+\w+\s+ones\b/i.test(after) && !/,|\bor\b|\band\b/.test(after)) continue;
          }
          out.push(
            diagnostics.openEndedList({
              file: spec.file,
              span: m.span,
              message: `\`${m.text}\` leaves the list open; expected every item, or what decides membership`
            })
          );
        }
    return out;
  }
};

// src/phases/3-check/rules/loophole.ts
var PATTERN4 = new RegExp(
  String.raw`\b(?:` + [
    // Not "if possible values of …": there the word qualifies a noun.
    String.raw`\b(?:if|where|wherever|when|whenever|as) (?:possible|applicable|necessary|needed|appropriate|feasible|practical|practicable|available|required|desired)\b(?! by\b)(?! (?!(?:and|or|but|to|for|in|on|at|with|without|the|a|an|it|this|that|then|when|if)\b)[a-z]+s\b)`,
    String.raw`\bunless (?:impractical|impracticable|infeasible|unfeasible|not (?:possible|feasible|practical|practicable))\b`,
    String.raw`\bto the (?:extent|degree) (?:possible|practical|practicable|feasible)\b`,
    String.raw`\bas (?:much|far|soon|\w+) as (?:possible|practical|practicable|feasible)\b`,
    String.raw`\bas \w+ as (?:[\w-]+ ){0,4}(?:will allow|allows|permits|will permit)\b`,
    String.raw`\ball applicable\b`,
    String.raw`\bmay be relaxed\b`
  ].join("|") + ")",
  "gi"
), loopholeRule = {
  id: "loophole",
  codes: ["loophole"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), PATTERN4))
          out.push(
            diagnostics.loophole({
              file: spec.file,
              span: m.span,
              message: `Escape clause \`${m.text}\` lets the requirement be skipped without saying when; expected the condition under which it applies`
            })
          );
    return out;
  }
};

// src/phases/3-check/rules/number-without-unit.ts
var NUMBER = String.raw`(?<![\w.,:/-])\d+(?:[.,]\d+)*`, PATTERN5 = new RegExp(
  // "60 per client": per a thing, with nothing counted; "500 per second" is a rate, and passes.
  String.raw`${NUMBER}(?:\s?[kKmM](?![\w-])|x\d+\b)|${NUMBER}(?:\s(?:thousand|million|billion))?(?=\s*(?:$|[.;:!?](?!\d)|,\s|\)|\s(?:and|or|is|are|was|will|for|to|in|on|at|when|if|which|that|but|before|after|with)\b|\sper\s(?!(?:[\w-]+\s){0,2}(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|ms|s|min|h)\b)))`,
  "gm"
), NOT_A_QUANTITY_BEFORE = /(?:\b(?:version|v|release|section|step|level|rfc|pep|iso|sp|aal|fips|phase|part|chapter|figure|table|appendix|item|no|number|page|line|column|year|in|since|by|of the)|[$€£#§])\s*$/i, numberWithoutUnitRule = {
  id: "number-without-unit",
  codes: ["number-without-unit"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), PATTERN5, ["constraints"])) {
          let value = m.text.replace(/[^\d]/g, "");
          if (/^0+$/.test(value) || /^(?:19|20)\d\d$/.test(m.text)) continue;
          let before = spec.source.slice(Math.max(0, m.span.start.offset - 20), m.span.start.offset);
          if (NOT_A_QUANTITY_BEFORE.test(before)) continue;
          let after = spec.source.slice(m.span.end.offset, m.span.end.offset + 30);
          if (/^\s*(?:,\s*(?:or\s+|and\s+)?|\s(?:and|or|to)\s+(?:at (?:least|most)\s+|no (?:more|less|fewer) than\s+)?|-)\d/.test(after) || /^\s+in\s+\d/.test(after) || /\d\s+in\s+$/.test(before) || /(?:^|\s)[A-Z][\w.-]*\s+$/.test(before) && !/(?:^|[.!?]\s+)[A-Z][\w.-]*\s+$/.test(before) || /^\s+(?:or|and) (?:later|newer|above|earlier|older)\b/i.test(after)) continue;
          let sentence = sentenceAround(spec, m);
          /\blimit(?:s|ed)?\b[^.;]*\bto\s+(?:no more than\s+|at most\s+)?$/i.test(spec.source.slice(Math.max(sentence.start, m.span.start.offset - 300), m.span.start.offset)) || out.push(
            diagnostics.numberWithoutUnit({
              file: spec.file,
              span: m.span,
              message: `Number \`${m.text}\` has no unit; expected what it measures (ms, s, MB, %) or what it counts`
            })
          );
        }
    return out;
  }
};

// src/phases/3-check/rules/between-ends-unclear.ts
var VALUE = String.raw`-?\d[\d,]*(?:\.\d+)?(?:\s?(?:[ap]\.?m\.?|[a-z%]{1,8}))?(?::\d\d(?:\s?[ap]\.?m\.?)?)?(?:\s(?:UTC|GMT|CET|CEST|[CEMP][SD]T))?`, PATTERN6 = new RegExp(
  String.raw`\b(?:between (?:the [\w ]{1,30}? of )?${VALUE}\s*(?:and|to|-|–)\s*${VALUE}|(?:in the range(?: of)?|from(?: a scale of)?) ${VALUE}\s*(?:to|-|–)\s*${VALUE})`,
  "gi"
), ENDS_SAID = /\binclusive(?:ly)?\b|\bexclusive(?:ly)?\b|\b(?:both )?ends? (?:included|excluded|inclusive|exclusive)\b|\b(?:included|excluded)\b|\binclusive\b|[[(]\s*-?\d[\d.,]*\s*,\s*-?\d[\d.,]*\s*[\])]/i, betweenEndsUnclearRule = {
  id: "between-ends-unclear",
  codes: ["between-ends-unclear"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), PATTERN6))
          ENDS_SAID.test(sentenceAround(spec, m).text) || out.push(
            diagnostics.betweenEndsUnclear({
              file: spec.file,
              span: m.span,
              message: `\`${m.text}\` does not say whether the ends are included; expected "inclusive", "exclusive", or at least / at most`
            })
          );
    return out;
  }
};

// src/phases/3-check/rules/passive-no-actor.ts
var IRREGULAR = "built|bound|brought|bought|caught|chosen|cut|dealt|done|drawn|fed|felt|found|held|hidden|hit|hung|kept|known|laid|led|left|lent|let|lit|lost|made|meant|met|paid|put|quit|read|run|said|sent|set|shed|shown|shut|sold|sought|split|spent|spread|struck|stuck|taught|thrown|told|thought|upheld|withheld|won|wound|written|undone|overridden|rebuilt|reset|rerun|resent|sent", ADJECTIVES = /* @__PURE__ */ new Set(["red", "bed", "need", "seed", "feed", "speed", "exceed", "succeed", "proceed", "indeed", "shed", "open", "often", "even", "seven", "eleven", "given", "hidden", "golden", "wooden", "sudden", "token", "ten", "then", "when", "kitten", "been", "between", "heaven", "garden", "burden", "children", "green", "screen", "seen", "alien", "citizen", "linen", "oxygen", "hyphen", "frozen", "dozen", "listen", "written", "used", "based", "advanced", "detailed", "experienced", "interested", "concerned", "dedicated", "sophisticated", "complicated", "qualified", "limited", "unlimited", "supported", "unsupported", "required", "allowed", "permitted", "expected", "able", "unrelated", "related", "naked", "wicked", "crooked", "rugged", "ragged", "sacred", "hundred", "kindred", "aged", "beloved", "learned", "blessed", "biased", "unbiased", "prepared", "compatible", "distributed", "enabled", "disabled", "connected", "disconnected", "satisfied", "pleased", "tired", "bored", "excited", "worried", "scared", "surprised", "amazed"]), PASSIVE_ANYWAY = /* @__PURE__ */ new Set(["used", "limited", "required", "allowed", "permitted", "expected", "enabled", "disabled", "supported", "written", "given", "hidden", "seen", "distributed", "prepared", "based", "connected", "detailed"]), MODAL2 = String.raw`(?:shall|must|should|will|may|might|can|could|need(?:s)? to|ha(?:s|ve) to|is to|are to|is expected to|are expected to)`, ADVERB = String.raw`(?:\w+ly|also|only|always|never|then|either|both|fully|first|automatically|still|not)`, PATTERN7 = new RegExp(
  // Both alternatives start with \b; repeated in front of the group, it lets V8 reject most positions at once (the same matches).
  String.raw`\b(?:\b(?:${MODAL2}(?: ${ADVERB}){0,2}|and(?: not)?) be(?: ${ADVERB})? (?:[a-z]+-)?([a-z]+(?:ed|en)|${IRREGULAR})\b|\b(?:is|are) expected to\b)`,
  "gi"
), NOT_AN_AGENT = /^\s*(?:at (?:least|most)\b|-?\d|a factor\b|means of\b|default\b|hand\b|name\b|value\b|reference\b)/i, BY_MEANS = /^(?:sorted|ordered|grouped|ranked|keyed|indexed|filtered|separated|delimited|divided|multiplied|rounded|weighted|identified|followed|preceded|replaced|partitioned|sharded|measured)$/i, passiveNoActorRule = {
  id: "passive-no-actor",
  codes: ["passive-no-actor"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), PATTERN7)) {
          let verb = /(\w+)$/.exec(m.text)[1].toLowerCase();
          if (ADJECTIVES.has(verb) && !PASSIVE_ANYWAY.has(verb)) continue;
          let sentence = sentenceAround(spec, m), before = spec.source.slice(sentence.start, m.span.start.offset);
          if (/^and/i.test(m.text) && !new RegExp(String.raw`\b${MODAL2}\b`, "i").test(before)) continue;
          let clause = before.split(/[,;:()]/).at(-1);
          /\b(?:which|who|whom|whose)\b/i.test(clause) || /\bthat\s+$/i.test(clause) && /\S\s+that\s+$/i.test(before) || /to be determined$/i.test(m.text) || !BY_MEANS.test(verb) && hasAgent(spec.source.slice(m.span.end.offset, sentence.end)) || out.push(
            diagnostics.passiveNoActor({
              file: spec.file,
              span: m.span,
              message: `Requirement \`${m.text}\` is passive and names no actor; expected who does it`
            })
          );
        }
    return out;
  }
};
function hasAgent(after) {
  let by = /\bby\b/i.exec(after);
  if (!by) return !1;
  let last = after.slice(0, by.index).trim().split(/\s+/).filter((w) => w !== "" && !/ly$/i.test(w)).at(-1);
  return last && /(?:ed|en)$/i.test(last) ? !1 : !NOT_AN_AGENT.test(after.slice(by.index + 2));
}

// src/phases/3-check/rules/vague-pronoun.ts
var PRONOUN = /\b(?:it|they|this|that|these|those)\b/gi, VERB = /^(?:must|shall|should|will|would|may|might|can|could|cannot|is|are|was|were|has|have|had|does|do|did|needs|happens|means|applies|fails|requires|includes|depends|ensures|allows|lets|makes|covers|also|only|then|never|always|not)\b/i, EXPLETIVE = /^(?:(?:must|should|shall|will|may|might)\s+(?:not\s+)?be|is|was|will\s+be)\s+(?:\w+\s+)?(?:possible|impossible|necessary|required|recommended|expected|important|allowed|forbidden|acceptable|sufficient|likely|unlikely|assumed|advisable|permitted|desirable|essential|mandatory|optional|preferable|enough|safe|true|false)\b/i, OPENING = /^[\s*_>]*(?:(?:\d+[.)]|[-*+])\s+)?[*_]*(?:(?:if|when|whenever|after|before|once|unless|while|until|because|since)\s+)?$/i, LINE_OPENING = /(?:^|[.!?]\s+)[\s*_>]*(?:(?:\d+[.)]|[-*+])\s+)?[*_]*(?:(?:if|when|whenever|after|before|once|unless|while|until|because|since)\s+)?$/i, vaguePronounRule = {
  id: "vague-pronoun",
  codes: ["vague-pronoun"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), PRONOUN)) {
          if (m.section?.name === "evaluation") continue;
          let at = m.span.start.offset;
          if (!LINE_OPENING.test(spec.source.slice(spec.source.lastIndexOf(`
`, at - 1) + 1, at))) continue;
          let sentence = sentenceAround(spec, m);
          if (!OPENING.test(spec.source.slice(sentence.start, m.span.start.offset)) || /[.!?:;]["')\]]*\s*$/.test(spec.source.slice(Math.max(0, sentence.start - 4), sentence.start))) continue;
          let next = spec.source.slice(m.span.end.offset, sentence.end).trimStart(), it = /^it$/i.test(m.text);
          (VERB.test(next) || (it || /^they$/i.test(m.text)) && /^[a-z]+s\b/.test(next) && !/^(?:is|was|has)\b/.test(next)) && (it && EXPLETIVE.test(next) || out.push(
            diagnostics.vaguePronoun({
              file: spec.file,
              span: m.span,
              message: `Requirement opens on \`${m.text}\`, which stands for something it does not name; expected its subject spelt out`
            })
          ));
        }
    return out;
  }
};

// src/phases/3-check/rules/unbounded-absolute.ts
var QUALITY = String.raw`available|up|online|accessible|operational|reliable|responsive|secure|correct|accurate|up[- ]to[- ]date|working|consistent|fast`, FAILURE = String.raw`fail|fails|crash|crashes|hang|hangs|freeze|freezes|break|breaks|go down|goes down|lose|loses|drop|drops|time out|times out|be (?:down|unavailable|slow|late)`, PATTERN8 = new RegExp(
  String.raw`\b(?:` + [
    String.raw`\balways (?:be |remain |stay )?(?:${QUALITY})\b`,
    String.raw`\b(?:${QUALITY}) (?:24/7|24x7|24 hours a day|around the clock|round the clock)`,
    String.raw`\b24/7\b|\b24x7\b|\bat all times\b|\baround the clock\b`,
    String.raw`\bnever (?:${FAILURE})\b`,
    String.raw`\b100 ?% (?:uptime|availability|available|reliab\w*|accura\w*|secure|correct\w*|safe)\b|\b(?:uptime|availability|reliability|accuracy) of 100 ?%`,
    String.raw`\bzero (?:downtime|defects|bugs|errors|failures|data loss|outages?)\b`,
    String.raw`\b(?:error|bug|fault|defect|failure)[- ]free\b`,
    String.raw`\b(?:all|any|every) (?:possible|conceivable|imaginable)\b`,
    String.raw`\b(?:under|in) (?:all|any) (?:circumstances|conditions|situations)\b|\bwhatever happens\b`,
    // An open population as a quality claim's target or subject: "with any HTML browser", "to all audiences", "all users must be able to"
    // (not the scope of a setting: "enforced for all users").
    String.raw`\b(?:to|with|on|by) (?:all|any|every) (?:[\w-]+ )?(?:users?|audiences?|browsers?|devices?|platforms?|customers?|people)\b(?= (?:must|shall|should|will|can)\b|[.,;]|$)`,
    String.raw`\b(?:all|every)(?: of the)? (?:[\w-]+ )?(?:users?|audiences?|customers?|people) (?:must|shall|should|will|can) (?:be able to|use|understand)\b`,
    String.raw`\b(?:catch|handle|detect|prevent|fix|stop|block) (?:all|every|any) (?:errors?|bugs?|failures?|problems?|issues?|exceptions?|attacks?|threats?)\b(?! (?:that|which|of|from|in|raised|thrown)\b)`
  ].join("|") + ")",
  "gi"
), unboundedAbsoluteRule = {
  id: "unbounded-absolute",
  codes: ["unbounded-absolute"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), PATTERN8))
          out.push(
            diagnostics.unboundedAbsolute({
              file: spec.file,
              span: m.span,
              message: `\`${m.text}\` is an absolute no test can confirm; expected a measurable bound`
            })
          );
    return out;
  }
};

// src/phases/3-check/rules/incomplete-reference.ts
var DOCUMENT = String.raw`documentation|docs|document|guidelines?|guide|policy|policies|standards?|spec|specification|design|manual|wiki|handbook|regulations?|rules|conventions|laws|requirements|best practices`, GENERIC = String.raw`relevant|applicable|appropriate|usual|current|existing|internal|corporate|company|industry|well[- ]adopted`, PATTERN9 = new RegExp(
  String.raw`\b(?:` + [
    String.raw`\b(?:described|defined|specified|documented|outlined|explained|detailed|listed|set out|laid out|noted|given)(?: \w+)? (?:above|below|elsewhere|later|earlier|previously)\b`,
    String.raw`\bsee (?:below|above|elsewhere|the (?:docs|documentation|wiki|design|spec|specification|manual))\b`,
    String.raw`\b(?:the )?(?:above|previous) (?:requirements?|sections?|rules?|tables?|lists?|items?|paragraphs?)\b|\b(?:an? |the )?(?:exceptions?|sections?|table|list|notes?) (?:below|above)\b`,
    // "described in the security guidelines": a document named by its kind only.
    String.raw`\b(?:described|defined|specified|documented|outlined|set out|laid down|explained|listed) (?:in|by) (?:the|our|its|their) (?:[a-z][\w-]* ){0,2}(?:${DOCUMENT})\b`,
    String.raw`\b(?:according to|as per|per|in accordance with|in line with|conform(?:s|ing)? to|comply with|complies with|follows?|meet(?:s|ing)?|match(?:es|ing)?|obey(?:s)?|respect(?:s)?) (?:the |all |any )?(?:(?:${GENERIC}) )*(?:[a-z][\w-]* )?(?:${DOCUMENT})\b`,
    String.raw`\b(?:${GENERIC})(?: [a-z][\w-]*)? (?:standards?|regulations|laws|policies|guidelines|best practices)\b`
  ].join("|") + ")",
  "gi"
), NAMED_AFTER = /^\s*(?::|\[|`|"|“|\(?\d|[A-Z]{2,}|(?:of|from|in) +(?:\[|`|"|[A-Z]))/, incompleteReferenceRule = {
  id: "incomplete-reference",
  codes: ["incomplete-reference"],
  scope: { kind: "spec-local" },
  check({ workspace, lines }) {
    let out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let m of findInBody(spec, lines(spec), PATTERN9)) {
          if (NAMED_AFTER.test(spec.source.slice(m.span.end.offset, m.span.end.offset + 40)) || /\s(?!(?:API|UI|UX|SDK|CLI|REST|HTTP|JSON|XML|CSV|SQL|DB|OS)\b)[A-Z][\w-]*/.test(m.text.slice(m.text.indexOf(" ")))) continue;
          let rest = spec.source.slice(m.span.end.offset, sentenceAround(spec, m).end);
          /^[^.;]*?\bas (?:specified|defined|described|set out|given|published) (?:by|in) (?:the )?(?:\[|`|"|[A-Z])/.test(rest) || out.push(
            diagnostics.incompleteReference({
              file: spec.file,
              span: m.span,
              message: `\`${m.text}\` refers to something it does not name; expected the document, section or list itself`
            })
          );
        }
    return out;
  }
};

// src/phases/3-check/rules/glossary-terms.ts
var glossaryTermsRule = {
  id: "glossary-terms",
  codes: ["unknown-term"],
  scope: { kind: "file", reads: ["glossary"] },
  check({ workspace }) {
    let known = new Set(workspace.glossary.flatMap((t) => t.keys)), shown = new Map(workspace.glossary.flatMap((t) => t.keys.map((k) => [k, k === t.term.toLowerCase() ? t.term : k]))), out = [];
    for (let { spec } of workspace.files)
      if (spec)
        for (let use of spec.terms) {
          let key = use.term.toLowerCase();
          if (known.has(key) || key.endsWith("s") && known.has(key.slice(0, -1))) continue;
          let near = closest(key, known);
          out.push(
            diagnostics.unknownTerm({
              file: spec.file,
              span: use.span,
              message: workspace.glossary.length === 0 ? `Term \`${use.term}\` is marked but there is no glossary; expected context/glossary.md to define it` : `Term \`${use.term}\` is not defined in the glossary; expected an H2 \`## ${use.term}\` in context/glossary.md`,
              ...near ? { hint: `Did you mean \`[[${shown.get(near)}]]\`?` } : {}
            })
          );
        }
    return out;
  }
};

// src/phases/3-check/rules/duplicate-id.ts
var duplicateIdRule = {
  id: "duplicate-id",
  codes: ["duplicate-id"],
  scope: { kind: "workspace", own: "frontmatter", reads: ["same-id"] },
  check({ workspace }) {
    let out = [];
    for (let { spec } of workspace.files) {
      let id = spec?.frontmatter?.id;
      if (!spec || !id || !workspace.sharedIds.has(id)) continue;
      let owner = workspace.byId.get(id);
      !owner || owner === spec || out.push(
        diagnostics.duplicateId({
          file: spec.file,
          span: spec.frontmatterSpans?.fields.id ?? spec.frontmatterSpans.block,
          message: `Spec id \`${id}\` is already used by ${owner.file}; expected unique ids`,
          related: [{ file: owner.file, span: owner.frontmatterSpans?.fields.id ?? owner.frontmatterSpans.block, message: "first spec with this id" }]
        })
      );
    }
    return out;
  }
};

// src/phases/3-check/rules/references.ts
var referencesRule = {
  id: "references",
  codes: ["unknown-dependency", "unknown-link", "self-dependency", "depends-on-duplicate", "depends-on-unready", "deprecated-still-used", "unknown-member"],
  scope: { kind: "workspace", own: "spec", reads: ["dependencies", "linked-specs", "same-id", "spec-ids"] },
  check({ workspace }) {
    let out = [], byFile = /* @__PURE__ */ new Map();
    for (let { spec } of workspace.files) spec && byFile.set(spec.file, spec);
    let ids = [...workspace.byId.keys()], refs = [];
    for (let { spec } of workspace.files)
      if (spec?.frontmatter)
        for (let resolved of [resolveDependsOn(workspace, spec, ids), resolveLinks(spec, byFile)])
          out.push(...resolved.findings), refs.push(...resolved.refs);
    return out.push(...statusFindings(refs)), out;
  }
};
function resolveDependsOn(workspace, spec, ids) {
  let fm = spec.frontmatter, out = { findings: [], refs: [] }, listed = /* @__PURE__ */ new Map();
  return fm.depends_on.forEach((dep, i) => {
    let span = spec.frontmatterSpans?.depends_on[i] ?? spec.frontmatterSpans?.fields.depends_on ?? spec.frontmatterSpans.block, first = listed.get(dep);
    if (first !== void 0) {
      let firstSpan = spec.frontmatterSpans?.depends_on[first] ?? span;
      out.findings.push(
        diagnostics.dependsOnDuplicate({
          file: spec.file,
          span,
          message: `depends_on lists \`${dep}\` twice; expected each dependency once`,
          related: [{ file: spec.file, span: firstSpan, message: "first listed here" }]
        })
      );
      return;
    }
    if (listed.set(dep, i), dep === fm.id && workspace.sharedIds.has(dep)) return;
    if (dep === fm.id) {
      out.findings.push(diagnostics.selfDependency({ file: spec.file, span, message: `Spec \`${fm.id}\` lists itself in depends_on; expected other specs' ids` }));
      return;
    }
    let target = workspace.byId.get(dep), qualified = splitId(dep);
    if (!target && qualified && !(workspace.members ?? []).some((m) => m.name === qualified.member)) {
      let names = (workspace.members ?? []).map((m) => m.name), near = closest(qualified.member, names), known = names.length === 0 ? "this workspace has no members" : `expected one of ${names.map((n) => `\`${n}\``).join(", ")}`;
      out.findings.push(diagnostics.unknownMember({ file: spec.file, span, message: `depends_on names \`${dep}\`, but there is no member \`${qualified.member}\`; ${known}`, ...near ? { hint: `Did you mean \`${near}:${qualified.local}\`?` } : {} }));
      return;
    }
    if (!target) {
      let near = closest(dep, ids.filter((id) => id !== fm.id));
      out.findings.push(
        diagnostics.unknownDependency({
          file: spec.file,
          span,
          message: `depends_on names \`${dep}\`, but no spec has that id; expected the id of an existing spec`,
          ...near ? { hint: `Did you mean \`${near}\`?` } : {}
        })
      );
      return;
    }
    workspace.sharedIds.has(dep) || out.refs.push({ from: spec, to: target, span, via: "depends_on" });
  }), out;
}
function resolveLinks(spec, byFile) {
  let out = { findings: [], refs: [] };
  for (let link of spec.links) {
    let inSpecs = link.target.startsWith(spec.file.split("/")[0] + "/"), target = byFile.get(link.target);
    if (!target) {
      inSpecs && out.findings.push(
        diagnostics.unknownLink({
          file: spec.file,
          span: link.span,
          message: `Link \`${link.href}\` points to ${link.target}, which is not a spec; expected a path to an existing spec file`
        })
      );
      continue;
    }
    target !== spec && out.refs.push({ from: spec, to: target, span: link.span, via: "link" });
  }
  return out;
}
function statusFindings(refs) {
  let out = [], warnedDeprecated = /* @__PURE__ */ new Set();
  for (let ref of refs) {
    let fromStatus = ref.from.frontmatter.status, to = ref.to.frontmatter;
    to && (fromStatus === "ready" && to.status !== "ready" ? out.push(
      diagnostics.dependsOnUnready({
        file: ref.from.file,
        span: ref.span,
        message: `Ready spec \`${ref.from.frontmatter.id}\` ${ref.via === "link" ? "links to" : "depends on"} \`${to.id}\`, which is ${to.status}; expected a ready spec`,
        related: [{ file: ref.to.file, span: ref.to.frontmatterSpans?.fields.status ?? ref.to.frontmatterSpans.block, message: `status: ${to.status}` }]
      })
    ) : to.status === "deprecated" && fromStatus !== "deprecated" && !warnedDeprecated.has(`${ref.from.file}>${to.id}`) && (warnedDeprecated.add(`${ref.from.file}>${to.id}`), out.push(
      diagnostics.deprecatedStillUsed({
        file: ref.from.file,
        span: ref.span,
        message: `Spec \`${ref.from.frontmatter.id}\` still depends on deprecated \`${to.id}\`; expected it to move to a replacement`
      })
    )));
  }
  return out;
}

// src/phases/3-check/rules/dependency-cycle.ts
var dependencyCycleRule = {
  id: "dependency-cycle",
  codes: ["dependency-cycle"],
  scope: { kind: "workspace", own: "none", reads: ["dependency-graph"] },
  check({ workspace }) {
    let out = [], graph = /* @__PURE__ */ new Map();
    for (let [id, spec] of workspace.byId) {
      let edges = [...spec.frontmatter?.depends_on ?? [], ...spec.frontmatter?.uses_twins ?? []];
      graph.set(id, [...new Set(edges)].filter((d) => d !== id && workspace.byId.has(d)));
    }
    for (let component of stronglyConnected(graph)) {
      if (component.length < 2 || component.some((id) => workspace.sharedIds.has(id))) continue;
      let members = [...component].sort(), cycle = findCycle(members[0], new Set(members), graph), head = workspace.byId.get(members[0]), edgeSpan = (from, to) => {
        let i = from.frontmatter.depends_on.indexOf(to);
        return i >= 0 ? from.frontmatterSpans?.depends_on[i] ?? from.frontmatterSpans.block : from.frontmatterSpans?.uses_twins[from.frontmatter.uses_twins.indexOf(to)] ?? from.frontmatterSpans.block;
      }, verb = (from, to) => from.frontmatter.depends_on.includes(to) ? "depends on" : "uses twin";
      out.push(
        diagnostics.dependencyCycle({
          file: head.file,
          span: edgeSpan(head, cycle[1]),
          message: `Dependency cycle: ${cycle.join(" -> ")}; expected specs to depend on each other without cycles`,
          related: cycle.slice(1, -1).map((id, i) => {
            let spec = workspace.byId.get(id);
            return { file: spec.file, span: edgeSpan(spec, cycle[i + 2]), message: `${id} ${verb(spec, cycle[i + 2])} ${cycle[i + 2]}` };
          })
        })
      );
    }
    return out;
  }
};
function stronglyConnected(graph) {
  let index = 0, indexOf = /* @__PURE__ */ new Map(), low = /* @__PURE__ */ new Map(), onStack = /* @__PURE__ */ new Set(), stack = [], result = [];
  for (let root of [...graph.keys()].sort()) {
    if (indexOf.has(root)) continue;
    let work = [{ node: root, next: 0 }];
    for (indexOf.set(root, index), low.set(root, index++), stack.push(root), onStack.add(root); work.length > 0; ) {
      let frame = work[work.length - 1], edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        let to = edges[frame.next++];
        indexOf.has(to) ? onStack.has(to) && low.set(frame.node, Math.min(low.get(frame.node), indexOf.get(to))) : (indexOf.set(to, index), low.set(to, index++), stack.push(to), onStack.add(to), work.push({ node: to, next: 0 }));
        continue;
      }
      work.pop();
      let parent = work[work.length - 1];
      if (parent && low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node))), low.get(frame.node) === indexOf.get(frame.node)) {
        let component = [], member;
        do
          member = stack.pop(), onStack.delete(member), component.push(member);
        while (member !== frame.node);
        result.push(component);
      }
    }
  }
  return result;
}
function findCycle(start, members, graph) {
  let previous = /* @__PURE__ */ new Map(), queue = [start];
  for (; queue.length > 0; ) {
    let node2 = queue.shift();
    for (let to of [...graph.get(node2) ?? []].sort())
      if (members.has(to)) {
        if (to === start) {
          let path2 = [node2];
          for (; path2[0] !== start; ) path2.unshift(previous.get(path2[0]));
          return [...path2, start];
        }
        previous.has(to) || (previous.set(to, node2), queue.push(to));
      }
  }
  return [start, start];
}

// src/phases/3-check/rules/twins.ts
var twinsRule = {
  id: "twins",
  codes: ["unknown-twin", "not-a-twin", "twin-unready", "twin-in-depends-on", "twin-entry-missing", "uses-twins-not-allowed"],
  scope: { kind: "workspace", own: "frontmatter", reads: ["dependencies", "twins-used", "twin-ids"] },
  check({ workspace }) {
    let out = [], twinIds = [...workspace.byId.values()].filter((s) => s.frontmatter?.kind === "twin").map((s) => s.frontmatter.id);
    for (let { spec } of workspace.files)
      spec?.frontmatter && out.push(...usesTwinsFindings(workspace, spec, twinIds), ...twinsInDependsOn(workspace, spec), ...twinEntryFindings(spec));
    return out;
  }
};
function usesTwinsFindings(workspace, spec, twinIds) {
  let fm = spec.frontmatter, spans = spec.frontmatterSpans;
  return fm.uses_twins.length > 0 && (fm.kind === "twin" || fm.kind === "constraint") ? [
    diagnostics.usesTwinsNotAllowed({
      file: spec.file,
      span: spans.fields.uses_twins ?? spans.block,
      message: `${fm.kind === "twin" ? "Twin" : "Constraint"} spec \`${fm.id}\` lists uses_twins; expected none (${fm.kind === "twin" ? "a twin is a self-contained clone of one service" : "constraint specs are not built"})`
    })
  ] : fm.uses_twins.flatMap((id, i) => {
    if (workspace.sharedIds.has(id)) return [];
    let finding = usedTwinFinding(spec, id, spans.uses_twins[i] ?? spans.fields.uses_twins ?? spans.block, workspace.byId.get(id), twinIds);
    return finding ? [finding] : [];
  });
}
function usedTwinFinding(spec, id, span, target, twinIds) {
  let fm = spec.frontmatter, to = target?.frontmatter;
  if (!target || !to) {
    let near = closest(id, twinIds);
    return diagnostics.unknownTwin({
      file: spec.file,
      span,
      message: `uses_twins names \`${id}\`, but no spec has that id; expected the id of a twin spec`,
      ...near ? { hint: `Did you mean \`${near}\`?` } : {}
    });
  }
  return to.kind !== "twin" ? diagnostics.notATwin({
    file: spec.file,
    span,
    message: `uses_twins names \`${id}\`, which is ${/^[aeiou]/.test(to.kind) ? "an" : "a"} ${to.kind} spec; expected a spec of kind twin`,
    related: [{ file: target.file, span: target.frontmatterSpans?.fields.kind ?? target.frontmatterSpans.block, message: `kind: ${to.kind}` }]
  }) : fm.status === "ready" && to.status !== "ready" ? diagnostics.twinUnready({
    file: spec.file,
    span,
    message: `Ready spec \`${fm.id}\` uses twin \`${id}\`, which is ${to.status}; expected a ready twin`,
    related: [{ file: target.file, span: target.frontmatterSpans?.fields.status ?? target.frontmatterSpans.block, message: `status: ${to.status}` }]
  }) : null;
}
function twinsInDependsOn(workspace, spec) {
  let fm = spec.frontmatter, spans = spec.frontmatterSpans;
  return fm.depends_on.flatMap((id, i) => workspace.byId.get(id)?.frontmatter?.kind !== "twin" || id === fm.id || workspace.sharedIds.has(id) ? [] : [
    diagnostics.twinInDependsOn({
      file: spec.file,
      span: spans.depends_on[i] ?? spans.fields.depends_on ?? spans.block,
      message: fm.kind === "twin" ? `Twin \`${fm.id}\` depends on twin \`${id}\`; expected a twin to depend on no other twin` : `depends_on names twin \`${id}\`; expected it in uses_twins (code calls a service, it never imports its twin)`,
      ...fm.kind === "twin" ? { hint: "Remove it from depends_on: a twin stands alone." } : {}
    })
  ]);
}
function twinEntryFindings(spec) {
  let fm = spec.frontmatter, spans = spec.frontmatterSpans;
  return fm.kind !== "twin" || fm.status === "deprecated" || fm.outputs.length === 0 || fm.outputs.includes(twinEntry(fm.id)) ? [] : [
    diagnostics.twinEntryMissing({
      file: spec.file,
      span: spans.fields.outputs ?? spans.block,
      message: `Twin spec \`${fm.id}\` does not own \`${twinEntry(fm.id)}\`; expected it among the outputs (speccc starts the twin by its \`start\` export)`,
      hint: `Add \`${twinEntry(fm.id)}\` to the outputs.`
    })
  ];
}

// src/phases/3-check/rules/outputs.ts
import path from "node:path";
function outputPathProblem(p) {
  if (p.trim() === "") return "is empty";
  if (p.includes("\\")) return "contains a backslash";
  if (p.includes("\0")) return "contains a NUL character";
  if (path.posix.isAbsolute(p) || /^[a-zA-Z]:/.test(p)) return "is absolute";
  let segments = p.split("/");
  return segments.includes("..") ? "contains `..`" : segments.some((s) => s === "" || s === ".") ? "has an empty or `.` segment" : segments[0] === ".speccc" ? "is inside `.speccc/`, which speccc owns" : p.endsWith("/") ? "names a folder, not a file" : null;
}
var TEST_FILE = /\.(?:test|spec)\.[a-z0-9]+$/i, capitalised = (kind) => kind.charAt(0).toUpperCase() + kind.slice(1), MENTIONED_FILE = /`([^`\s]+\.[a-z0-9]{1,6})`/gi, outputsRule = {
  id: "outputs",
  codes: ["output-conflict", "output-path-invalid", "output-duplicate", "outputs-missing", "constraint-has-outputs", "outputs-no-test", "output-undeclared"],
  scope: { kind: "workspace", own: "spec", reads: ["output-owners", "same-id"] },
  check({ workspace, lines }) {
    let out = [], owners = /* @__PURE__ */ new Map();
    for (let { spec } of workspace.files) {
      let fm = spec?.frontmatter;
      if (!spec || !fm) continue;
      let fieldSpan = spec.frontmatterSpans?.fields.outputs ?? spec.frontmatterSpans.block;
      fm.kind === "constraint" && fm.outputs.length > 0 && out.push(diagnostics.constraintHasOutputs({ file: spec.file, span: fieldSpan, message: `Constraint spec \`${fm.id}\` declares outputs; expected none (constraints are not built)` })), fm.kind !== "constraint" && fm.outputs.length === 0 && fm.status !== "deprecated" && out.push(
        diagnostics.outputsMissing({
          file: spec.file,
          span: spec.frontmatterSpans?.fields.kind ?? spec.frontmatterSpans.block,
          message: `${capitalised(fm.kind)} spec \`${fm.id}\` declares no outputs; expected the files it owns under \`outputs:\``
        })
      ), (fm.kind === "feature" || fm.kind === "twin") && fm.outputs.length > 0 && !fm.outputs.some((o) => TEST_FILE.test(o)) && out.push(diagnostics.outputsNoTest({ file: spec.file, span: fieldSpan, message: `${capitalised(fm.kind)} spec \`${fm.id}\` owns no test file; expected an output such as \`*.test.ts\`` }));
      let seen = /* @__PURE__ */ new Set();
      fm.outputs.forEach((output, i) => {
        let span = spec.frontmatterSpans?.outputs[i] ?? fieldSpan, problem = outputPathProblem(output);
        if (problem) {
          out.push(diagnostics.outputPathInvalid({ file: spec.file, span, message: `Output \`${output}\` ${problem}; expected a relative path inside the generated root` }));
          return;
        }
        if (seen.has(output)) {
          out.push(diagnostics.outputDuplicate({ file: spec.file, span, message: `Output \`${output}\` is listed twice; expected each file once` }));
          return;
        }
        seen.add(output);
        let owner = owners.get(output);
        owner && owner.spec.frontmatter.id === fm.id && workspace.sharedIds.has(fm.id) || (owner ? out.push(
          diagnostics.outputConflict({
            file: spec.file,
            span,
            message: `Output \`${output}\` is already owned by \`${owner.spec.frontmatter.id}\`; expected one owner per file`,
            related: [{ file: owner.spec.file, span: owner.span, message: "first owner" }]
          })
        ) : owners.set(output, { spec, span }));
      });
      let section = spec.sections.find((s) => s.name === "outputs");
      if (section && fm.kind !== "constraint") {
        let offset = section.span.start.offset, body = spec.source.slice(offset, section.span.end.offset);
        for (let m of body.matchAll(MENTIONED_FILE)) {
          let mentioned = m[1].replace(/^\.\//, "").replace(/^generated\//, ""), declared = fm.outputs.some((o) => o === mentioned || o.replace(/^\.\//, "") === mentioned || o.endsWith(`/${mentioned}`));
          if (!mentioned.includes("/") || declared) continue;
          let start = offset + m.index, at = lines(spec).span(start, start + m[0].length);
          out.push(
            diagnostics.outputUndeclared({
              file: spec.file,
              span: at,
              message: `Outputs section names \`${mentioned}\`, which is not in the frontmatter's outputs; expected every produced file to be declared`
            })
          );
        }
      }
    }
    return out;
  }
};

// src/phases/3-check/rules/model-unpriced.ts
var modelUnpricedRule = {
  id: "model-unpriced",
  codes: ["model-unpriced"],
  scope: { kind: "workspace", own: "none", reads: ["all-frontmatter", "config"] },
  check({ workspace, config, configSpans }) {
    let out = [], prices = config.model.prices, known = [.../* @__PURE__ */ new Set([...PRICE_ROWS.filter((r) => !r.retired).map((r) => r.model).filter((m) => !m.endsWith("*")), ...Object.keys(prices)])], expected = (model) => {
      let guess = closest(model, known);
      return guess ? `did you mean \`${guess}\`?` : "expected a model of the current lineup or one priced under model.prices";
    }, origin = { line: 1, column: 1, offset: 0 }, configured = /* @__PURE__ */ new Map([["model.default", config.model.default]]);
    for (let [kind, model] of Object.entries(config.model.byKind)) model && configured.set(`model.byKind.${kind}`, model);
    let fallback = config.model.fallbackModel;
    if (typeof fallback == "string") configured.set("model.fallbackModel", fallback);
    else for (let [kind, model] of Object.entries(fallback ?? {})) model && configured.set(`model.fallbackModel.${kind}`, model);
    let fallbackKey = (kind) => typeof fallback == "string" ? "model.fallbackModel" : configured.has(`model.fallbackModel.${kind}`) ? `model.fallbackModel.${kind}` : void 0, used = /* @__PURE__ */ new Set();
    for (let spec of workspace.byId.values()) {
      let fm = spec.frontmatter;
      if (fm.status !== "ready" || fm.kind === "constraint") continue;
      let fallbackOf = fallbackKey(fm.kind);
      if (fallbackOf && used.add(fallbackOf), fm.model) {
        priceOf(fm.model, prices) || out.push(diagnostics.modelUnpriced({ file: spec.file, span: spec.frontmatterSpans?.fields.model ?? spec.frontmatterSpans.block, message: `Model \`${fm.model}\` has no known price; ${expected(fm.model)}` }));
        continue;
      }
      used.add(config.model.byKind[fm.kind] ? `model.byKind.${fm.kind}` : "model.default");
    }
    for (let key of used) {
      let model = configured.get(key);
      if (priceOf(model, prices)) continue;
      let span = configSpans.get(`value:${key}`) ?? { start: origin, end: origin };
      out.push(diagnostics.modelUnpriced({ file: "speccc.config.json", span, message: `Model \`${model}\` (${key}) has no known price; ${expected(model)}` }));
    }
    return out;
  }
};

// src/phases/3-check/rules/scenario-no-check.ts
var scenarioNoCheckRule = {
  id: "scenario-no-check",
  codes: ["scenario-no-check", "property-no-generator", "property-no-assertion"],
  scope: { kind: "workspace", own: "none", reads: ["scenarios", "config"] },
  check({ scenarios, config }) {
    let origin = { line: 1, column: 1, offset: 0 }, span = { start: origin, end: origin }, dir = config.paths.scenarios.replace(/\/$/, ""), out = [];
    for (let s of scenarios) {
      let folder = s.folder ?? `${dir}/${s.spec}`, file = `${folder}/${s.name}.md`;
      s.hasCheck || out.push(diagnostics.scenarioNoCheck({ file, span, message: `Scenario \`${s.name}\` of spec \`${s.spec}\` has no automated check; expected ${folder}/${s.name}.test.ts beside it` })), s.property && !s.property.generator && out.push(diagnostics.propertyNoGenerator({ file, span, message: `Property scenario \`${s.name}\` of spec \`${s.spec}\` has no For any step; expected one naming the inputs it holds for` })), s.property && !s.property.assertion && out.push(diagnostics.propertyNoAssertion({ file, span, message: `Property scenario \`${s.name}\` of spec \`${s.spec}\` has no Then step; expected one stating what holds for every input` }));
    }
    return out;
  }
};

// src/phases/3-check/rules/index.ts
var RULES = [
  titleRule,
  requiredSectionsRule,
  scenariosRule,
  inputsInvalidCaseRule,
  placeholderTextRule,
  vagueWordingRule,
  weakModalRule,
  comparativeNoReferenceRule,
  openEndedListRule,
  loopholeRule,
  numberWithoutUnitRule,
  betweenEndsUnclearRule,
  passiveNoActorRule,
  vaguePronounRule,
  unboundedAbsoluteRule,
  incompleteReferenceRule,
  draftedUnconfirmedRule,
  glossaryTermsRule,
  duplicateIdRule,
  referencesRule,
  twinsRule,
  dependencyCycleRule,
  outputsRule,
  modelUnpricedRule,
  scenarioNoCheckRule
], SPEC_LOCAL_RULES = RULES.filter((rule) => rule.scope.kind === "spec-local"), RULE_CODES = /* @__PURE__ */ new Set([...RULES.flatMap((rule) => rule.codes), "unused-suppression"]);

export {
  toString,
  sectionNameOf,
  outlineBody,
  REQUIRED_SECTIONS,
  SECTION_TITLES,
  qualifyFile,
  RULES,
  SPEC_LOCAL_RULES,
  RULE_CODES
};
