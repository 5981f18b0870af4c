import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { config } from '../config';

export interface AuthUser {
  id: string;
  orgId: string;
}

interface AuthedRequest extends Request {
  user: AuthUser;
}

export function currentUser(req: Request): AuthUser {
  return (req as AuthedRequest).user;
}

export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const token: string | undefined = req.cookies?.[config.sessionCookie];
  if (!token) {
    res.status(401).json({ error: 'unauthenticated' });
    return;
  }
  try {
    const payload = jwt.verify(token, config.jwtSecret) as jwt.JwtPayload;
    (req as AuthedRequest).user = { id: String(payload.sub), orgId: String(payload.org) };
    next();
  } catch {
    res.status(401).json({ error: 'unauthenticated' });
  }
}
