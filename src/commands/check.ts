import { EXIT, type RegisterCommand } from './shared.js';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerCheck: RegisterCommand = (program, io, done) => {
  program
    .command('check')
    .description('(not yet implemented)')
    .action(() => {
      io.stderr('speccc check: not implemented yet\n');
      done(Promise.resolve(EXIT.usage));
    });
};
