// The shape guards every restored JSON file is read through (src/types/json-shape.ts): the
// baseline's checkBaseline and the ledger's checkLedger use these and no guards of their own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCount, isList, isObject, isText, jsonObject } from '../../../src/types/json-shape.js';
import { repoRoot } from '../../support/paths.js';

const parsed = (text: string): unknown => JSON.parse(text);

describe('jsonObject / isObject', () => {
  test('a parsed object: itself, not a copy', () => {
    const v = parsed('{"a":1}');
    expect(jsonObject(v)).toBe(v);
    expect(isObject(v, ['a'])).toBe(true);
    expect(isObject(Object.create(null))).toBe(true);
  });
  test.each([
    ['null', null],
    ['an array where an object is expected', parsed('[{"a":1}]')],
    ['a string', 'a'],
    ['a number', 1],
    ['a Date (not a plain object)', new Date(0)],
    ['a class instance', new (class X {})()],
  ])('%s: not an object', (_, v) => {
    expect(jsonObject(v)).toBe('not an object');
    expect(jsonObject(v, ['a'])).toBe('not an object');
    expect(isObject(v)).toBe(false);
  });
  test('__proto__ as JSON.parse makes it (an own key): refused with or without a key list', () => {
    const v = parsed('{"a":1,"__proto__":{"polluted":true}}');
    expect(Object.hasOwn(v as object, '__proto__')).toBe(true);
    expect(jsonObject(v)).toBe('unexpected key "__proto__"');
    expect(jsonObject(v, ['a', '__proto__'])).toBe('unexpected key "__proto__"');
    expect(isObject(v)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  test('constructor, prototype or any key not listed: refused when the keys are given', () => {
    for (const key of ['constructor', 'prototype', 'pad']) {
      const v = parsed(`{"a":1,"${key}":{"prototype":{"polluted":true}}}`);
      expect(jsonObject(v, ['a'])).toBe(`unexpected key "${key}"`);
      expect(isObject(v, ['a'])).toBe(false);
    }
    // The first unexpected key in the object's order, cut to 64 characters for a debug line.
    expect(jsonObject(parsed(`{"${'k'.repeat(1000)}":1,"b":2}`), ['a'])).toBe(
      `unexpected key "${'k'.repeat(64)}"`,
    );
  });
});

test('isText: a string no longer than the bound', () => {
  expect(isText('abc', 3)).toBe(true);
  expect(isText('abcd', 3)).toBe(false);
  expect(isText('x'.repeat(10_001), 10_000)).toBe(false);
  expect(isText(3, 10)).toBe(false);
  expect(isText(['a'], 10)).toBe(false);
  expect(isText({ length: 1 }, 10)).toBe(false);
});

test('isCount: finite, not negative, not over the bound (2^53 - 1 unless given)', () => {
  expect(isCount(0)).toBe(true);
  expect(isCount(41_000)).toBe(true);
  expect(isCount(0.5, 1)).toBe(true);
  for (const bad of [NaN, Infinity, -Infinity, -1, -0.001, 2 ** 53, 1e308, '5', null, undefined, [1]])
    expect({ bad, ok: isCount(bad) }).toEqual({ bad, ok: false });
  expect(isCount(7, 1)).toBe(false);
  // JSON has no NaN or Infinity, but 1e999 parses to Infinity.
  expect(isCount(parsed('1e999'))).toBe(false);
});

test('isList: an array of at most the bound; an object with a length is none', () => {
  expect(isList([], 0)).toBe(true);
  expect(isList([1, 2], 2)).toBe(true);
  expect(isList([1, 2, 3], 2)).toBe(false);
  expect(isList({ length: 1, 0: 'a' }, 5)).toBe(false);
  expect(isList('ab', 5)).toBe(false);
});

test('the baseline and the ledger check their restored files with these guards only', () => {
  for (const file of ['src/baseline/baseline.ts', 'src/ledger/window.ts']) {
    const src = readFileSync(join(repoRoot, file), 'utf8');
    expect({ file, imports: src.includes("from '../types/json-shape.js'") }).toEqual({ file, imports: true });
    // No guard of their own: no finiteness, prototype or array-shape test written again.
    expect({ file, own: src.match(/Number\.isFinite|__proto__'|Array\.isArray\(v\)|typeof v ===/g) }).toEqual(
      {
        file,
        own: null,
      },
    );
  }
});
