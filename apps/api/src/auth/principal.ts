export type Role = 'admin' | 'viewer';

/** An authenticated caller of the admin API. */
export interface Principal {
  kind: 'apiKey' | 'user';
  id: string;
  name: string;
  role: Role;
  /** Set for a signed-in user: the session the request belongs to. */
  sessionId?: string;
  /** How the credential arrived; cookie-authenticated writes must carry the CSRF token. */
  via?: 'bearer' | 'cookie';
}

const RANK: Record<Role, number> = { viewer: 1, admin: 2 };

export function hasRole(principal: Principal, needed: Role): boolean {
  return RANK[principal.role] >= RANK[needed];
}
