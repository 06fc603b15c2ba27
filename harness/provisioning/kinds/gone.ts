const GONE = new Set(['ResourceNotFoundException', 'NoSuchEntity', 'NoSuchEntityException', 'NoSuchBucket']);

/** AWS's "not found" answers: Cognito's ResourceNotFoundException, IAM's NoSuchEntity, S3's NoSuchBucket. */
export function isGone(err: unknown): boolean {
  return GONE.has((err as { name?: string })?.name ?? '');
}

/** A delete whose resource is already gone has done its job: AWS's "not found" errors are swallowed, others thrown. */
export async function ignoreGone(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (err) {
    if (!isGone(err)) throw err;
  }
}
