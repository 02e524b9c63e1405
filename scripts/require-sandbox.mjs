// `npm test` runs generated code sealed in bubblewrap: stop with one line if it cannot.
import { execFileSync } from 'node:child_process';

try {
  execFileSync('bwrap', ['--unshare-all', '--ro-bind', '/usr', '/usr', '--symlink', 'usr/bin', '/bin', '--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64', '--', '/usr/bin/true'], { stdio: 'ignore' });
} catch (error) {
  const missing = error && error.code === 'ENOENT';
  console.error(
    missing
      ? 'npm test needs bubblewrap (speccc runs generated code sealed): sudo apt-get install -y bubblewrap'
      : 'npm test needs bubblewrap to create sandboxes, and this machine forbids unprivileged user namespaces: see docs/security.md',
  );
  process.exit(1);
}
