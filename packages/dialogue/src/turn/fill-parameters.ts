import type { Parameter } from '@parley/domain';
import type { ExtractedEntity, JsonValue } from '@parley/nlu';

export type ParameterValues = Record<string, JsonValue>;

/**
 * Fills unfilled entity-typed parameters from extracted entities: the pending parameter
 * first, then the others in declaration order, each taking the next unused entity of its
 * type in message order — so two parameters of one type fill left to right.
 * Returns new values and the names filled; the input is not mutated.
 */
export function fillFromEntities(
  parameters: Parameter[],
  values: ParameterValues,
  entities: ExtractedEntity[],
  pending: string | null = null,
): { values: ParameterValues; filled: string[] } {
  const next: ParameterValues = { ...values };
  const filled: string[] = [];
  const unused = [...entities].sort((a, b) => a.begin - b.begin);
  const ordered = [...parameters].sort(
    (a, b) => Number(b.name === pending) - Number(a.name === pending),
  );
  for (const parameter of ordered) {
    if (!parameter.entity || Object.hasOwn(next, parameter.name)) continue;
    const index = unused.findIndex((entity) => entity.name === parameter.entity);
    if (index < 0) continue;
    setValue(next, parameter.name, (unused[index] as ExtractedEntity).value);
    filled.push(parameter.name);
    unused.splice(index, 1);
  }
  return { values: next, filled };
}

/** Keeps only declared parameters from forced values (`/intent{"param": …}`). */
export function declaredValues(parameters: Parameter[], forced: ParameterValues): ParameterValues {
  const names = new Set(parameters.map((parameter) => parameter.name));
  return Object.fromEntries(Object.entries(forced).filter(([name]) => names.has(name)));
}

/** Required parameters still without a value, in declaration order. */
export function missingParameters(parameters: Parameter[], values: ParameterValues): Parameter[] {
  return parameters.filter(
    (parameter) => parameter.required && !Object.hasOwn(values, parameter.name),
  );
}

/** Sets an own property even for names like `__proto__` (slugs allow them). */
export function setValue(values: ParameterValues, name: string, value: JsonValue): void {
  Object.defineProperty(values, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
