/** What each system entity finds and what value it resolves to, for the bot builder. */
export const SYSTEM_ENTITY_HELP: Record<string, { finds: string; value: string }> = {
  'sys.number': { finds: '“three”, “42”, “1,5k”', value: 'a number: 3, 42, 1500' },
  'sys.ordinal': { finds: '“first”, “3rd”', value: 'a number: 1, 3' },
  'sys.percentage': { finds: '“20 %”, “ten percent”', value: 'a number: 20, 10' },
  'sys.money': { finds: '“$20”, “15 euros”', value: '{ amount, currency }' },
  'sys.date': {
    finds: '“tomorrow”, “next Friday”, “12 May”',
    value: 'an ISO date in the bot’s time zone',
  },
  'sys.time': { finds: '“5pm”, “at noon”', value: 'a time of day, HH:MM' },
  'sys.datetime': { finds: '“tomorrow at 5pm”', value: 'an ISO date-time' },
  'sys.duration': { finds: '“for two hours”, “3 days”', value: 'seconds' },
  'sys.email': { finds: '“ann@example.com”', value: 'the address' },
  'sys.phone': { finds: '“+1 415 555 0100”', value: 'the digits with +country' },
  'sys.url': { finds: '“https://example.com”', value: 'the URL' },
};
