import type { Request, Response } from 'express';

/** The admin UI's session cookie: httpOnly, SameSite=Strict, never readable by page scripts. */
export const SESSION_COOKIE = 'parley_session';

/** The value of one cookie from the request's `Cookie` header, or undefined. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    return part.slice(at + 1).trim();
  }
  return undefined;
}

export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: Date) {
  res.append('Set-Cookie', serialize(req, token, expiresAt));
}

export function clearSessionCookie(req: Request, res: Response) {
  res.append('Set-Cookie', serialize(req, '', new Date(0)));
}

function serialize(req: Request, value: string, expires: Date): string {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    `Expires=${expires.toUTCString()}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  // Behind the ALB `req.secure` reads X-Forwarded-Proto (TRUST_PROXY=1).
  if (req.secure) attributes.push('Secure');
  return attributes.join('; ');
}
