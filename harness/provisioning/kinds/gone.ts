const GONE = new Set(['ResourceNotFoundException', 'NoSuchEntity', 'NoSuchEntityException']);

/** A delete whose resource is already gone has done its job: AWS's "not found" errors are swallowed, others thrown. */
export async function ignoreGone(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (err) {
    if (!GONE.has((err as { name?: string })?.name ?? '')) throw err;
  }
}
