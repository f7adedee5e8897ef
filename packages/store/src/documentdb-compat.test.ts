// Parley runs on MongoDB, Amazon DocumentDB 5.0 and FerretDB alike, so the store may use
// only what all three implement. This test reads the store's own source (the TypeScript
// syntax tree, so comments and prose do not count) and fails when it starts using a query
// operator, update operator, aggregation stage or accumulator, driver call, database
// command or index option outside the lists below. Each list was checked against Amazon
// DocumentDB 5.0's "Supported MongoDB APIs, operations, and data types" and FerretDB 1.24;
// infra/terraform/README.md ("DocumentDB compatibility") tables what is used and where.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(SRC, '../../..');

/** `$`-names allowed in filters, updates and pipelines. */
const ALLOWED_OPERATORS = new Set([
  // query
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$and',
  '$or',
  '$nor',
  '$not',
  '$exists',
  '$all',
  '$elemMatch',
  '$size',
  // update
  '$set',
  '$unset',
  '$inc',
  '$min',
  '$max',
  '$setOnInsert',
  '$push',
  '$addToSet',
  '$pull',
  '$each',
  // aggregation stages (DESIGN: the rest is computed in TypeScript)
  '$match',
  '$group',
  '$sort',
  '$skip',
  '$limit',
  '$project',
  '$unwind',
  // accumulators: FerretDB 1.24 implements $sum only
  '$sum',
]);

/** Driver methods and the server command each sends. */
const ALLOWED_DRIVER_CALLS: Record<string, string> = {
  find: 'find (+ getMore, killCursors)',
  findOne: 'find (limit 1)',
  insertOne: 'insert',
  updateOne: 'update',
  updateMany: 'update (multi)',
  replaceOne: 'update (replacement, upsert)',
  deleteOne: 'delete',
  deleteMany: 'delete (multi)',
  findOneAndUpdate: 'findAndModify',
  bulkWrite: 'update (ordered batch of replacements with upsert)',
  aggregate: 'aggregate',
  countDocuments: 'aggregate ($match + $group $sum)',
  createIndexes: 'createIndexes',
  command: 'the command named in its document (see ALLOWED_COMMANDS)',
  dropDatabase: 'dropDatabase (tests only)',
};

/** Driver methods Parley must not call: each needs what one of the three servers lacks. */
const FORBIDDEN_DRIVER_CALLS: Record<string, string> = {
  watch: 'change streams: off by default on DocumentDB, absent from FerretDB',
  startSession: 'sessions for transactions: not on FerretDB',
  withTransaction: 'transactions: not on FerretDB',
  mapReduce: 'mapReduce: not on DocumentDB',
  distinct: 'not used: FerretDB 1.24 answers it, but keep reads to find/aggregate',
  createSearchIndex: 'Atlas Search only',
  createSearchIndexes: 'Atlas Search only',
  findOneAndReplace: 'not used: findAndModify with a replacement is untested on FerretDB',
  estimatedDocumentCount: 'collection metadata counts differ between the servers',
  insertMany: 'not used: ordered batch inserts stop at a duplicate differently per server',
};

const ALLOWED_COMMANDS = new Set(['ping']);

/** Options of an index description (DocumentDB: no collation, no text/hashed in 5.0 here). */
const ALLOWED_INDEX_OPTIONS = new Set(['key', 'name', 'unique']);

interface StoreUsage {
  operators: Map<string, Set<string>>;
  fieldPaths: Set<string>;
  driverCalls: Map<string, Set<string>>;
  commands: Set<string>;
  indexOptions: Set<string>;
  indexKeyValues: Set<unknown>;
}

/** What one source file uses, from its syntax tree. */
function scanSource(file: string, source: string, usage: StoreUsage = emptyUsage()): StoreUsage {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const add = (map: Map<string, Set<string>>, key: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(path.basename(file)));

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name?.startsWith('$')) add(usage.operators, name);
    } else if (ts.isStringLiteralLike(node) && /^\$+[A-Za-z_]/.test(node.text)) {
      // ('$1', '$&' and a lone '$' are replacement patterns and key escapes, not MongoDB.)
      const parent = node.parent;
      const isKey = ts.isPropertyAssignment(parent) && parent.name === node;
      if (!isKey) {
        // '$field' is a field path; '$$NAME' a variable, and '$op' inside a string is still
        // an operator reference the scan must see.
        if (/^\$[A-Za-z_][\w.]*$/.test(node.text) && !node.text.startsWith('$$'))
          usage.fieldPaths.add(node.text);
        else add(usage.operators, node.text.replace(/^(\$+[A-Za-z]+).*$/, '$1'));
      }
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (
        Object.hasOwn(ALLOWED_DRIVER_CALLS, method) ||
        Object.hasOwn(FORBIDDEN_DRIVER_CALLS, method)
      )
        add(usage.driverCalls, method);
      if (method === 'command') {
        const [document] = node.arguments;
        if (document && ts.isObjectLiteralExpression(document)) {
          const first = document.properties[0];
          const name = first?.name ? propertyName(first.name) : undefined;
          if (name) usage.commands.add(name);
        }
      }
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'INDEXES' &&
      node.initializer
    ) {
      collectIndexOptions(node.initializer, usage);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return usage;
}

function collectIndexOptions(initializer: ts.Node, usage: StoreUsage): void {
  const visit = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) {
        if (!ts.isObjectLiteralExpression(element)) continue;
        for (const property of element.properties) {
          const name = property.name ? propertyName(property.name) : undefined;
          if (!name) continue;
          usage.indexOptions.add(name);
          if (name === 'key' && ts.isPropertyAssignment(property)) {
            const key = property.initializer;
            if (ts.isObjectLiteralExpression(key))
              for (const field of key.properties)
                if (ts.isPropertyAssignment(field))
                  usage.indexKeyValues.add(literal(field.initializer));
          }
        }
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(initializer);
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))
    return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression))
    return name.expression.text;
  return undefined;
}

function literal(node: ts.Expression): unknown {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand))
    return node.operator === ts.SyntaxKind.MinusToken
      ? -Number(node.operand.text)
      : Number(node.operand.text);
  if (ts.isStringLiteralLike(node)) return node.text;
  return node.getText();
}

function emptyUsage(): StoreUsage {
  return {
    operators: new Map(),
    fieldPaths: new Set(),
    driverCalls: new Map(),
    commands: new Set(),
    indexOptions: new Set(),
    indexKeyValues: new Set(),
  };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function scanStore(): StoreUsage {
  const usage = emptyUsage();
  for (const file of sourceFiles(SRC)) scanSource(file, fs.readFileSync(file, 'utf8'), usage);
  return usage;
}

const where = (map: Map<string, Set<string>>, allowed: (name: string) => boolean) =>
  [...map]
    .filter(([name]) => !allowed(name))
    .map(([name, files]) => `${name} in ${[...files].join(', ')}`);

describe('DocumentDB compatibility of the store', () => {
  const usage = scanStore();

  it('finds what the store uses (the scan works)', () => {
    expect(usage.operators.get('$set')).toContain('bots.repository.ts');
    expect(usage.operators.get('$group')).toContain('turns.repository.ts');
    expect(usage.driverCalls.get('findOneAndUpdate')).toContain('models.repository.ts');
    expect(usage.fieldPaths).toContain('$threadId');
    expect(usage.indexOptions).toContain('unique');
  });

  it('uses only operators, stages and accumulators all three servers implement', () => {
    expect(where(usage.operators, (name) => ALLOWED_OPERATORS.has(name))).toEqual([]);
  });

  it('calls only driver methods whose commands all three servers implement', () => {
    expect(where(usage.driverCalls, (name) => Object.hasOwn(ALLOWED_DRIVER_CALLS, name))).toEqual(
      [],
    );
  });

  it('runs only allowed database commands', () => {
    expect([...usage.commands].filter((name) => !ALLOWED_COMMANDS.has(name))).toEqual([]);
  });

  it('creates only ascending/descending indexes with allowed options', () => {
    expect([...usage.indexOptions].filter((name) => !ALLOWED_INDEX_OPTIONS.has(name))).toEqual([]);
    expect([...usage.indexKeyValues].filter((value) => value !== 1 && value !== -1)).toEqual([]);
  });

  it('lists everything it uses in the DocumentDB section of infra/terraform/README.md', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'infra/terraform/README.md'), 'utf8');
    const start = readme.indexOf('## DocumentDB compatibility');
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    const named = (name: string) => section.includes(`\`${name}\``);
    const used = [
      ...usage.operators.keys(),
      ...usage.driverCalls.keys(),
      ...usage.commands,
      ...usage.indexOptions,
    ];
    expect(used.filter((name) => !named(name))).toEqual([]);
  });

  it.each([
    ['a $where filter', "c.find({ $where: 'this.a > 1' })", '$where'],
    ['a $lookup stage', "c.aggregate([{ $lookup: { from: 'x' } }])", '$lookup'],
    ['a quoted operator key', "c.updateOne({}, { '$rename': { a: 'b' } })", '$rename'],
    ['an $avg accumulator', "c.aggregate([{ $group: { _id: '$a', m: { $avg: '$b' } } }])", '$avg'],
    ['a $$ROOT variable', "c.aggregate([{ $project: { d: '$$ROOT' } }])", '$$ROOT'],
  ])('flags %s', (_label, code, operator) => {
    const found = scanSource('snippet.ts', code);
    expect(where(found.operators, (name) => ALLOWED_OPERATORS.has(name))).toEqual([
      `${operator} in snippet.ts`,
    ]);
  });

  it('flags change streams and transactions, and ignores operators named in comments', () => {
    const found = scanSource(
      'snippet.ts',
      '// no $natural sort here\nc.watch([]); client.startSession();',
    );
    expect([...found.driverCalls.keys()].sort()).toEqual(['startSession', 'watch']);
    expect(found.operators.size).toBe(0);
  });

  it('flags a text index and a TTL index', () => {
    const found = scanSource(
      'indexes.ts',
      "const INDEXES = { a: [{ key: { body: 'text' }, name: 't', expireAfterSeconds: 60 }] };",
    );
    expect(found.indexKeyValues).toContain('text');
    expect(found.indexOptions).toContain('expireAfterSeconds');
  });
});
