/**
 * write-file-atomic, loaded on the first write: a run that writes nothing (a warm `check`) never
 * loads it, and start-up is part of every short command.
 */
export async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(file, data);
}
