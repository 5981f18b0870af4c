export const config = {
  port: Number(process.env.PORT ?? 4000),
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://localhost:5432/tasks',
  jwtSecret: process.env.JWT_SECRET ?? '',
  sessionCookie: 'sid',
};
