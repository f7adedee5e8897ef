type Program = hbs.AST.Program;
type Statement = hbs.AST.Statement;
type Mustache = hbs.AST.MustacheStatement;
type Expression = hbs.AST.Expression;

/** The helper every `{{…}}` insertion is routed through; not for templates to call. */
export const ESCAPE_HELPER = '__parleyEscape';

/**
 * Rewrites each escaped insertion `{{x}}` / `{{helper a b}}` of a parsed template into
 * `{{__parleyEscape x}}` / `{{__parleyEscape (helper a b)}}`, so one function decides how a value
 * is written for the template's medium (text, URL). Triple-stash `{{{x}}}` stays raw. Mutates
 * and returns the AST Handlebars just parsed for this call.
 */
export function routeInsertions(program: Program): Program {
  program.body.forEach((statement, index) => {
    program.body[index] = rewrite(statement);
  });
  return program;
}

function rewrite(statement: Statement): Statement {
  if (statement.type === 'MustacheStatement') {
    const mustache = statement as Mustache;
    if (!mustache.escaped) return mustache;
    return {
      ...mustache,
      path: escapePath(mustache),
      params: [valueOf(mustache)],
      hash: emptyHash(mustache),
    } as Mustache;
  }
  if (statement.type === 'BlockStatement') {
    const block = statement as hbs.AST.BlockStatement;
    if (block.program) routeInsertions(block.program);
    if (block.inverse) routeInsertions(block.inverse);
  }
  return statement;
}

/** `x` alone, or the whole call as a subexpression when it has arguments. */
function valueOf(mustache: Mustache): Expression {
  if (mustache.params.length === 0 && !mustache.hash) return mustache.path;
  return {
    type: 'SubExpression',
    path: mustache.path as hbs.AST.PathExpression,
    params: mustache.params,
    hash: mustache.hash,
    loc: mustache.loc,
  } as hbs.AST.SubExpression;
}

function escapePath(mustache: Mustache): hbs.AST.PathExpression {
  return {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [ESCAPE_HELPER],
    original: ESCAPE_HELPER,
    loc: mustache.loc,
  } as hbs.AST.PathExpression;
}

function emptyHash(mustache: Mustache): hbs.AST.Hash {
  return { type: 'Hash', pairs: [], loc: mustache.loc } as hbs.AST.Hash;
}
