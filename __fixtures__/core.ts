// A typed stand-in for @actions/core (as actions/typescript-action keeps one), for the adapter's
// unit tests: inputs come from a map, everything the action says is recorded.
import { jest } from '@jest/globals';

export const inputs = new Map<string, string>();
export const said: { kind: string; text: string }[] = [];

const record = (kind: string) => (text: unknown) => void said.push({ kind, text: String(text) });

export const getInput = jest.fn((name: string) => inputs.get(name) ?? '');
export const setSecret = jest.fn(record('mask'));
export const setFailed = jest.fn(record('failed'));
export const setOutput = jest.fn((name: string, value: unknown) => void said.push({ kind: `output:${name}`, text: String(value) }));
export const saveState = jest.fn(record('state'));
export const getState = jest.fn(() => '');
export const info = jest.fn(record('info'));
export const debug = jest.fn(record('debug'));
export const notice = jest.fn(record('notice'));
export const warning = jest.fn(record('warning'));
export const error = jest.fn(record('error'));
export const startGroup = jest.fn(record('group'));
export const endGroup = jest.fn(() => {});
export const isDebug = jest.fn(() => false);
export const group = jest.fn(async <T>(_name: string, fn: () => Promise<T>) => fn());
export const summary = { addRaw: () => summary, write: async () => summary };
