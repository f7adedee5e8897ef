import type { EntityDefinition, Parameter } from '@parley/domain';
import type { ExtractedEntity, JsonValue, ParseOptions } from '@parley/nlu';
import { entityValueFor } from './entity-fit.js';
import { setValue, type ParameterValues } from './fill-parameters.js';

/** A forced value longer than this is refused: no entity value or free-text answer needs more. */
const MAX_FORCED_VALUE_LENGTH = 500;

export type ExtractEntities = (text: string, options: ParseOptions) => Promise<ExtractedEntity[]>;

export interface CheckedForcedValues {
  values: ParameterValues;
  /** One line per refused value, for the turn log. */
  refused: string[];
}

/**
 * Checks the parameter values of a forced intent (`/intent{"param": value}`) as if they had
 * been extracted from the message: a value for an entity with lookup values, patterns or a
 * system type must be recognised as that entity over its whole text (and takes the resolved
 * value, a synonym becoming its canonical value); a value for an entity learnt only from
 * annotations, or a free-text parameter, must be one line of text. Undeclared parameters are
 * dropped; refused values are left unset, so the bot asks for them.
 */
export async function checkForcedValues(
  parameters: Parameter[],
  forced: Record<string, JsonValue>,
  entities: EntityDefinition[],
  extract: ExtractEntities,
  options: ParseOptions,
): Promise<CheckedForcedValues> {
  const values: ParameterValues = {};
  const refused: string[] = [];
  for (const parameter of parameters) {
    if (!Object.hasOwn(forced, parameter.name)) continue;
    const given = forced[parameter.name] as JsonValue;
    const checked = await checkOne(parameter, given, entities, extract, options);
    if (checked.ok) setValue(values, parameter.name, checked.value);
    else refused.push(`${parameter.name}: ${checked.reason}`);
  }
  return { values, refused };
}

async function checkOne(
  parameter: Parameter,
  given: JsonValue,
  entities: EntityDefinition[],
  extract: ExtractEntities,
  options: ParseOptions,
): Promise<{ ok: true; value: JsonValue } | { ok: false; reason: string }> {
  const text = typeof given === 'number' || typeof given === 'boolean' ? String(given) : given;
  if (typeof text !== 'string') return { ok: false, reason: 'must be text or a number' };
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_FORCED_VALUE_LENGTH || /[\p{Cc}]/u.test(trimmed))
    return { ok: false, reason: `must be one line of 1 to ${MAX_FORCED_VALUE_LENGTH} characters` };
  const entity = parameter.entity;
  if (!entity || !isRecognisable(entity, entities)) return { ok: true, value: trimmed };
  const value = (await extract(trimmed, { ...options, expectedEntity: entity }))
    .filter((e) => e.begin === 0 && e.end === trimmed.length)
    .map((e) => entityValueFor(entity, e))
    .find((v) => v !== undefined);
  return value !== undefined
    ? { ok: true, value }
    : { ok: false, reason: `"${trimmed}" is not a ${entity}` };
}

/** System entities and entities with values or patterns can be checked; learnt-only ones cannot. */
function isRecognisable(name: string, entities: EntityDefinition[]): boolean {
  if (name.startsWith('sys.')) return true;
  const definition = entities.find((entity) => entity.name === name);
  return (
    definition !== undefined && (definition.values.length > 0 || definition.patterns.length > 0)
  );
}
