import { EXIT, type RegisterCommand } from './shared.js';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerWatch: RegisterCommand = (program, io, done) => {
  program
    .command('watch')
    .description('(not yet implemented)')
    .action(() => {
      io.stderr('speccc watch: not implemented yet\n');
      done(Promise.resolve(EXIT.usage));
    });
};
