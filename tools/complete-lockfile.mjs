// The registry mirror this project is developed behind serves only the packages of its own
// platform, so `npm install` leaves other platforms' optional binaries (swc, turbo, esbuild …)
// out of package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds the
// missing optional entries with their os/cpu constraints, so `npm ci` skips them on every
// platform but their own. Run after `npm install`: node tools/complete-lockfile.mjs
import fs from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = [
  ['darwin', 'darwin'],
  ['win32', 'win32'],
  ['windows', 'win32'],
  ['freebsd', 'freebsd'],
  ['android', 'android'],
  ['openharmony', 'openharmony'],
  ['linux', 'linux'],
  ['sunos', 'sunos'],
  ['netbsd', 'netbsd'],
  ['openbsd', 'openbsd'],
  ['aix', 'aix'],
  ['wasm', null],
  ['wasi', null],
];
const CPU = [
  ['arm64', 'arm64'],
  ['aarch64', 'arm64'],
  ['x64', 'x64'],
  ['64', 'x64'],
  ['ia32', 'ia32'],
  ['arm', 'arm'],
  ['ppc64', 'ppc64'],
  ['s390x', 's390x'],
  ['riscv64', 'riscv64'],
  ['loong64', 'loong64'],
  ['mips64el', 'mips64el'],
];

function constraints(name) {
  const base = name.split('/').pop().toLowerCase();
  const parts = base.split('-');
  const os = OS.find(([key]) => parts.includes(key));
  const cpu = CPU.find(([key]) => parts.includes(key));
  const out = {};
  if (os && os[1]) out.os = [os[1]];
  if (os && !os[1]) out.cpu = ['wasm32'];
  if (cpu && !out.cpu) out.cpu = [cpu[1]];
  if (parts.includes('musl') || parts.includes('musleabihf')) out.libc = ['musl'];
  else if (parts.includes('gnu') || parts.includes('gnueabihf')) out.libc = ['glibc'];
  // Something we cannot place: keep npm from ever installing it by accident.
  if (!out.os && !out.cpu) out.os = ['!any'];
  return out;
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = location === '' ? '' : `${location}/`;
    const nested = `${parentDir}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    const version = String(range).replace(/^[\^~=]/, '');
    packages[hoisted] = { version, optional: true, ...constraints(name) };
    added += 1;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
