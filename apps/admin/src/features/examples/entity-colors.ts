const COLOURS = 9;

/** A stable colour per entity: its place in the bot's entity list. */
export function entityColour(names: readonly string[], name: string): string {
  const index = names.indexOf(name);
  return `var(--entity-${(index < 0 ? COLOURS - 1 : index) % COLOURS})`;
}
