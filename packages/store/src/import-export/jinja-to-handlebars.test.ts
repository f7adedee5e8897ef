import { convertJinjaTemplate, toJinjaTemplate } from './jinja-to-handlebars.js';

describe('convertJinjaTemplate', () => {
  it.each([
    ["Order {{ parameters['order_number'] }}", 'Order {{parameters.order_number}}'],
    ['Order {{ parameters.order_number }}', 'Order {{parameters.order_number}}'],
    ['Hi {{context["username"] }} ### hello', 'Hi {{context.username}} ### hello'],
    ['Status <b>{{ result.status }}</b>', 'Status <b>{{result.status}}</b>'],
    ["{{ result['items'][0]['name'] }}", '{{result.items.[0].name}}'],
    ["{{ parameters['order number'] }}", '{{parameters.[order number]}}'],
  ])('converts %j', (jinja, handlebars) => {
    expect(convertJinjaTemplate(jinja)).toEqual({ variants: [handlebars], problems: [] });
  });

  it('turns a literal list piped to random into response variants', () => {
    const acf =
      '{{ \n\n[\n    "Sorry ### I\'m having trouble understanding you.",\n    "Hmm ### I cant handle that yet.",\n    "Can you please re-phrase your query ?"\n] | random \n\n}}\uFEFF\n\n';
    expect(convertJinjaTemplate(acf)).toEqual({
      variants: [
        "Sorry ### I'm having trouble understanding you.",
        'Hmm ### I cant handle that yet.',
        'Can you please re-phrase your query ?',
      ],
      problems: [],
    });
  });

  it('reports what it cannot convert and keeps the text', () => {
    const result = convertJinjaTemplate('{% if x %}yes{% endif %} {{ name | upper }}');
    expect(result.variants).toEqual(['{% if x %}yes{% endif %} {{ name | upper }}']);
    expect(result.problems).toHaveLength(2);
    expect(result.problems[1]).toContain('{{ name | upper }}');
  });
});

describe('toJinjaTemplate', () => {
  it('writes variants back as a random list and paths as Jinja', () => {
    expect(toJinjaTemplate(['a', 'b'])).toBe('{{ ["a", "b"] | random }}');
    expect(toJinjaTemplate(['Order {{parameters.order_number}}'])).toBe(
      'Order {{ parameters.order_number }}',
    );
  });
});
