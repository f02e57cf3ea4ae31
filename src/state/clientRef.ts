/** The one worker client the actions use (created on first use; tests install a fake). */
import { createClient, type RouteLabClient } from '../workers/client';

let client: RouteLabClient | null = null;

export function getClient(): RouteLabClient {
  client ??= createClient();
  return client;
}

export function setClient(next: RouteLabClient | null): void {
  client = next;
}
