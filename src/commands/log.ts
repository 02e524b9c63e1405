import { EXIT, type RegisterCommand } from './shared.js';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerLog: RegisterCommand = (program, io, done) => {
  program
    .command('log')
    .description('(not yet implemented)')
    .action(() => {
      io.stderr('speccc log: not implemented yet\n');
      done(Promise.resolve(EXIT.usage));
    });
};
