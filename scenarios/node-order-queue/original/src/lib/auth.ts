import { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export function authenticate(req: Request, res: Response, next: NextFunction): void {
  const token = req.header('authorization')?.replace(/^Bearer /, '');
  if (!token) {
    res.status(401).json({ error: 'unauthenticated' });
    return;
  }
  try {
    const claims = jwt.verify(token, process.env.JWT_SECRET as string) as jwt.JwtPayload;
    res.locals.customerId = String(claims.sub);
    next();
  } catch {
    res.status(401).json({ error: 'unauthenticated' });
  }
}
