/**
 * A commander usage error (unknown command, unknown option, a value outside the allowed choices)
 * -> the word the user most likely meant. Commander's own suggestion is turned off
 * (`showSuggestionAfterError(false)` in index.ts) so that a typo on the command line is judged by
 * the same closest() as a typo in a spec, the config or a suppression comment.
 */
import type { Command, CommanderError } from 'commander';
import { closest } from '../diagnostics/closest.js';

/** The command argv reaches: each word that names a subcommand of the one before steps into it. */
function commandOf(program: Command, argv: readonly string[]): Command {
  let command = program;
  for (const word of argv) {
    if (word.startsWith('-')) continue;
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) break;
    command = sub;
  }
  return command;
}

/** Long flags a command accepts, its own and its parents' (as commander looks them up). */
function longFlags(command: Command): string[] {
  const flags: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) {
    for (const option of c.createHelp().visibleOptions(c)) if (option.long) flags.push(option.long);
  }
  return flags;
}

/** What to suggest for the error, or undefined when nothing known is close. */
export function usageSuggestion(program: Command, argv: readonly string[], error: CommanderError): string | undefined {
  const command = commandOf(program, argv);
  if (error.code === 'commander.unknownCommand') {
    const typed = /unknown command '(.*)'/.exec(error.message)?.[1];
    const names = command.createHelp().visibleCommands(command).flatMap((c) => [c.name(), ...c.aliases()]);
    return typed === undefined ? undefined : closest(typed, names);
  }
  if (error.code === 'commander.unknownOption') {
    const typed = /unknown option '(--.*)'/.exec(error.message)?.[1];
    return typed === undefined ? undefined : closest(typed, longFlags(command));
  }
  if (error.code === 'commander.invalidArgument') {
    const m = /argument '(.*)' is invalid\. Allowed choices are (.*)\.$/.exec(error.message);
    return m ? closest(m[1]!, m[2]!.split(', ')) : undefined;
  }
  return undefined;
}
