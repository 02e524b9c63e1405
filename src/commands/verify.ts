import { EXIT, type RegisterCommand } from './shared.js';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerVerify: RegisterCommand = (program, io, done) => {
  program
    .command('verify')
    .description('(not yet implemented)')
    .action(() => {
      io.stderr('speccc verify: not implemented yet\n');
      done(Promise.resolve(EXIT.usage));
    });
};
