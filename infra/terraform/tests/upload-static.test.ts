// Runs scripts/upload-static.sh against a stand-in `aws` command that records its calls
// (the AWS CLI cannot reach AWS here), with a real admin and widget layout on disk.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INFRA_DIR } from './terraform-config.js';

const SCRIPT = path.join(INFRA_DIR, 'scripts/upload-static.sh');

/** Records argv (and the content of an uploaded config.json) one JSON line per call. */
const FAKE_AWS = `#!/usr/bin/env bash
node -e '
const fs = require("fs");
const args = process.argv.slice(1);
const entry = { args };
if (args[0] === "s3" && args[1] === "cp" && /config\\.json$/.test(args[3] ?? "")) entry.body = fs.readFileSync(args[2], "utf8");
fs.appendFileSync(process.env.FAKE_AWS_LOG, JSON.stringify(entry) + "\\n");
' -- "$@"
`;

/** Answers `terraform -chdir=… output -raw NAME` from a fixed table. */
const FAKE_TERRAFORM = `#!/usr/bin/env bash
case "$4" in
  static_bucket) printf parley-prod-static-abc ;;
  static_distribution_id) printf E2EXAMPLE ;;
  api_url) printf https://api.example.com ;;
  *) exit 1 ;;
esac
`;

let work: string;
let log: string;

function write(relative: string, content = 'x') {
  const file = path.join(work, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o755 });
}

function run(args: string[]) {
  const result = spawnSync('bash', [SCRIPT, ...args], {
    encoding: 'utf8',
    env: {
      PATH: `${path.join(work, 'bin')}:${process.env.PATH ?? ''}`,
      FAKE_AWS_LOG: log,
      HOME: work,
    },
  });
  const calls = fs.existsSync(log)
    ? fs
        .readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { args: string[]; body?: string })
    : [];
  return { ...result, calls };
}

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-upload-'));
  log = path.join(work, 'aws.log');
  write('bin/aws', FAKE_AWS);
  write('bin/terraform', FAKE_TERRAFORM);
  write('admin/index.html', '<!doctype html>');
  write('admin/config.json', '{ "apiBaseUrl": "" }');
  write('admin/favicon.svg');
  write('admin/assets/index-3f2a1b.js');
  write('widget/widget.js');
  write('widget/widget.9c8d7e.js');
});

afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

const dists = () => [
  '--admin-dist',
  path.join(work, 'admin'),
  '--widget-dist',
  path.join(work, 'widget'),
];

describe('upload-static.sh', () => {
  it('writes config.json with the API URL, no-cache, next to index.html', () => {
    const { status, calls, stderr } = run([
      '--bucket',
      'b',
      '--distribution',
      'D1',
      '--api-url',
      'https://api.example.com/',
      ...dists(),
    ]);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const config = calls.find((c) => c.args[3] === 's3://b/admin/config.json')!;
    expect(JSON.parse(config.body!)).toEqual({ apiBaseUrl: 'https://api.example.com' });
    expect(config.args).toEqual(expect.arrayContaining(['--cache-control', 'no-cache']));
  });

  it('caches hashed files for a year and revalidates the entry points, index.html last of the admin', () => {
    const { calls } = run([
      '--bucket',
      'b',
      '--distribution',
      'D1',
      '--api-url',
      'https://a.example',
      ...dists(),
    ]);
    const cacheOf = (target: string) => {
      const call = calls.find((c) => c.args.includes(target))!;
      return call.args[call.args.indexOf('--cache-control') + 1];
    };
    expect(cacheOf('s3://b/admin/assets')).toBe('public, max-age=31536000, immutable');
    expect(cacheOf('s3://b/admin/index.html')).toBe('no-cache');
    expect(cacheOf('s3://b/widget.9c8d7e.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheOf('s3://b/widget.js')).toBe('public, max-age=300');
    const order = calls.map((c) => c.args[3] ?? c.args[2]);
    expect(order.indexOf('s3://b/admin/assets')).toBeLessThan(
      order.indexOf('s3://b/admin/index.html'),
    );
    const sync = calls.find((c) => c.args[3] === 's3://b/admin')!;
    expect(sync.args).toEqual(
      expect.arrayContaining(['--exclude', 'index.html', '--exclude', 'config.json']),
    );
  });

  it('invalidates the names that do not change', () => {
    const { calls } = run([
      '--bucket',
      'b',
      '--distribution',
      'D1',
      '--api-url',
      'https://a.example',
      ...dists(),
    ]);
    const invalidation = calls.find((c) => c.args[0] === 'cloudfront')!;
    expect(invalidation.args).toEqual(
      expect.arrayContaining([
        '--distribution-id',
        'D1',
        '/admin/index.html',
        '/admin/config.json',
        '/widget.js',
      ]),
    );
  });

  it("reads the bucket, distribution and API URL from the environment's terraform outputs", () => {
    const { status, calls } = run(['--env-dir', 'environments/prod', ...dists()]);
    expect(status).toBe(0);
    const config = calls.find(
      (c) => c.args[3] === 's3://parley-prod-static-abc/admin/config.json',
    )!;
    expect(JSON.parse(config.body!)).toEqual({ apiBaseUrl: 'https://api.example.com' });
    expect(calls.at(-1)!.args).toEqual(expect.arrayContaining(['--distribution-id', 'E2EXAMPLE']));
  });

  it('refuses to run without builds, and names what is missing', () => {
    const { status, stderr, calls } = run([
      '--bucket',
      'b',
      '--distribution',
      'D1',
      '--api-url',
      'https://a.example',
      '--admin-dist',
      path.join(work, 'none'),
      '--widget-dist',
      path.join(work, 'none'),
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain('run npm run build');
    expect(calls).toEqual([]);
  });

  it('refuses an API URL that is not http(s)', () => {
    const { status, stderr } = run([
      '--bucket',
      'b',
      '--distribution',
      'D1',
      '--api-url',
      'api.example.com',
      ...dists(),
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain('--api-url must be an http(s) URL');
  });
});
