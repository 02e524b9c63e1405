/**
 * `speccc completion bash|zsh|fish`: a shell completion script for every command and flag,
 * read from the commander program itself, so it cannot drift from the CLI. Where a command
 * takes spec ids (`build --force`, `verify`, `trace`, `promote`, `scenarios generate`), the
 * script asks `speccc completion --ids` (hidden) for the workspace's ids on each Tab.
 */
import { Argument, Option, type Command } from 'commander';
import path from 'node:path';
import { EXIT, type CliIo, type RegisterCommand } from './shared.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a value is completed with: folders, files, a fixed list, the workspace's spec ids, or nothing (free text). */
type ValueKind = { kind: 'dir' } | { kind: 'file' } | { kind: 'choices'; choices: string[] } | { kind: 'spec-id' } | { kind: 'text' };

export interface FlagModel {
  long: string;
  short?: string;
  description: string;
  /** Undefined: a switch that takes no value. */
  value?: ValueKind;
  /** The value may be left out (`--force [ids...]`). */
  valueOptional: boolean;
}

export interface CommandModel {
  /** ['scenarios', 'generate'] for `speccc scenarios generate`; [] for speccc itself. */
  path: string[];
  name: string;
  description: string;
  flags: FlagModel[];
  /** What positional arguments complete to. */
  args?: ValueKind;
  subcommands: CommandModel[];
}

const HELP: FlagModel = { long: '--help', short: '-h', description: 'display help for command', valueOptional: false };

/** `<dir>` and `[paths...]` placeholders name folders and files, `[spec-id]` and `[ids...]` spec ids; anything else is free text. */
function valueKindFromName(name: string): ValueKind {
  if (/dir$/i.test(name)) return { kind: 'dir' };
  if (/^(paths?|files?)$/i.test(name)) return { kind: 'file' };
  if (/^(spec-ids?|ids)$/i.test(name)) return { kind: 'spec-id' };
  return { kind: 'text' };
}

/** Flags whose value may be left out and that take spec ids (`build --force [ids...]`): the ids follow them as words. */
const idFlags = (cmd: CommandModel) => cmd.flags.filter((f) => f.valueOptional && f.value?.kind === 'spec-id');

function flagModel(option: Option): FlagModel {
  const placeholder = /[<[]([^>\]]+?)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1];
  const takesValue = option.required || option.optional;
  const value: ValueKind | undefined = !takesValue ? undefined : option.argChoices ? { kind: 'choices', choices: [...option.argChoices] } : valueKindFromName(placeholder ?? '');
  return { long: option.long!, ...(option.short ? { short: option.short } : {}), description: option.description, ...(value ? { value } : {}), valueOptional: option.optional };
}

/** The command tree of a commander program: every visible command, flag and argument. */
export function commandModel(command: Command, path: string[] = []): CommandModel {
  const options = command.options.filter((o) => !o.hidden && o.long);
  const args = command.registeredArguments.map((a): ValueKind => (a.argChoices ? { kind: 'choices', choices: [...a.argChoices] } : valueKindFromName(a.name())));
  const subcommands = command.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden).map((c) => commandModel(c, [...path, c.name()]));
  // commander answers `help [command]` for any command that has subcommands.
  if (subcommands.length > 0) subcommands.push({ path: [...path, 'help'], name: 'help', description: 'display help for command', flags: [HELP], subcommands: [] });
  return {
    path,
    name: command.name(),
    description: command.description(),
    flags: [...options.map(flagModel), HELP],
    ...(args.length > 0 ? { args: args.find((a) => a.kind !== 'text') ?? args[0]! } : {}),
    subcommands,
  };
}

function all(model: CommandModel): CommandModel[] {
  return [model, ...model.subcommands.flatMap(all)];
}

const firstSentence = (text: string) => (/^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text).replace(/\s+/g, ' ').trim();

// --- bash -----------------------------------------------------------------------------------

const bashWords = (words: string[]) => words.join(' ').replace(/[^A-Za-z0-9 ._-]/g, '');

function bashValue(value: ValueKind | undefined, fn: string): string {
  switch (value?.kind) {
    case 'dir':
      return `${fn}_paths -d`;
    case 'file':
      return `${fn}_paths -f`;
    case 'choices':
      return `COMPREPLY=($(compgen -W "${bashWords(value.choices)}" -- "$cur"))`;
    case 'spec-id':
      return `${fn}_ids`;
    default:
      return 'COMPREPLY=()';
  }
}

export function bashScript(program: CommandModel): string {
  const name = program.name;
  const fn = `_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const cases: string[] = [];
  for (const cmd of all(program)) {
    const lines: string[] = [];
    const valued = cmd.flags.filter((f) => f.value && !f.valueOptional);
    if (valued.length > 0) {
      lines.push('      case "$prev" in');
      for (const f of valued) lines.push(`        ${[f.long, f.short].filter(Boolean).join('|')}) ${bashValue(f.value, fn)}; return ;;`);
      lines.push('      esac');
    }
    const flags = cmd.flags.flatMap((f) => [f.short, f.long].filter((x): x is string => Boolean(x)));
    lines.push(`      flags="${bashWords(flags)}"`);
    if (cmd.subcommands.length > 0) lines.push(`      words="${bashWords(cmd.subcommands.map((s) => s.name))}"`);
    else if (cmd.name === 'help' && cmd.path.length > 0) {
      const parent = all(program).find((c) => c.path.join(' ') === cmd.path.slice(0, -1).join(' '))!;
      lines.push(`      words="${bashWords(parent.subcommands.map((s) => s.name).filter((n) => n !== 'help'))}"`);
    } else if (cmd.args?.kind === 'choices') lines.push(`      words="${bashWords(cmd.args.choices)}"`);
    else if (cmd.args) lines.push(`      args="${cmd.args.kind}"`);
    for (const f of idFlags(cmd)) lines.push(`      ${fn}_seen ${f.long} && args="spec-id"`);
    cases.push(`    "${cmd.path.join(' ')}")\n${lines.join('\n')}\n      ;;`);
  }
  const parents = all(program).filter((c) => c.subcommands.length > 0).map((c) => `"${c.path.join(' ')}"`);
  return `# ${name} completion for bash, generated by \`${name} completion bash\` from its own commands.
# Load it in this shell:   source <(${name} completion bash)
# Or for every shell:      ${name} completion bash > ~/.local/share/bash-completion/completions/${name}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local path="" word i flags="" words="" args=""
  # The command path: the words before the cursor that are not flags, while each names a subcommand.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ $word == -* ]] && continue
    case "$path" in
      ${parents.join('|')}) path="\${path:+$path }$word" ;;
      *) break ;;
    esac
  done
  case "$path" in
${cases.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  elif [[ -n $words ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  elif [[ $args == dir ]]; then
    ${fn}_paths -d
  elif [[ $args == file ]]; then
    ${fn}_paths -f
  elif [[ $args == spec-id ]]; then
    ${fn}_ids
  fi
}
# Folders (-d) or files (-f) matching the word at the cursor, one per line so spaces survive.
${fn}_paths() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen "$1" -- "$cur")
}
# Whether a word (a flag) is on the line before the cursor.
${fn}_seen() {
  local i
  for ((i = 1; i < COMP_CWORD; i++)); do [[ \${COMP_WORDS[i]} == "$1" ]] && return 0; done
  return 1
}
# The spec ids of the workspace (the --root on the line, or the current folder), from ${name} itself.
${fn}_ids() {
  local i root=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --root) root=(--root "\${COMP_WORDS[i+1]}") ;;
      --root=*) root=(--root "\${COMP_WORDS[i]#--root=}") ;;
    esac
  done
  mapfile -t COMPREPLY < <(compgen -W "$(command ${name} completion --ids "\${root[@]}" 2>/dev/null)" -- "$cur")
}
complete -F ${fn} ${name}
`;
}

// --- zsh ------------------------------------------------------------------------------------

/** Text inside a single-quoted zsh word, in an _arguments description (no brackets or colons). */
const zshDesc = (text: string) => firstSentence(text).replace(/\\/g, '\\\\').replace(/'/g, `'\\''`).replace(/\[/g, '(').replace(/\]/g, ')').replace(/:/g, ' -');

/** The zsh function that completes spec ids (defined once in the script). */
const zshIdsFn = (program: string) => `_${program.replace(/[^A-Za-z0-9_]/g, '_')}_spec_ids`;

function zshAction(value: ValueKind | undefined, label: string, program: string): string {
  switch (value?.kind) {
    case 'spec-id':
      return `:spec id:${zshIdsFn(program)}`;
    case 'dir':
      return `:${label}:_files -/`;
    case 'file':
      return `:${label}:_files`;
    case 'choices':
      return `:${label}:(${value.choices.join(' ')})`;
    case 'text':
      return `:${label}: `;
    default:
      return '';
  }
}

function zshFlag(f: FlagModel, program: string): string {
  const names = [f.short, f.long].filter((x): x is string => Boolean(x));
  const label = f.long.replace(/^--/, '');
  // A flag that takes ids is a switch here: the ids after it complete as the command's words (zshFunction).
  const takesWords = !f.value || (f.valueOptional && f.value.kind === 'spec-id');
  const action = takesWords ? '' : (f.valueOptional ? `:${label}: ` : zshAction(f.value, label, program)).replace(/^:/, f.valueOptional ? '::' : ':');
  const spec = (n: string) => `'${n}${!takesWords && !f.valueOptional && n.startsWith('--') ? '=' : ''}[${zshDesc(f.description)}]${action}'`;
  if (names.length === 1) return spec(names[0]!);
  return `'(${names.join(' ')})'{${names.join(',')}}'[${zshDesc(f.description)}]${action}'`;
}

const zshFn = (program: string, cmd: CommandModel) => `_${[program, ...cmd.path].join('_').replace(/[^A-Za-z0-9_]/g, '_')}`;

function zshFunction(program: CommandModel, cmd: CommandModel): string {
  const fn = zshFn(program.name, cmd);
  const flags = cmd.flags.map((f) => `    ${zshFlag(f, program.name)}`);
  if (cmd.subcommands.length > 0) {
    const described = cmd.subcommands.map((s) => `      '${s.name}:${zshDesc(s.description)}'`);
    const branches = cmd.subcommands.map((s) => `        ${s.name}) ${zshFn(program.name, s)} ;;`);
    return `${fn}() {
  local curcontext="$curcontext" state line ret=1
  typeset -A opt_args
  _arguments -C \\
${flags.join(' \\\n')} \\
    '1: :->command' \\
    '*:: :->args' && ret=0
  case $state in
    command)
      local -a commands
      commands=(
${described.join('\n')}
      )
      _describe -t commands '${[program.name, ...cmd.path].join(' ')} command' commands && ret=0
      ;;
    args)
      case $line[1] in
${branches.join('\n')}
      esac
      ;;
  esac
  return ret
}`;
  }
  const positional =
    cmd.name === 'help' && cmd.path.length > 0
      ? `    '1:command:(${all(program).find((c) => c.path.join(' ') === cmd.path.slice(0, -1).join(' '))!.subcommands.filter((s) => s.name !== 'help').map((s) => s.name).join(' ')})'`
      : cmd.args && cmd.args.kind !== 'text'
        ? `    '*${zshAction(cmd.args, cmd.args.kind === 'dir' ? 'folder' : cmd.args.kind === 'file' ? 'file' : 'argument', program.name)}'`
        : undefined;
  // `--force a b`: the words after a flag that takes ids are ids too, but only once that flag is on the line.
  const onLine = idFlags(cmd).map((f) => `\${words[(I)${f.long}]}`).join(' || ');
  const afterIdFlag = !cmd.args && idFlags(cmd).length > 0 ? `    '*:spec id:{ (( ${onLine} )) && ${zshIdsFn(program.name)} }'` : undefined;
  return `${fn}() {
  _arguments -s \\
${[...flags, ...[positional, afterIdFlag].filter((x): x is string => x !== undefined)].join(' \\\n')}
}`;
}

export function zshScript(program: CommandModel): string {
  const fns = all(program).map((c) => zshFunction(program, c));
  return `#compdef ${program.name}
# ${program.name} completion for zsh, generated by \`${program.name} completion zsh\` from its own commands.
# Load it in this shell:   source <(${program.name} completion zsh)
# Or for every shell:      ${program.name} completion zsh > "\${fpath[1]}/_${program.name}"

# The spec ids of the workspace (the --root on the line, or the current folder), from ${program.name} itself.
# Its arguments are compadd's options, from _arguments.
${zshIdsFn(program.name)}() {
  local i
  local -a root ids
  for ((i = 1; i < CURRENT; i++)); do
    case $words[i] in
      --root) root=(--root "$words[i+1]") ;;
      --root=*) root=(--root "\${words[i]#--root=}") ;;
    esac
  done
  ids=(\${(f)"$(_call_program spec-ids command ${program.name} completion --ids \${(q)root} 2>/dev/null)"})
  compadd "$@" -a ids
}

${fns.join('\n\n')}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  ${zshFn(program.name, program)} "$@"
else
  compdef ${zshFn(program.name, program)} ${program.name}
fi
`;
}

// --- fish -----------------------------------------------------------------------------------

const fishQuote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function fishScript(program: CommandModel): string {
  const name = program.name;
  const lines: string[] = [
    `# ${name} completion for fish, generated by \`${name} completion fish\` from its own commands.`,
    `# Load it in this shell:   ${name} completion fish | source`,
    `# Or for every shell:      ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `complete -c ${name} -f`,
    '# The spec ids of the workspace (the --root on the line, or the current folder), from speccc itself.',
    `function __${name}_spec_ids`,
    '    set -l words (commandline -opc)',
    '    set -l root',
    '    for i in (seq (count $words))',
    "        if test $words[$i] = --root; and test $i -lt (count $words)",
    '            set root --root $words[(math $i + 1)]',
    "        else if string match -q -- '--root=*' $words[$i]",
    "            set root --root (string replace -- '--root=' '' $words[$i])",
    '        end',
    '    end',
    `    command ${name} completion --ids $root 2>/dev/null`,
    'end',
  ];
  // A command path is "current" when each of its words was seen and none of its subcommands was.
  const condition = (cmd: CommandModel): string => {
    const parts = cmd.path.map((w) => `__fish_seen_subcommand_from ${w}`);
    if (cmd.subcommands.length > 0) parts.push(`not __fish_seen_subcommand_from ${cmd.subcommands.map((s) => s.name).join(' ')}`);
    if (cmd.path.length === 0) return cmd.subcommands.length > 0 ? '__fish_use_subcommand' : 'true';
    return parts.join('; and ');
  };
  for (const cmd of all(program)) {
    const when = fishQuote(condition(cmd));
    for (const sub of cmd.subcommands) lines.push(`complete -c ${name} -n ${when} -a ${sub.name} -d ${fishQuote(firstSentence(sub.description))}`);
    if (cmd.name === 'help' && cmd.path.length > 0) {
      const parent = all(program).find((c) => c.path.join(' ') === cmd.path.slice(0, -1).join(' '))!;
      lines.push(`complete -c ${name} -n ${when} -a ${fishQuote(parent.subcommands.map((s) => s.name).filter((n) => n !== 'help').join(' '))}`);
    }
    for (const f of cmd.flags) {
      const names = [`-l ${f.long.replace(/^--/, '')}`, ...(f.short ? [`-s ${f.short.replace(/^-/, '')}`] : [])].join(' ');
      let value = '';
      if (f.value?.kind === 'dir') value = ` -x -a '(__fish_complete_directories)'`;
      else if (f.value?.kind === 'file') value = ' -r -F';
      else if (f.value?.kind === 'choices') value = ` -x -a ${fishQuote(f.value.choices.join(' '))}`;
      else if (f.value && !f.valueOptional) value = ' -x';
      lines.push(`complete -c ${name} -n ${when} ${names}${value} -d ${fishQuote(firstSentence(f.description))}`);
    }
    if (cmd.args?.kind === 'file') lines.push(`complete -c ${name} -n ${when} -F`);
    else if (cmd.args?.kind === 'dir') lines.push(`complete -c ${name} -n ${when} -a '(__fish_complete_directories)'`);
    else if (cmd.args?.kind === 'choices') lines.push(`complete -c ${name} -n ${when} -a ${fishQuote(cmd.args.choices.join(' '))}`);
    else if (cmd.args?.kind === 'spec-id') lines.push(`complete -c ${name} -n ${when} -a '(__${name}_spec_ids)'`);
    for (const f of idFlags(cmd)) lines.push(`complete -c ${name} -n ${fishQuote(`${condition(cmd)}; and __fish_contains_opt ${f.long.replace(/^--/, '')}`)} -a '(__${name}_spec_ids)'`);
  }
  return lines.join('\n') + '\n';
}

export function completionScript(shell: Shell, program: Command): string {
  const model = commandModel(program);
  return shell === 'bash' ? bashScript(model) : shell === 'zsh' ? zshScript(model) : fishScript(model);
}

/** `speccc completion --ids [--root DIR]`: what the scripts call on each Tab that completes a spec id. */
async function printSpecIds(io: CliIo, rootFlag: string | undefined): Promise<number> {
  const { readSpecIds } = await import('../io/spec-ids.js');
  const ids = await readSpecIds(path.resolve(io.cwd, rootFlag ?? '.'));
  io.stdout(ids.map((id) => `${id}\n`).join(''));
  return EXIT.ok;
}

export const registerCompletion: RegisterCommand = (program, io: CliIo, done) => {
  program
    .command('completion')
    .description('Print a shell completion script for every command and flag (bash, zsh or fish).')
    // Optional only so that the hidden --ids can go without it; a script needs a shell.
    .addArgument(new Argument('[shell]', 'the shell to complete in').choices([...SHELLS]))
    .addOption(new Option('--ids', "print the workspace's spec ids, one a line (what the scripts call)").hideHelp())
    .addOption(new Option('--root <dir>', 'workspace root for --ids').hideHelp())
    .action((shell: Shell | undefined, flags: { ids?: boolean; root?: string }) => {
      if (flags.ids) return done(printSpecIds(io, flags.root));
      if (!shell) {
        io.stderr("error: missing required argument 'shell'\n");
        return done(Promise.resolve(EXIT.usage));
      }
      io.stdout(completionScript(shell, program));
      done(Promise.resolve(EXIT.ok));
    });
};
