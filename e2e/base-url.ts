/** The address of this journey file's own server (started by e2e/file-server.ts before the file runs). */
export function e2eBaseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the journeys through the e2e project (vitest --project e2e)');
  return url;
}
