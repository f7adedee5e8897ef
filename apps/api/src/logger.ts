import { pino, type Logger } from 'pino';

/** Paths pino replaces with [redacted]: credentials never reach the logs. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-hub-signature-256"]',
  'res.headers["set-cookie"]',
  '*.apiKey',
  '*.password',
  '*.secret',
  '*.secrets',
  '*.token',
  '*.pageAccessToken',
  '*.appSecret',
  '*.verifyToken',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' } });
}
