// npm ci, unless node_modules already holds exactly what package-lock.json pins (npm writes its own copy of the
// lock into node_modules): a clean clone installs, a rebuild does not reinstall the same packages.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const pinned = (file) => JSON.stringify(Object.entries(JSON.parse(readFileSync(file, 'utf8')).packages ?? {})
  .filter(([path]) => path !== '').map(([path, p]) => [path, p.version, p.integrity]).sort());
if (existsSync(installed) && pinned(installed) === pinned('package-lock.json')) {
  console.log('web: node_modules matches package-lock.json');
} else {
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
