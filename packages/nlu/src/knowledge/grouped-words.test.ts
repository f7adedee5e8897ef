import { gzipSync } from 'node:zlib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatGroupedWords, parseGroupedWords, ShippedWords } from './grouped-words.js';

const HEADER = '# parley test words';

describe('grouped words files', () => {
  it('writes the same bytes for the same words in any order, the first group of a word winning', () => {
    const text = formatGroupedWords(
      HEADER,
      'v1',
      [
        ['rome', 'b'],
        ['paris', 'a'],
        ['rome', 'a'],
      ],
      ['from somewhere, its licence'],
    );
    expect(text).toBe('# parley test words v1\n# from somewhere, its licence\na\tparis\nb\trome\n');
    expect(
      formatGroupedWords(
        HEADER,
        'v1',
        [
          ['paris', 'a'],
          ['rome', 'b'],
        ],
        ['from somewhere, its licence'],
      ),
    ).toBe(text);
  });

  it('reads a word’s group, the version and the longest word, skipping the notices', () => {
    const table = parseGroupedWords(
      formatGroupedWords(
        HEADER,
        'v2',
        [
          ['北京', 'ns'],
          ['亚利桑那州', 'ns'],
          ['天气', 'n'],
        ],
        ['n'],
      ),
      HEADER,
      'test',
    );
    expect(table.version).toBe('v2');
    expect(table.groupOf('亚利桑那州')).toBe('ns');
    expect(table.groupOf('天气')).toBe('n');
    expect(table.groupOf('n')).toBeUndefined();
    expect(table.longest).toBe(5);
  });

  it('refuses another file, saying what it expected', () => {
    expect(() => parseGroupedWords('paris\ta\n', HEADER, 'test')).toThrow(
      'not a parley test file: its first line does not start with "# parley test words"',
    );
  });

  it('reads a shipped file once, on the first lookup or ahead of it, and digests it unread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grouped-words-'));
    const file = join(dir, 'words.txt.gz');
    writeFileSync(file, gzipSync(formatGroupedWords(HEADER, 'v3', [['paris', 'a']])));
    const shipped = new ShippedWords(pathToFileURL(file), HEADER, 'test');
    expect(shipped.digest()).toMatch(/^[0-9a-f]{16}$/);
    expect(shipped.loadedVersion()).toBeUndefined();
    await shipped.load();
    expect(shipped.loadedVersion()).toBe('v3');
    // Loaded once: a later change of the file does not reach a running process.
    writeFileSync(file, gzipSync(formatGroupedWords(HEADER, 'v4', [['rome', 'a']])));
    expect(shipped.get().groupOf('paris')).toBe('a');
  });
});
