import { afterEach } from 'vitest';
import { testClock } from './test-app';

// every test starts on the real clock unless it sets one
afterEach(() => testClock.reset());
