// What watch mode takes for its own output folder inside an input folder: its writes there are not doc changes.
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOutputFolder } from '../../src/cli/watch.js';

describe('isOutputFolder', () => {
  const root = mkdtempSync(join(tmpdir(), 'topgen-out-'));
  mkdirSync(join(root, 'docs', 'sdk'), { recursive: true });
  symlinkSync(join(root, 'docs'), join(root, 'docs-link'));

  it('matches the output folder however either side is spelled', () => {
    expect(isOutputFolder(join(root, 'docs', 'sdk'), join(root, 'docs', 'sdk'))).toBe(true);
    expect(isOutputFolder(join(root, 'docs-link', 'sdk'), join(root, 'docs', 'sdk'))).toBe(true);
    expect(isOutputFolder(join(root, 'docs', 'sdk'), join(root, 'docs-link', '.', 'sdk'))).toBe(true);
  });

  it('does not match a folder of the same name elsewhere, or one that does not exist', () => {
    expect(isOutputFolder(join(root, 'docs', 'sdk', 'sdk'), join(root, 'docs', 'sdk'))).toBe(false);
    expect(isOutputFolder(join(root, 'docs', 'sdkx'), join(root, 'docs', 'sdk'))).toBe(false);
    expect(isOutputFolder(join(root, 'gone', 'sdk'), join(root, 'docs', 'sdk'))).toBe(false);
  });
});
