import { checkTemplate, checkToolCallUrl, type RenderMode } from '@parley/dialogue';
import type { DefinitionIssue, IntentDefinition } from '@parley/domain';

/**
 * Every template of an intent must compile as the renderer will render it (a JSON body in JSON
 * mode), and a tool-call URL must write out its origin; the issue says which one and where.
 */
export function checkIntentTemplates(intent: IntentDefinition): DefinitionIssue[] {
  const templates: Array<[string, string, RenderMode]> = [
    ...intent.responses.map((text, i): [string, string, RenderMode] => [
      `responses[${i}]`,
      text,
      'text',
    ]),
    ...intent.parameters.flatMap((parameter, i): Array<[string, string, RenderMode]> => [
      [`parameters[${i}].prompt`, parameter.prompt, 'text'],
      ...(parameter.reprompt
        ? [
            [`parameters[${i}].reprompt`, parameter.reprompt, 'text'] as [
              string,
              string,
              RenderMode,
            ],
          ]
        : []),
    ]),
    ...(intent.errorResponse
      ? [['errorResponse', intent.errorResponse, 'text'] as [string, string, RenderMode]]
      : []),
  ];
  const issues: DefinitionIssue[] = [];
  const { toolCall } = intent;
  if (toolCall) {
    templates.push(
      ['toolCall.url', toolCall.url, 'url'],
      ['toolCall.body', toolCall.body, toolCall.bodyType === 'json' ? 'json' : 'text'],
      ...toolCall.headers.map((header, i): [string, string, RenderMode] => [
        `toolCall.headers[${i}].value`,
        header.value,
        'text',
      ]),
    );
    const urlProblem = checkToolCallUrl(toolCall.url);
    if (urlProblem) issues.push({ path: 'toolCall.url', message: urlProblem });
  }
  for (const [path, template, mode] of templates) {
    const problem = checkTemplate(template, mode);
    if (problem) issues.push({ path, message: problem });
  }
  return issues;
}
