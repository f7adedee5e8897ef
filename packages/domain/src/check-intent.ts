import { SYSTEM_ENTITIES } from './entity.js';
import type { IntentDefinition } from './intent.js';

export interface DefinitionIssue {
  /** Where the problem is, e.g. `trainingData[0].entities[1].value`. */
  path: string;
  message: string;
}

/**
 * What a schema cannot check about an intent: parameters and annotated spans name
 * entities that exist, and every span lies inside its text and reads its value.
 */
export function checkIntent(
  intent: IntentDefinition,
  customEntities: Iterable<string>,
  prefix = '',
): DefinitionIssue[] {
  const known = new Set<string>([...SYSTEM_ENTITIES, ...customEntities]);
  const at = (path: string) => (prefix ? `${prefix}.${path}` : path);
  const issues: DefinitionIssue[] = [];
  const names = new Set<string>();
  intent.parameters.forEach((parameter, p) => {
    if (names.has(parameter.name)) {
      issues.push({
        path: at(`parameters[${p}].name`),
        message: `parameter "${parameter.name}" is defined twice`,
      });
    }
    names.add(parameter.name);
    if (parameter.entity && !known.has(parameter.entity)) {
      issues.push({
        path: at(`parameters[${p}].entity`),
        message: `unknown entity "${parameter.entity}"`,
      });
    }
  });
  intent.trainingData.forEach((example, e) => {
    example.entities.forEach((span, s) => {
      const path = at(`trainingData[${e}].entities[${s}]`);
      if (!known.has(span.name))
        issues.push({ path: `${path}.name`, message: `unknown entity "${span.name}"` });
      if (span.end <= span.begin || span.end > example.text.length) {
        issues.push({
          path: `${path}.end`,
          message: `span ${span.begin}-${span.end} is outside the text (length ${example.text.length})`,
        });
        return;
      }
      const written = example.text.slice(span.begin, span.end);
      if (written !== span.value) {
        issues.push({
          path: `${path}.value`,
          message: `span ${span.begin}-${span.end} reads "${written}", not "${span.value}"`,
        });
      }
    });
  });
  return issues;
}
