import { EXIT, type RegisterCommand } from './shared.js';

// Placeholder until the owning issue lands; replaced by the real command.
export const registerBuild: RegisterCommand = (program, io, done) => {
  program
    .command('build')
    .description('(not yet implemented)')
    .action(() => {
      io.stderr('speccc build: not implemented yet\n');
      done(Promise.resolve(EXIT.usage));
    });
};
