/** `topgen mock` serving the APIs of docs-input/, started once for a test file, for calls from generated clients. */
import { afterAll, beforeAll } from 'vitest';
import { startMockGateway, type MockGateway } from '../../src/mock/index.js';
import { generateInMemory } from './pipeline.js';

/** The credentials the docs-input gateway accepts; clients under test sign with them. */
export const APP_KEY = '12345678';
export const APP_SECRET = 'helloworld';

/**
 * Starts the gateway before the file's tests and closes it after them. Call at the top of a file or `describe`;
 * the returned function gives the running gateway inside tests and hooks.
 */
export function docsInputGateway(): () => MockGateway {
  let gateway: MockGateway | undefined;
  beforeAll(async () => {
    gateway = await startMockGateway({
      apis: generateInMemory().apis,
      appKey: APP_KEY,
      appSecret: APP_SECRET,
    });
  });
  afterAll(async () => {
    await gateway?.close();
  });
  return () => {
    if (gateway === undefined)
      throw new Error('the docs-input gateway is not running (used outside a test?)');
    return gateway;
  };
}
