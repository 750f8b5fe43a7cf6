import { jest } from '@jest/globals';

// Real builds take seconds; a hung one still fails the test rather than the whole run.
jest.setTimeout(180_000);
