// dirname and basename, with the answers GNU coreutils 9.1 gives.
import { describe, expect, it } from 'vitest';
import { basenameOf, dirnameOf } from '../../../../src/shell/commands/fs/names.js';

describe('dirname', () => {
  it.each([
    ['/var/lib/docker/overlay2/abc/diff', '/var/lib/docker/overlay2/abc'],
    ['/usr/', '/'],
    ['usr', '.'],
    ['/', '/'],
    ['//x//', '/'],
    ['a/b//', 'a'],
    ['', '.'],
  ])('dirname %j is %j', (input, expected) => expect(dirnameOf(input)).toBe(expected));
});

describe('basename', () => {
  it.each([
    ['/var/lib/docker/overlay2/abc/diff', '', 'diff'],
    ['/usr/', '', 'usr'],
    ['/', '', '/'],
    ['nginx.conf', '.conf', 'nginx'],
    ['.conf', '.conf', '.conf'],
  ])('basename %j %j is %j', (input, suffix, expected) => expect(basenameOf(input, suffix)).toBe(expected));
});
