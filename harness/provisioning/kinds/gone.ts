const GONE = new Set(['ResourceNotFoundException', 'NoSuchEntity', 'NoSuchEntityException', 'NoSuchBucket']);

/** AWS's "not found" answers: Cognito's ResourceNotFoundException, IAM's NoSuchEntity, S3's NoSuchBucket. */
export function isGone(err: unknown): boolean {
  return GONE.has((err as { name?: string })?.name ?? '');
}

/**
 * A delete whose resource is already gone has done its job: AWS's "not found"
 * errors are swallowed, others thrown. Resolves `false` when the target said
 * the resource was not there, `true` when the call went through.
 */
export async function ignoreGone(call: Promise<unknown>): Promise<boolean> {
  try {
    await call;
    return true;
  } catch (err) {
    if (!isGone(err)) throw err;
    return false;
  }
}
