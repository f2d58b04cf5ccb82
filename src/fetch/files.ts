// Writing into the docs folder so that an interrupted fetch leaves every file either old or new.
import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations fetch performs; tests substitute one that fails mid-way. */
export interface FileOps {
  writeFile(path: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const NODE_FILE_OPS: FileOps = {
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  rename,
  unlink,
};

/** Temporary files are dotfiles, so even one left by a killed process is never read as a doc. */
const TEMP_FILE = /^\..+\.\d+-\d+\.fetch-tmp$/;
let tempCounter = 0;

/** Writes `text` beside `path` under a temporary name, then renames it over `path` (atomic on one file system). */
export async function writeFileAtomic(
  path: string,
  text: string,
  ops: FileOps = NODE_FILE_OPS,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${tempCounter++}.fetch-tmp`);
  try {
    await ops.writeFile(temp, text);
    await ops.rename(temp, path);
  } catch (error) {
    await ops.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Removes temporary files a killed fetch left behind. */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir))
    if (TEMP_FILE.test(name)) await unlink(join(dir, name)).catch(() => undefined);
}

/** A file's text, or undefined when there is none. */
export async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
