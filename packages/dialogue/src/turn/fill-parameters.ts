import type { Parameter } from '@parley/domain';
import type { ExtractedEntity, JsonValue } from '@parley/nlu';
import { entityValueFor } from './entity-fit.js';

export type ParameterValues = Record<string, JsonValue>;

/**
 * Fills unfilled entity-typed parameters from extracted entities: the pending parameter
 * first, then the others in declaration order, each taking the next unused entity of its
 * type in message order — so two parameters of one type fill left to right. An entity of the
 * parameter's own type is used up; one that fills it by conversion (a date-and-time giving a
 * date) is used up only for that type, so "tomorrow at 8" fills both a date and a time.
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
  const converted = new Map<ExtractedEntity, Set<string>>();
  const ordered = [...parameters].sort(
    (a, b) => Number(b.name === pending) - Number(a.name === pending),
  );
  for (const parameter of ordered) {
    const wanted = parameter.entity;
    if (!wanted || Object.hasOwn(next, parameter.name)) continue;
    const found = nextFitting(unused, wanted, converted);
    if (!found) continue;
    setValue(next, parameter.name, found.value);
    filled.push(parameter.name);
    if (found.entity.name === wanted) unused.splice(unused.indexOf(found.entity), 1);
    else converted.set(found.entity, new Set([...(converted.get(found.entity) ?? []), wanted]));
  }
  return { values: next, filled };
}

/** The first entity, in message order, that can still fill a parameter typed `wanted`. */
function nextFitting(
  unused: readonly ExtractedEntity[],
  wanted: string,
  converted: ReadonlyMap<ExtractedEntity, ReadonlySet<string>>,
): { entity: ExtractedEntity; value: JsonValue } | undefined {
  for (const entity of unused) {
    if (converted.get(entity)?.has(wanted)) continue;
    const value = entityValueFor(wanted, entity);
    if (value !== undefined) return { entity, value };
  }
  return undefined;
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
