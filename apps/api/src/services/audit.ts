import type { AuditLogRepository } from '@parley/store';
import type { Principal } from '../auth/principal.js';

export type Audit = (
  principal: Principal,
  action: string,
  target: string,
  botId: string | null,
  details?: Record<string, unknown>,
) => Promise<void>;

/** Records who changed what. Callers pass details without secrets. */
export function createAudit(auditLog: AuditLogRepository): Audit {
  return (principal, action, target, botId, details = {}) =>
    auditLog.record({
      at: new Date(),
      actor: { kind: principal.kind, id: principal.id, name: principal.name },
      action,
      target,
      botId,
      details,
    });
}
