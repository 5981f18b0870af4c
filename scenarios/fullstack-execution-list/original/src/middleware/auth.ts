import { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export interface AuthUser {
  id: string;
  projectId: string;
  role: 'viewer' | 'operator' | 'admin';
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: AuthUser;
    }
  }
}

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.header('authorization')?.replace(/^Bearer /, '');
  if (!token) {
    res.status(401).json({ error: 'unauthenticated' });
    return;
  }
  try {
    const claims = jwt.verify(token, process.env.JWT_SECRET as string) as jwt.JwtPayload;
    req.user = { id: String(claims.sub), projectId: claims.pid, role: claims.role };
    next();
  } catch {
    res.status(401).json({ error: 'unauthenticated' });
  }
}
