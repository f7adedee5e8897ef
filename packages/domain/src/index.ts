export * from './ids.js';
export * from './entity.js';
export * from './intent.js';
export * from './bot.js';
export * from './bot-definition.js';
export * from './check-intent.js';
export * from './channel-settings.js';
export * from './language.js';
