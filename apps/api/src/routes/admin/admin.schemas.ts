import { z } from 'zod';
import { ZSlug } from '@parley/domain';

export const ZBotParams = z.object({ botId: z.string().min(1).max(100) });
export const ZIntentParams = ZBotParams.extend({ intentId: z.string().min(1).max(64) });
export const ZEntityParams = ZBotParams.extend({ name: z.string().min(1).max(64) });
export const ZSecretParams = ZBotParams.extend({ name: ZSlug });
export const ZIdParams = z.object({ id: z.string().min(1).max(100) });

/** A JSON merge patch (RFC 7386): nested objects merge, `null` removes a value. */
export const ZMergePatch = z.record(z.string(), z.unknown());

export const ZValidationIssues = z.array(z.object({ path: z.string(), message: z.string() }));

export const ZRole = z.enum(['admin', 'viewer']);
export const ZUsername = z
  .string()
  .regex(/^[A-Za-z0-9_.@-]{3,64}$/, '3 to 64 letters, digits or _ . @ -');
export const ZPassword = z.string().min(10, 'at least 10 characters').max(200);
