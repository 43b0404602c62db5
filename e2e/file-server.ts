import { afterAll } from 'vitest';
import { startServer } from './server';

// one fresh platform per journey file (see server.ts); the file reads its address from E2E_BASE_URL
const server = await startServer();
process.env.E2E_BASE_URL = server.baseUrl;
afterAll(async () => {
  await server.stop();
});
