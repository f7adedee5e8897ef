import Handlebars from 'handlebars';
import type { DefinitionIssue, IntentDefinition } from '@parley/domain';

/** Every template of an intent must compile; the issue says which one and where. */
export function checkIntentTemplates(intent: IntentDefinition): DefinitionIssue[] {
  const templates: Array<[string, string]> = [
    ...intent.responses.map((text, i): [string, string] => [`responses[${i}]`, text]),
    ...intent.parameters.flatMap((parameter, i): Array<[string, string]> => [
      [`parameters[${i}].prompt`, parameter.prompt],
      ...(parameter.reprompt
        ? [[`parameters[${i}].reprompt`, parameter.reprompt] as [string, string]]
        : []),
    ]),
    ...(intent.errorResponse ? [['errorResponse', intent.errorResponse] as [string, string]] : []),
    ...(intent.toolCall
      ? ([
          ['toolCall.url', intent.toolCall.url],
          ['toolCall.body', intent.toolCall.body],
          ...intent.toolCall.headers.map((header, i): [string, string] => [
            `toolCall.headers[${i}].value`,
            header.value,
          ]),
        ] as Array<[string, string]>)
      : []),
  ];
  const issues: DefinitionIssue[] = [];
  for (const [path, template] of templates) {
    try {
      Handlebars.parse(template);
    } catch (error) {
      issues.push({
        path,
        message: `template does not compile: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`,
      });
    }
  }
  return issues;
}
