// ai-chatbot-framework renders responses and tool calls with Jinja2. Its bots use a
// small set of forms, converted here to Parley's Handlebars: variable paths into
// `parameters`, `context` and `result`, and a literal list piped to `random`.

export interface ConvertedTemplate {
  /** One template, or several when a `[...] | random` list became response variants. */
  variants: string[];
  /** What could not be converted (the text is kept as written). */
  problems: string[];
}

const EXPRESSION = /\{\{([\s\S]*?)\}\}/g;
const STATEMENT = /\{%[\s\S]*?%\}/;
const ROOTS = new Set(['parameters', 'context', 'result']);
const MAX_VARIANTS = 50;

/** Converts one Jinja2 template; a list piped to `random` expands into variants. */
export function convertJinjaTemplate(template: string): ConvertedTemplate {
  // ACF's own examples carry byte-order marks and stray whitespace around lists.
  const source = template.replace(/\uFEFF/g, '');
  const problems: string[] = [];
  if (STATEMENT.test(source))
    problems.push(
      'Jinja statements ({% … %}) are not converted; rewrite them as Handlebars blocks',
    );

  let variants = [''];
  let last = 0;
  for (const match of source.matchAll(EXPRESSION)) {
    const literal = source.slice(last, match.index);
    last = match.index + match[0].length;
    const choices = convertExpression(match[1]!.trim(), match[0], problems);
    variants = variants.flatMap((prefix) => choices.map((choice) => prefix + literal + choice));
    if (variants.length > MAX_VARIANTS) {
      problems.push(`more than ${MAX_VARIANTS} variants; only the first ${MAX_VARIANTS} are kept`);
      variants = variants.slice(0, MAX_VARIANTS);
    }
  }
  const tail = source.slice(last);
  return { variants: variants.map((prefix) => (prefix + tail).trim()), problems };
}

function convertExpression(expression: string, original: string, problems: string[]): string[] {
  const path = convertPath(expression);
  if (path) return [`{{${path}}}`];
  const list = parseRandomList(expression);
  if (list) return list.map((item) => convertJinjaTemplate(item).variants[0] ?? item);
  problems.push(
    `cannot convert ${original.replace(/\s+/g, ' ')}: only variables of parameters, context and result and [..] | random are converted`,
  );
  return [original];
}

/** `parameters['x']`, `parameters.x`, `result.items[0]["name"]` → a Handlebars path. */
function convertPath(expression: string): string | null {
  const head = /^([A-Za-z_]\w*)/.exec(expression);
  if (!head || !ROOTS.has(head[1]!)) return null;
  const segments = [head[1]!];
  let rest = expression.slice(head[0].length);
  const segment = /^\s*(?:\.\s*([A-Za-z_]\w*)|\[\s*(?:'([^']*)'|"([^"]*)"|(\d+))\s*\])/;
  while (rest.length > 0) {
    const match = segment.exec(rest);
    if (!match) return null;
    const name = match[1] ?? match[2] ?? match[3] ?? match[4]!;
    segments.push(/^[A-Za-z_]\w*$/.test(name) ? name : `[${name}]`);
    rest = rest.slice(match[0].length);
  }
  return segments.join('.');
}

/** `["a", 'b'] | random` → ['a', 'b']. */
function parseRandomList(expression: string): string[] | null {
  const match = /^\[([\s\S]*)\]\s*\|\s*random$/.exec(expression);
  if (!match) return null;
  const items: string[] = [];
  const item = /\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*(,|$)/y;
  const body = match[1]!;
  item.lastIndex = 0;
  while (item.lastIndex < body.length) {
    const found = item.exec(body);
    if (!found) return null;
    items.push((found[1] ?? found[2]!).replace(/\\(.)/g, '$1'));
    if (found[3] === '') break;
  }
  return items.length > 0 ? items : null;
}

/** Handlebars → Jinja2 for exports to ai-chatbot-framework: the same paths, variants as a random list. */
export function toJinjaTemplate(variants: string[]): string {
  const jinja = variants.map((variant) =>
    variant.replace(
      /\{\{\s*([\w.[\]]+)\s*\}\}/g,
      (_, path: string) => `{{ ${path.replace(/\.\[(\d+)\]/g, '[$1]')} }}`,
    ),
  );
  if (jinja.length === 1) return jinja[0]!;
  if (jinja.some((variant) => variant.includes('{{'))) return jinja[0]!;
  return `{{ [${jinja.map((variant) => JSON.stringify(variant)).join(', ')}] | random }}`;
}
